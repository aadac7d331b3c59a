/**
 * promptfoo provider: the full `ask()` pipeline of the engine, as the backend
 * runs it, with the answer and validator models given in `config`.
 *
 *   providers:
 *     - id: file://../providers/answerProvider.ts
 *       label: champion
 *       config: { answer: builtin-answer, validator: { provider: builtin, model: validator-rules } }
 *
 * Test vars: `contract` (path from the repository root), `question`,
 * optional `clearance` (default internal), optional `notes` (owner knowledge
 * notes `[{id, text, column?, author, createdAt}]`, or that array as a JSON
 * string: cited as `note:<id>` like the backend's). The output is JSON:
 * `{answer, status, reasons, refused, abstained, claims, citations, leaked}`.
 */
import type { ApiProvider } from 'promptfoo';
import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import {
  ask,
  createAnswerModel,
  createValidatorModel,
  resolveDomainModels,
  type KnowledgeNote,
  type NamedSpec,
} from '@dpa/plugin-data-product-assistant-node';
import { leakedValues, sensitiveExamples } from '../lib/leaks';
import { loadProduct } from '../lib/products';
import { loadSpecArtifact } from '../lib/domainModels';
import {
  hostedUnavailable,
  loadAppModels,
  resolveSpec,
  type SpecRef,
} from '../lib/specs';
import { modelProviders } from '../lib/modelProviders';
import {
  str,
  type CallContext,
  type DpaProviderResponse,
  type ProviderInit,
} from './common';

export interface AnswerProviderConfig {
  /** Answer model: a model name from app-config or an inline ModelSpec (default: the domain's, from app-config). */
  answer?: SpecRef;
  /** Validator model, likewise. */
  validator?: SpecRef;
  /** app-config file holding the named models (default: the repository's app-config.yaml). */
  appConfig?: string;
  /** Promotion registry whose verified champions serve when no model is named (`dpa eval` passes evals/registry). */
  registryDir?: string;
  /** Environment the hosted models' keys are read from (default process.env). */
  env?: Record<string, string | undefined>;
}

/**
 * The `notes` test var as the engine's knowledge notes: an array of
 * `{id, text, column?, author, createdAt}` (or its JSON text); absent, null or
 * empty text: no notes. A malformed value gives `error`, never a throw.
 */
export function parseNotesVar(
  value: unknown,
  entityRef: string,
): { notes?: KnowledgeNote[]; error?: string } {
  if (value === undefined || value === null) return {};
  let raw = value;
  if (typeof value === 'string') {
    if (!value.trim()) return {};
    try {
      raw = JSON.parse(value);
    } catch (e) {
      return {
        error: `test var "notes" is not valid JSON: ${(e as Error).message}`,
      };
    }
  }
  if (!Array.isArray(raw))
    return {
      error:
        'test var "notes" must be an array of {id, text, column?, author, createdAt}',
    };
  const notes: KnowledgeNote[] = [];
  const ids = new Set<string>();
  for (const [i, item] of raw.entries()) {
    const at = `test var "notes"[${i}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item))
      return {
        error: `${at} must be an object {id, text, column?, author, createdAt}`,
      };
    const n = { ...(item as Record<string, unknown>) };
    // YAML 1.1 readers (js-yaml, as plain promptfoo uses) turn unquoted timestamps into dates
    if (n.createdAt instanceof Date && !Number.isNaN(n.createdAt.getTime()))
      n.createdAt = n.createdAt.toISOString();
    for (const key of ['id', 'text', 'author', 'createdAt'] as const)
      if (typeof n[key] !== 'string' || !(n[key] as string).trim())
        return { error: `${at}: ${key} must be a non-empty string` };
    if (
      n.column !== undefined &&
      n.column !== null &&
      typeof n.column !== 'string'
    )
      return { error: `${at}: column must be a string when given` };
    if (Number.isNaN(Date.parse(n.createdAt as string)))
      return { error: `${at}: createdAt must be an ISO 8601 timestamp` };
    if (ids.has(n.id as string))
      return { error: `${at}: duplicate id ${n.id}` };
    ids.add(n.id as string);
    notes.push({
      id: n.id as string,
      entityRef: typeof n.entityRef === 'string' ? n.entityRef : entityRef,
      text: n.text as string,
      ...(typeof n.column === 'string' && n.column ? { column: n.column } : {}),
      author: n.author as string,
      createdAt: n.createdAt as string,
    });
  }
  return notes.length ? { notes } : {};
}

/** A promptfoo provider (`file://` in the suites). */
export default class DpaAnswerProvider implements ApiProvider {
  readonly label?: string;
  readonly config: AnswerProviderConfig;
  private readonly providerId: string;
  /** How many calls reached a hosted model; the offline tests assert it stays 0. */
  hostedCalls = 0;

  constructor(options: ProviderInit<AnswerProviderConfig> = {}) {
    this.config = options.config ?? {};
    this.label = options.label;
    this.providerId =
      options.id && !options.id.startsWith('file://')
        ? options.id
        : `dpa-answer${options.label ? `:${options.label}` : ''}`;
  }

  id() {
    return this.providerId;
  }

  /** The specs this provider runs for a domain. */
  specsFor(domain: string | undefined): {
    answer: NamedSpec;
    validator: NamedSpec;
    scope?: string[];
    tokenBudget: number;
  } {
    const config = loadAppModels(this.config.appConfig);
    const domainModels = resolveDomainModels(config, domain);
    return {
      answer: resolveSpec(
        this.config.answer,
        'answer',
        domain,
        config,
        this.config.registryDir,
      ),
      validator: resolveSpec(
        this.config.validator,
        'validator',
        domain,
        config,
        this.config.registryDir,
      ),
      scope: domainModels.scope,
      tokenBudget: domainModels.tokenBudget,
    };
  }

  async callApi(
    prompt: string,
    context?: CallContext,
  ): Promise<DpaProviderResponse> {
    const vars = context?.vars ?? {};
    const contract = str(vars.contract);
    const question = (str(vars.question) ?? prompt).trim();
    if (!contract) return { error: 'test var "contract" is required' };
    const clearance = (str(vars.clearance) ?? 'internal') as Classification;
    const product = loadProduct(contract);
    const { notes, error: notesError } = parseNotesVar(
      vars.notes,
      product.profile.entityRef,
    );
    if (notesError) return { error: notesError };
    const domain = str(vars.domain) ?? product.domain;
    const specs = this.specsFor(domain);
    const env = this.config.env ?? process.env;
    for (const s of [specs.answer, specs.validator]) {
      const why = hostedUnavailable(s.spec, env);
      if (why) {
        return {
          error: `hosted model ${s.name} not called: ${why}`,
          metadata: {
            unavailable: why,
            answerProvider: specs.answer.spec.provider,
            validatorProvider: specs.validator.spec.provider,
            hostedCalled: false,
          },
        };
      }
    }
    // a trained answer model serves only with its own domain's untampered artifact
    let artifact;
    try {
      artifact = loadSpecArtifact(specs.answer.spec, domain);
    } catch (e) {
      return {
        error: `answer model ${specs.answer.name}: ${(e as Error).message}`,
      };
    }
    const hosted =
      specs.answer.spec.provider === 'openai' ||
      specs.validator.spec.provider === 'openai';
    if (hosted) this.hostedCalls++;
    const result = await ask({
      question,
      profile: product.profile,
      // with notes the engine builds the facts from the profile and the notes, as the backend does
      ...(notes ? { notes } : { facts: product.facts }),
      answerModel: createAnswerModel(specs.answer.name, specs.answer.spec, {
        providers: modelProviders(env),
        artifact,
      }),
      validatorModel: createValidatorModel(
        specs.validator.name,
        specs.validator.spec,
        { providers: modelProviders(env) },
      ),
      clearance,
      domain,
      scope: specs.scope,
      tokenBudget: specs.tokenBudget,
    });
    const leaked = leakedValues(
      [result.answer, ...result.citations.map(c => c.text)].join('\n'),
      sensitiveExamples(product.facts, clearance),
    );
    const output = {
      answer: result.answer,
      status: result.verdict.status,
      reasons: result.verdict.reasons.map(r => r.code),
      groundedness: result.verdict.groundedness,
      refused: Boolean(result.output.refused),
      abstained: result.output.abstained,
      claims: result.output.claims,
      citations: result.citations,
      leaked,
      ...(result.error ? { error: result.error } : {}),
    };
    const u = result.usage;
    return {
      output: JSON.stringify(output),
      tokenUsage: {
        prompt: u.promptTokens,
        completion: u.completionTokens,
        total: u.promptTokens + u.completionTokens,
        numRequests: 1,
      },
      cost: u.costUsd,
      latencyMs: result.latencyMs,
      metadata: {
        answerModel: result.answerModel,
        validatorModel: result.validatorModel,
        answerProvider: specs.answer.spec.provider,
        validatorProvider: specs.validator.spec.provider,
        hostedCalled: hosted,
        latencyMs: result.latencyMs,
        costUsd: u.costUsd,
        leaked,
      },
    };
  }
}
