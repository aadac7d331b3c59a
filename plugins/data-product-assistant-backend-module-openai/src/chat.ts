import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  RateLimitError,
} from 'openai';
import type { z } from 'zod';
import {
  ModelCallError,
  ModelOutputError,
  costOf,
  maxTokensOf,
  type ModelSpec,
  type Usage,
} from '@dpa/plugin-data-product-assistant-node';

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
/** Bytes of a reply read before the call is aborted (`options.maxReplyBytes` in the spec). */
export const DEFAULT_MAX_REPLY_BYTES = 256 * 1024;

function maxReplyBytesOf(spec: ModelSpec): number {
  const value = spec.options?.maxReplyBytes;
  return typeof value === 'number' && Number.isInteger(value) && value > 0
    ? value
    : DEFAULT_MAX_REPLY_BYTES;
}

/** A reply body past the byte cap; raised while reading it, so the SDK does not retry. */
class ReplyTooLargeError extends Error {
  readonly name = 'ReplyTooLargeError';
}

/**
 * `fetch` whose response bodies error (and hang up) past `maxBytes`: a
 * runaway endpoint can neither fill memory nor hold the event loop parsing.
 */
function cappedFetch(maxBytes: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.body) return response;
    const declared = Number(response.headers.get('content-length'));
    let seen = 0;
    const limited = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        start(controller) {
          if (declared > maxBytes) {
            controller.error(
              new ReplyTooLargeError(`reply of ${declared} bytes`),
            );
          }
        },
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) {
            controller.error(
              new ReplyTooLargeError(`reply over ${maxBytes} bytes`),
            );
            return;
          }
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(limited, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Per call: the caller's deadline, as a signal and the time left. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Time left before the caller's deadline; each attempt gets at most this. */
  timeoutMs?: number;
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
  const timeoutMs = spec.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new OpenAI({
    apiKey,
    baseURL: spec.baseUrl,
    timeout: timeoutMs,
    maxRetries: spec.maxRetries ?? DEFAULT_MAX_RETRIES,
    fetch: cappedFetch(maxReplyBytesOf(spec)),
  });

  return async function complete<T>(
    messages: ChatMessage[],
    format: {
      name: string;
      jsonSchema: Record<string, unknown>;
      schema: z.ZodType<T>;
    },
    call: CallOptions = {},
  ): Promise<{ value: T; usage: Usage }> {
    let response: OpenAI.Chat.Completions.ChatCompletion;
    try {
      response = await client.chat.completions.create(
        {
          model: spec.model,
          messages,
          temperature: spec.temperature,
          max_tokens: maxTokensOf(spec),
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: format.name,
              strict: true,
              schema: format.jsonSchema,
            },
          },
        },
        {
          signal: call.signal,
          // No attempt outlives the caller's deadline.
          timeout: Math.max(
            1,
            Math.min(timeoutMs, call.timeoutMs ?? timeoutMs),
          ),
        },
      );
    } catch (e) {
      if (isReplyTooLarge(e)) {
        throw new ModelOutputError(
          'too-large',
          `${spec.model} sent a reply larger than ${maxReplyBytesOf(
            spec,
          )} bytes; it was cut off`,
        );
      }
      throw toCallError(e, spec);
    }
    const promptTokens = response.usage?.prompt_tokens ?? 0;
    const completionTokens = response.usage?.completion_tokens ?? 0;
    const usage = {
      promptTokens,
      completionTokens,
      costUsd: costOf(spec, promptTokens, completionTokens),
    };
    // An unusable reply was still paid for: its usage travels with the error.
    const unusable = (
      code: ModelOutputError['code'],
      message: string,
      content?: string,
    ) => new ModelOutputError(code, message, content, usage);

    const message = response.choices?.[0]?.message;
    if (message?.refusal) {
      throw unusable('refusal', `${spec.model} refused: ${message.refusal}`);
    }
    const content = message?.content;
    if (!content) throw unusable('empty', `${spec.model} returned no content`);
    let json: unknown;
    try {
      json = JSON.parse(stripFences(content));
    } catch {
      throw unusable(
        'malformed-json',
        `${spec.model} returned content that is not JSON`,
        content,
      );
    }
    const parsed = format.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw unusable(
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

function isReplyTooLarge(e: unknown): boolean {
  for (let cause = e; cause; cause = (cause as { cause?: unknown }).cause) {
    if (cause instanceof ReplyTooLargeError) return true;
  }
  return false;
}

function toCallError(e: unknown, spec: ModelSpec): ModelCallError {
  const at = `${spec.model}${spec.baseUrl ? ` at ${spec.baseUrl}` : ''}`;
  if (e instanceof APIUserAbortError) {
    return new ModelCallError(
      'aborted',
      `${at} was abandoned at the caller's deadline`,
      undefined,
      { cause: e },
    );
  }
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
