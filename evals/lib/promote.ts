/**
 * `dpa promote`: champion and challenger side by side on a domain's answer
 * suite (and the validator suite for validator challengers), the gate of
 * evals/thresholds.yaml, and an immutable registry record.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import {
  applyGate,
  BUILTIN_PROVIDER_ID,
  championFor,
  gateRolesFor,
  modelSpecSchema,
  pairedCounts,
  REGISTRY_SCHEMA_VERSION,
  specVersion,
  thresholdsHash,
  unknownProviderMessage,
  type ModelSpec,
  type NamedSpec,
  type PairedCounts,
  type RegistryModelEntry,
  type RegistryRecord,
  type RegistryRole,
} from '@dpa/plugin-data-product-assistant-node';
import DpaAnswerProvider from '../providers/answerProvider';
import DpaValidatorProvider from '../providers/validatorProvider';
import { caseOutcomes, type Metrics } from './metrics';
import { modelProviders } from './modelProviders';
import {
  APP_CONFIG_FILE,
  datasetsDir,
  REGISTRY_DIR,
  REPO_ROOT,
  repoRelative,
  THRESHOLDS_FILE,
} from './paths';
import {
  appendRecord,
  loadThresholds,
  readRegistry,
  type RefusedRecord,
} from './registryFiles';
import {
  listSuites,
  loadSuite,
  promptfooVersion,
  runEval,
  suiteFile,
  type EvalRun,
} from './runEval';
import { hostedUnavailable, loadAppModels, resolveSpec } from './specs';
import { datasetFiles } from './validatorCases';
import { loadSpecArtifact } from './domainModels';

export class PromoteInputError extends Error {}

export interface PromoteOptions {
  domain: string;
  /** A YAML/JSON file holding a ModelSpec (or `{name, spec}`), or a model name from app-config. */
  challenger: string;
  role?: RegistryRole;
  appConfig?: string;
  registryDir?: string;
  thresholdsFile?: string;
  outDir?: string;
  env?: Record<string, string | undefined>;
  now?: Date;
  /** Who promotes (default: `DPA_USER`, else `user:default/<OS user>`); recorded for the audit trail. */
  by?: string;
}

/** Who runs a promotion, for the record. */
export function promoter(
  by: string | undefined,
  env: Record<string, string | undefined> = process.env,
): string {
  if (by?.trim()) return by.trim();
  if (env.DPA_USER?.trim()) return env.DPA_USER.trim();
  let name = 'unknown';
  try {
    name = userInfo().username || name;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return `user:default/${name}`;
}

export interface PromoteResult {
  record: RegistryRecord;
  file: string;
  run: EvalRun;
  /** Registry files that did not verify and so could not name the champion. */
  refusedRecords: RefusedRecord[];
}

/** Reads the challenger: a spec file (named after the file, or its `name`) or a configured model name. */
export function loadChallenger(
  ref: string,
  role: RegistryRole,
  appConfig = APP_CONFIG_FILE,
): NamedSpec & { source: 'file' | 'app-config' } {
  const file = path.resolve(ref);
  if (existsSync(file)) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new PromoteInputError(
        `challenger ${ref} is not valid YAML or JSON: ${
          (e as Error).message.split('\n')[0]
        }`,
      );
    }
    const wrapped = doc && typeof doc === 'object' && 'spec' in (doc as object);
    const raw = wrapped ? (doc as { spec: unknown }).spec : doc;
    const parsed = modelSpecSchema.safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new PromoteInputError(
        `challenger ${ref} is not a model spec: ${
          i.path.join('.') || '(root)'
        }: ${i.message}`,
      );
    }
    // A provider nothing here can serve is refused before any suite runs, as the backend refuses it.
    const providers = modelProviders();
    if (
      parsed.data.provider !== BUILTIN_PROVIDER_ID &&
      !providers.some(p => p.id === parsed.data.provider)
    ) {
      throw new PromoteInputError(
        `challenger ${ref} is not a model spec: provider: ${unknownProviderMessage(
          parsed.data.provider,
          providers,
        )}`,
      );
    }
    const name =
      wrapped && typeof (doc as { name?: unknown }).name === 'string'
        ? (doc as { name: string }).name
        : path.basename(file).replace(/\.(ya?ml|json)$/, '');
    return { name, spec: parsed.data as ModelSpec, source: 'file' };
  }
  const config = loadAppModels(appConfig);
  const known = [
    'builtin-answer',
    'builtin-validator',
    ...Object.keys(config.models),
  ];
  if (!known.includes(ref))
    throw new PromoteInputError(
      `--challenger ${ref} is neither a file nor a model defined in ${repoRelative(
        appConfig,
      )} (known: ${known.join(', ')})`,
    );
  return { ...resolveSpec(ref, role, undefined, config), source: 'app-config' };
}

function gitSha(): string | null {
  try {
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim() || null
    );
  } catch {
    return null;
  }
}

/** sha256 over (path, sha256(content)) of every file, in sorted order. */
export function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const f of [...new Set(files)].sort()) {
    h.update(
      `${repoRelative(f)}\0${createHash('sha256')
        .update(readFileSync(f))
        .digest('hex')}\n`,
    );
  }
  return h.digest('hex');
}

export async function promote(options: PromoteOptions): Promise<PromoteResult> {
  const role = options.role ?? 'answer';
  const appConfig = options.appConfig ?? APP_CONFIG_FILE;
  const registryDir = options.registryDir ?? REGISTRY_DIR;
  const env = options.env ?? process.env;
  const answerSuite = `answers-${options.domain}`;
  if (!listSuites().includes(answerSuite)) {
    throw new PromoteInputError(
      `no answer suite for domain "${options.domain}" (known: ${listSuites()
        .filter(s => s.startsWith('answers-'))
        .map(s => s.slice(8))
        .join(', ')})`,
    );
  }
  const challenger = loadChallenger(options.challenger, role, appConfig);
  // a trained challenger is evaluated only on its own domain, with the very artifact it pins
  try {
    loadSpecArtifact(challenger.spec, options.domain);
  } catch (e) {
    throw new PromoteInputError(
      `challenger ${challenger.name} cannot be promoted for ${
        options.domain
      }: ${(e as Error).message}`,
    );
  }
  const config = loadAppModels(appConfig);
  const thresholdsFile = options.thresholdsFile ?? THRESHOLDS_FILE;
  let thresholds;
  try {
    thresholds = loadThresholds(thresholdsFile);
  } catch (e) {
    throw new PromoteInputError((e as Error).message);
  }
  const refusedRecords: RefusedRecord[] = [];
  const records = readRegistry(registryDir, {
    thresholdsFile,
    onRefused: r => refusedRecords.push(r),
  });
  const served = (
    r: RegistryRole,
  ): NamedSpec & { source: 'registry' | 'app-config' } => {
    const c = championFor(records, options.domain, r);
    return c
      ? {
          name: c.challenger.name,
          spec: c.challenger.spec as ModelSpec,
          source: 'registry',
        }
      : {
          ...resolveSpec(undefined, r, options.domain, config),
          source: 'app-config',
        };
  };
  const champion = served(role);
  if (specVersion(challenger.spec) === specVersion(champion.spec))
    throw new PromoteInputError(
      `challenger ${challenger.name} is the serving ${role} model of ${
        options.domain
      } (${champion.name}@${specVersion(champion.spec)}, from ${
        champion.source
      }): nothing to promote`,
    );
  const other = role === 'answer' ? served('validator') : served('answer');
  const cfg = (m: NamedSpec) =>
    role === 'answer'
      ? { answer: m, validator: other }
      : { answer: other, validator: m };

  const suites =
    role === 'validator' ? [answerSuite, 'validator'] : [answerSuite];
  const run = await runEval({
    suites,
    outDir: options.outDir,
    providersFor: suite =>
      suite.name === 'validator'
        ? [
            new DpaValidatorProvider({
              label: 'champion',
              config: { validator: champion, appConfig, env },
            }),
            new DpaValidatorProvider({
              label: 'challenger',
              config: { validator: challenger, appConfig, env },
            }),
          ]
        : [
            new DpaAnswerProvider({
              label: 'champion',
              config: { ...cfg(champion), appConfig, env },
            }),
            new DpaAnswerProvider({
              label: 'challenger',
              config: { ...cfg(challenger), appConfig, env },
            }),
          ],
  });
  const metricsOf = (label: string): Metrics => run.metrics[label] ?? {};
  // case by case: each quality metric that is a share of cases gets a paired test
  const outcomes = caseOutcomes(run.suites.flatMap(s => s.results));
  const paired: Record<string, PairedCounts> = {};
  for (const metric of Object.keys(outcomes.champion ?? {})) {
    const a = outcomes.champion?.[metric];
    const b = outcomes.challenger?.[metric];
    if (a && b) paired[metric] = pairedCounts(a, b);
  }
  const gate = applyGate(
    metricsOf('champion'),
    metricsOf('challenger'),
    thresholds,
    { roles: gateRolesFor(role), paired },
  );

  // A result from the built-in model alone never promotes a hosted model.
  const reasons = [...gate.reasons];
  const unavailable = hostedUnavailable(challenger.spec, env);
  const used = run.providers.challenger;
  if (challenger.spec.provider === 'openai') {
    if (unavailable) {
      reasons.unshift(
        `hosted challenger ${challenger.name} (openai) could not be called here: ${unavailable}; a run on the built-in model alone never promotes a hosted model`,
      );
    } else if (!used?.hostedCalled || !used.providers.includes('openai')) {
      reasons.unshift(
        `hosted challenger ${challenger.name} (openai): the results came from the built-in model, which never promotes a hosted model`,
      );
    }
  }
  const entry = (
    m: NamedSpec,
    source: RegistryModelEntry['source'],
    label: string,
    why?: string,
  ): RegistryModelEntry => ({
    name: m.name,
    spec: m.spec,
    specHash: specVersion(m.spec),
    metrics: metricsOf(label),
    source,
    ranOn: (run.providers[label]?.providers ?? []).filter(
      (p): p is 'builtin' | 'openai' => p === 'builtin' || p === 'openai',
    ),
    ...(why ? { unavailable: why } : {}),
  });

  const contracts = [
    ...new Set(
      loadSuite(answerSuite)
        .tests.map(t => String(t.vars.contract ?? t.vars.context))
        .filter(c => /\.ya?ml$/.test(c)),
    ),
  ].map(c => path.resolve(REPO_ROOT, c));
  const files = [
    ...suites.map(s => suiteFile(s)),
    thresholdsFile,
    ...contracts,
    ...(role === 'validator' ? datasetFiles(datasetsDir()) : []),
  ];
  const { file, record } = appendRecord(
    {
      schemaVersion: REGISTRY_SCHEMA_VERSION,
      time: (options.now ?? new Date()).toISOString(),
      domain: options.domain,
      role,
      verdict: reasons.length ? 'refused' : 'promoted',
      reasons,
      gitSha: gitSha(),
      promptfooVersion: promptfooVersion(),
      datasetHash: hashFiles(files),
      datasets: [...new Set(files)].map(repoRelative).sort(),
      suites,
      champion: entry(champion, champion.source, 'champion'),
      challenger: entry(
        challenger,
        challenger.source,
        'challenger',
        unavailable,
      ),
      thresholdsHash: thresholdsHash(thresholds),
      thresholds: gate.results,
      ...(options.outDir ? { resultsDir: repoRelative(options.outDir) } : {}),
      promotedBy: promoter(options.by, options.env),
    },
    registryDir,
  );
  return { record, file, run, refusedRecords };
}
