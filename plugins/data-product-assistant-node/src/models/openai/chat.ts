import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  RateLimitError,
} from 'openai';
import type { z } from 'zod';
import type { ModelSpec, Usage } from '../types';
import { ModelCallError, ModelOutputError } from '../errors';

export interface OpenAiOptions {
  /** Where `spec.apiKeyEnv` is looked up (default `process.env`). */
  env?: Record<string, string | undefined>;
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;

/** USD for a call, from the spec's prices per million tokens. */
export function costOf(
  spec: ModelSpec,
  promptTokens: number,
  completionTokens: number,
): number {
  if (!spec.prices) return 0;
  return (
    (promptTokens * spec.prices.input + completionTokens * spec.prices.output) /
    1_000_000
  );
}

/**
 * One structured chat completion against any OpenAI-compatible endpoint.
 * The SDK retries 408/409/429/5xx with exponential backoff (honouring
 * `retry-after(-ms)`) up to `spec.maxRetries`; each attempt is bounded by
 * `spec.timeoutMs`. Failures surface as `ModelCallError`, unusable output as
 * `ModelOutputError`; nothing else escapes.
 */
export function createStructuredChat(
  spec: ModelSpec,
  options: OpenAiOptions = {},
) {
  const env = options.env ?? process.env;
  let apiKey = 'not-needed';
  if (spec.apiKeyEnv) {
    const key = env[spec.apiKeyEnv];
    if (!key) {
      throw new ModelCallError(
        'config',
        `environment variable ${spec.apiKeyEnv} (API key for ${spec.model}) is not set`,
      );
    }
    apiKey = key;
  }
  const client = new OpenAI({
    apiKey,
    baseURL: spec.baseUrl,
    timeout: spec.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: spec.maxRetries ?? DEFAULT_MAX_RETRIES,
  });

  return async function complete<T>(
    messages: ChatMessage[],
    format: {
      name: string;
      jsonSchema: Record<string, unknown>;
      schema: z.ZodType<T>;
    },
  ): Promise<{ value: T; usage: Usage }> {
    let response: OpenAI.Chat.Completions.ChatCompletion;
    try {
      response = await client.chat.completions.create({
        model: spec.model,
        messages,
        temperature: spec.temperature,
        max_tokens: spec.maxTokens,
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: format.name,
            strict: true,
            schema: format.jsonSchema,
          },
        },
      });
    } catch (e) {
      throw toCallError(e, spec);
    }
    const promptTokens = response.usage?.prompt_tokens ?? 0;
    const completionTokens = response.usage?.completion_tokens ?? 0;
    const usage = {
      promptTokens,
      completionTokens,
      costUsd: costOf(spec, promptTokens, completionTokens),
    };

    const message = response.choices?.[0]?.message;
    if (message?.refusal) {
      throw new ModelOutputError(
        'refusal',
        `${spec.model} refused: ${message.refusal}`,
      );
    }
    const content = message?.content;
    if (!content)
      throw new ModelOutputError('empty', `${spec.model} returned no content`);
    let json: unknown;
    try {
      json = JSON.parse(stripFences(content));
    } catch {
      throw new ModelOutputError(
        'malformed-json',
        `${spec.model} returned content that is not JSON`,
        content,
      );
    }
    const parsed = format.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ModelOutputError(
        'schema-mismatch',
        `${spec.model} output does not match ${format.name}: ${
          first?.path.join('.') || '(root)'
        } ${first?.message ?? ''}`.trim(),
        content,
      );
    }
    return { value: parsed.data, usage };
  };
}

/** Some OpenAI-compatible servers wrap JSON in a markdown code fence. */
function stripFences(content: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(content);
  return m ? m[1] : content;
}

function toCallError(e: unknown, spec: ModelSpec): ModelCallError {
  const at = `${spec.model}${spec.baseUrl ? ` at ${spec.baseUrl}` : ''}`;
  if (e instanceof APIConnectionTimeoutError) {
    return new ModelCallError(
      'timeout',
      `${at} timed out after ${spec.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`,
      undefined,
      { cause: e },
    );
  }
  if (e instanceof APIConnectionError) {
    return new ModelCallError(
      'connection',
      `${at} is unreachable: ${e.message}`,
      undefined,
      { cause: e },
    );
  }
  if (e instanceof RateLimitError) {
    return new ModelCallError(
      'rate-limit',
      `${at} kept rate-limiting after retries`,
      429,
      { cause: e },
    );
  }
  if (e instanceof APIError) {
    return new ModelCallError(
      'http',
      `${at} failed with HTTP ${e.status ?? '?'}`,
      e.status,
      { cause: e },
    );
  }
  return new ModelCallError(
    'unknown',
    `${at} failed: ${e instanceof Error ? e.message : String(e)}`,
    undefined,
    { cause: e },
  );
}
