import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  championFor,
  modelSpecSchema,
  parseDomainConfig,
  resolveDomainModels,
  type DomainConfig,
  type ModelSpec,
  type NamedSpec,
} from '@dpa/plugin-data-product-assistant-node';
import { modelProviders } from './modelProviders';
import { APP_CONFIG_FILE } from './paths';
import { readRegistry } from './registryFiles';

const configs = new Map<string, DomainConfig>();

/** The `dataProductAssistant` model section of an app-config file (default: the repository's app-config.yaml). */
export function loadAppModels(file = APP_CONFIG_FILE): DomainConfig {
  const hit = configs.get(file);
  if (hit) return hit;
  const doc = parse(readFileSync(file, 'utf8')) as {
    dataProductAssistant?: Record<string, unknown>;
  } | null;
  const s = doc?.dataProductAssistant ?? {};
  const config = parseDomainConfig(
    {
      models: s.models,
      domains: s.domains,
      defaults: s.defaults,
    },
    { providers: modelProviders() },
  );
  configs.set(file, config);
  return config;
}

/** A model reference in a suite or on the command line: a model name from app-config or an inline spec. */
export type SpecRef = string | ModelSpec | { name: string; spec: ModelSpec };

const registries = new Map<string, ReturnType<typeof readRegistry>>();

/**
 * What the backend serves for a domain and role: the challenger of the
 * latest promoted record of `registryDir` that verifies (records that do not
 * are refused, as the backend refuses them), else app-config's model.
 */
export function servedSpec(
  role: 'answer' | 'validator',
  domain: string | undefined,
  config: DomainConfig,
  registryDir?: string,
): NamedSpec {
  if (registryDir && domain) {
    let records = registries.get(registryDir);
    if (!records) {
      records = readRegistry(registryDir, {
        onRefused: r =>
          process.stderr.write(
            `dpa: registry record ${r.file} refused: ${r.problems.join(
              '; ',
            )}\n`,
          ),
      });
      registries.set(registryDir, records);
    }
    const champion = championFor(records, domain, role);
    if (champion)
      return {
        name: champion.challenger.name,
        spec: champion.challenger.spec as ModelSpec,
      };
  }
  return resolveDomainModels(config, domain)[role];
}

/**
 * Resolves the answer or validator model for a domain: an explicit reference
 * wins; otherwise what the backend serves for that domain (`servedSpec`).
 */
export function resolveSpec(
  ref: SpecRef | undefined,
  role: 'answer' | 'validator',
  domain: string | undefined,
  config: DomainConfig,
  registryDir?: string,
): NamedSpec {
  if (ref === undefined) return servedSpec(role, domain, config, registryDir);
  if (typeof ref === 'string') {
    const name = ref;
    const fromConfig = config.models[name];
    if (fromConfig) return { name, spec: fromConfig as ModelSpec };
    // builtin-answer / builtin-validator resolve through the defaults machinery
    const probe = parseDomainConfig({
      models: config.models,
      defaults:
        role === 'answer'
          ? { answerModel: name, validatorModel: 'builtin-validator' }
          : { answerModel: 'builtin-answer', validatorModel: name },
    });
    return resolveDomainModels(probe, undefined)[role];
  }
  if (
    'spec' in ref &&
    'name' in ref &&
    typeof (ref as { name: unknown }).name === 'string' &&
    (ref as { spec?: unknown }).spec
  ) {
    const r = ref as { name: string; spec: ModelSpec };
    return { name: r.name, spec: modelSpecSchema.parse(r.spec) as ModelSpec };
  }
  const spec = modelSpecSchema.parse(ref) as ModelSpec;
  return {
    name: spec.provider === 'builtin' ? `${spec.model}` : spec.model,
    spec,
  };
}

/**
 * Why a hosted (openai) spec cannot be called here, or undefined when it can:
 * the key variable it names must be set, and there must be an endpoint
 * (`baseUrl`, OPENAI_BASE_URL, or a key for the default OpenAI endpoint).
 */
export function hostedUnavailable(
  spec: ModelSpec,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (spec.provider !== 'openai') return undefined;
  if (spec.apiKeyEnv && !env[spec.apiKeyEnv])
    return `environment variable ${spec.apiKeyEnv} (API key for ${spec.model}) is not set`;
  const hasKey = Boolean(
    spec.apiKeyEnv ? env[spec.apiKeyEnv] : env.OPENAI_API_KEY,
  );
  if (!spec.baseUrl && !env.OPENAI_BASE_URL && !hasKey)
    return `no endpoint for ${spec.model}: set baseUrl or OPENAI_BASE_URL, and the API key`;
  return undefined;
}
