import { z } from 'zod';
import type { ModelSpec } from './types';
import { BUILTIN_ANSWER_SPEC } from './builtin/answerModel';
import {
  BUILTIN_PROVIDER_ID,
  unknownProviderMessage,
  type ModelProvider,
} from './modelProvider';

export const modelSpecSchema = z
  .object({
    /** `builtin`, or the id of a provider a backend module registers (checked by `parseDomainConfig`). */
    provider: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'must be a model provider id'),
    model: z.string().min(1),
    baseUrl: z.string().url().optional(),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must name an environment variable')
      .optional(),
    systemPrompt: z.string().optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
    timeoutMs: z.number().int().positive().optional(),
    maxRetries: z.number().int().min(0).max(10).optional(),
    prices: z
      .object({ input: z.number().min(0), output: z.number().min(0) })
      .optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

const domainSettingsSchema = z
  .object({
    answerModel: z.string().min(1),
    validatorModel: z.string().min(1),
    systemPrompt: z.string().optional(),
    scope: z.array(z.string().min(1)).optional(),
    tokenBudget: z.number().int().positive().optional(),
  })
  .strict();

/** Names always available without configuration. */
export const BUILTIN_ANSWER_MODEL = 'builtin-answer';
export const BUILTIN_VALIDATOR_MODEL = 'builtin-validator';
export const BUILTIN_VALIDATOR_SPEC: ModelSpec = {
  provider: 'builtin',
  model: 'validator-rules',
};
export const DEFAULT_TOKEN_BUDGET = 2000;

/**
 * `dataProductAssistant` in app-config: named model specs, per-domain choices
 * and the defaults used by every domain not listed.
 */
export const domainConfigSchema = z
  .object({
    models: z.record(z.string(), modelSpecSchema).default({}),
    domains: z.record(z.string(), domainSettingsSchema).default({}),
    defaults: domainSettingsSchema.default({
      answerModel: BUILTIN_ANSWER_MODEL,
      validatorModel: BUILTIN_VALIDATOR_MODEL,
    }),
  })
  .superRefine((config, ctx) => {
    const known = new Set([
      BUILTIN_ANSWER_MODEL,
      BUILTIN_VALIDATOR_MODEL,
      ...Object.keys(config.models),
    ]);
    const check = (path: (string | number)[], name: string) => {
      if (!known.has(name)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `unknown model "${name}"; define it under models`,
        });
      }
    };
    // A trained artifact is served only after the gate checked it (dpa promote → registry).
    for (const [name, spec] of Object.entries(config.models)) {
      if (spec.options?.domainModel !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['models', name, 'options', 'domainModel'],
          message:
            'a trained domain model is served once promoted (dpa train, then dpa promote), not from configuration',
        });
      }
    }
    check(['defaults', 'answerModel'], config.defaults.answerModel);
    check(['defaults', 'validatorModel'], config.defaults.validatorModel);
    for (const [domain, settings] of Object.entries(config.domains)) {
      check(['domains', domain, 'answerModel'], settings.answerModel);
      check(['domains', domain, 'validatorModel'], settings.validatorModel);
    }
  });

export type DomainConfigInput = z.input<typeof domainConfigSchema>;
export type DomainConfig = z.output<typeof domainConfigSchema>;

/**
 * Parses the configuration, throwing one readable error listing every
 * problem. With `providers`, every model must name the built-in provider or
 * one of them: a model nothing can serve stops the backend at startup.
 */
export function parseDomainConfig(
  input: unknown,
  options: { providers?: readonly ModelProvider[] } = {},
): DomainConfig {
  const { providers } = options;
  const schema = providers
    ? domainConfigSchema.superRefine((config, ctx) => {
        for (const [name, spec] of Object.entries(config.models)) {
          if (
            spec.provider !== BUILTIN_PROVIDER_ID &&
            !providers.some(p => p.id === spec.provider)
          ) {
            ctx.addIssue({
              code: 'custom',
              path: ['models', name, 'provider'],
              message: unknownProviderMessage(spec.provider, providers),
            });
          }
        }
      })
    : domainConfigSchema;
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      i => `${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new Error(
      `invalid dataProductAssistant configuration: ${problems.join('; ')}`,
    );
  }
  return parsed.data;
}

export interface NamedSpec {
  name: string;
  spec: ModelSpec;
}

export interface DomainModels {
  domain: string | undefined;
  /** True when the domain is listed; false when the defaults applied. */
  configured: boolean;
  answer: NamedSpec;
  validator: NamedSpec;
  scope?: string[];
  tokenBudget: number;
}

function lookup(config: DomainConfig, name: string): ModelSpec {
  const spec = config.models[name];
  if (spec) return spec as ModelSpec;
  if (name === BUILTIN_ANSWER_MODEL) return BUILTIN_ANSWER_SPEC;
  if (name === BUILTIN_VALIDATOR_MODEL) return BUILTIN_VALIDATOR_SPEC;
  throw new Error(`unknown model "${name}"`);
}

/**
 * The model specs serving a domain: its own settings when listed, the
 * defaults otherwise. A domain system prompt becomes part of the answer
 * model's spec, so it changes that model's version.
 */
export function resolveDomainModels(
  config: DomainConfig,
  domain: string | undefined,
): DomainModels {
  const own = domain !== undefined ? config.domains[domain] : undefined;
  const settings = own ?? config.defaults;
  const answerSpec = lookup(config, settings.answerModel);
  const systemPrompt =
    settings.systemPrompt ?? (own ? config.defaults.systemPrompt : undefined);
  return {
    domain,
    configured: own !== undefined,
    answer: {
      name: settings.answerModel,
      spec: systemPrompt
        ? {
            ...answerSpec,
            systemPrompt: [answerSpec.systemPrompt, systemPrompt]
              .filter(Boolean)
              .join('\n\n'),
          }
        : answerSpec,
    },
    validator: {
      name: settings.validatorModel,
      spec: lookup(config, settings.validatorModel),
    },
    scope: settings.scope ?? (own ? config.defaults.scope : undefined),
    tokenBudget:
      settings.tokenBudget ??
      (own ? config.defaults.tokenBudget : undefined) ??
      DEFAULT_TOKEN_BUDGET,
  };
}
