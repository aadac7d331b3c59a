/**
 * promptfoo provider: one validator model on a labelled (context, question, answer).
 *
 * Test vars: `context` (a contract path from the repository root, or plain
 * text: one fact per paragraph), `question`, `answer`; optional `citations`
 * (fact ids the answer's single claim cites; default: each sentence is
 * attributed to its best-matching facts, or to every fact of a plain-text
 * context), `clearance` (default internal), `domain`, `scope`.
 * Output JSON: `{status, reasons, groundedness}`.
 */
import type { ApiProvider } from 'promptfoo';
import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import {
  attributeClaims,
  createValidatorModel,
  type AnswerOutput,
  type NamedSpec,
} from '@dpa/plugin-data-product-assistant-node';
import { loadContext } from '../lib/products';
import { modelProviders } from '../lib/modelProviders';
import {
  hostedUnavailable,
  loadAppModels,
  resolveSpec,
  type SpecRef,
} from '../lib/specs';
import {
  str,
  type CallContext,
  type DpaProviderResponse,
  type ProviderInit,
} from './common';

export interface ValidatorProviderConfig {
  validator?: SpecRef;
  /** Domain whose served validator is used when `validator` is not given. */
  domain?: string;
  appConfig?: string;
  /** Promotion registry whose verified champions serve when no model is named. */
  registryDir?: string;
  env?: Record<string, string | undefined>;
}

function list(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v.trim())
    return v.trim().startsWith('[')
      ? (JSON.parse(v) as string[])
      : v.split(',').map(s => s.trim());
  return undefined;
}

/** A promptfoo provider (`file://` in the suites). */
export default class DpaValidatorProvider implements ApiProvider {
  readonly label?: string;
  readonly config: ValidatorProviderConfig;
  private readonly providerId: string;
  hostedCalls = 0;

  constructor(options: ProviderInit<ValidatorProviderConfig> = {}) {
    this.config = options.config ?? {};
    this.label = options.label;
    this.providerId =
      options.id && !options.id.startsWith('file://')
        ? options.id
        : `dpa-validator${options.label ? `:${options.label}` : ''}`;
  }

  id() {
    return this.providerId;
  }

  spec(): NamedSpec {
    return resolveSpec(
      this.config.validator,
      'validator',
      this.config.domain,
      loadAppModels(this.config.appConfig),
      this.config.registryDir,
    );
  }

  async callApi(
    prompt: string,
    context?: CallContext,
  ): Promise<DpaProviderResponse> {
    const vars = context?.vars ?? {};
    const ctx = str(vars.context);
    const answerText = str(vars.answer);
    if (!ctx || answerText === undefined)
      return { error: 'test vars "context" and "answer" are required' };
    const question = str(vars.question) ?? prompt;
    const facts = loadContext(ctx);
    const citations = list(vars.citations);
    const plainText = facts.every(f => f.kind === 'doc');
    const answer: AnswerOutput = citations
      ? {
          answer: answerText,
          claims: [{ text: answerText, citations }],
          abstained: false,
        }
      : plainText
      ? {
          answer: answerText,
          claims: [{ text: answerText, citations: facts.map(f => f.id) }],
          abstained: false,
        }
      : attributeClaims(answerText, facts);
    const named = this.spec();
    const env = this.config.env ?? process.env;
    const why = hostedUnavailable(named.spec, env);
    if (why)
      return {
        error: `hosted model ${named.name} not called: ${why}`,
        metadata: {
          unavailable: why,
          validatorProvider: named.spec.provider,
          hostedCalled: false,
        },
      };
    if (named.spec.provider === 'openai') this.hostedCalls++;
    const model = createValidatorModel(named.name, named.spec, {
      providers: modelProviders(env),
    });
    const started = performance.now();
    const { verdict, usage } = await model.validate({
      question,
      facts,
      answer,
      clearance: (str(vars.clearance) ?? 'internal') as Classification,
      domain: str(vars.domain),
      scope: list(vars.scope),
    });
    const latencyMs = performance.now() - started;
    return {
      output: JSON.stringify({
        status: verdict.status,
        reasons: verdict.reasons.map(r => r.code),
        groundedness: verdict.groundedness,
      }),
      tokenUsage: {
        prompt: usage.promptTokens,
        completion: usage.completionTokens,
        total: usage.promptTokens + usage.completionTokens,
        numRequests: 1,
      },
      cost: usage.costUsd,
      latencyMs,
      metadata: {
        validatorModel: model.ref,
        validatorProvider: named.spec.provider,
        hostedCalled: named.spec.provider === 'openai',
        latencyMs,
        costUsd: usage.costUsd,
      },
    };
  }
}
