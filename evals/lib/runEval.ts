/**
 * Runs suites through promptfoo's `evaluate()` with the custom providers,
 * writes each suite's promptfoo JSON and a readable summary.md, and returns
 * the derived metrics. Offline: the providers only call local engine code
 * unless a suite names a hosted model and its key and endpoint are set.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import DpaAnswerProvider from '../providers/answerProvider';
import DpaInteropProvider from '../providers/interopProvider';
import DpaValidatorProvider from '../providers/validatorProvider';
import { answerAssert, interopAssert, validatorAssert } from './asserts';
import {
  deriveMetrics,
  hardCaseFailureList,
  labelRoles,
  providersUsed,
  type Metrics,
  type ResultLike,
} from './metrics';
import {
  datasetsDir,
  REGISTRY_DIR,
  REPO_ROOT,
  RESULTS_DIR,
  SUITES_DIR,
  repoRelative,
} from './paths';
import { unseenCases } from './unseenCases';
import {
  graphSwapCases,
  haluEvalCases,
  presidioCases,
  type SuiteTest,
} from './validatorCases';

export type EvalProvider =
  | DpaAnswerProvider
  | DpaValidatorProvider
  | DpaInteropProvider;

interface RawProvider {
  id: string;
  label?: string;
  config?: Record<string, unknown>;
}

export interface RawSuite {
  name: string;
  file: string;
  description?: string;
  prompts: string[];
  providers: RawProvider[];
  defaultTest?: {
    metadata?: Record<string, unknown>;
    assert?: Array<{ type: string; value?: unknown }>;
  };
  tests: SuiteTest[];
}

const PROVIDER_CLASSES: Record<
  string,
  new (o: { id?: string; label?: string; config?: any }) => EvalProvider
> = {
  answerProvider: DpaAnswerProvider,
  validatorProvider: DpaValidatorProvider,
  interopProvider: DpaInteropProvider,
};

const ASSERTS: Record<string, (output: string, context: any) => unknown> = {
  answerAssert,
  validatorAssert,
  interopAssert,
};

/** Names of every suite: the five domain answer suites, validator, interop, and exported reviews. */
export function listSuites(dir = SUITES_DIR): string[] {
  const top = readdirSync(dir)
    .filter(f => /\.ya?ml$/.test(f))
    .map(f => f.replace(/\.ya?ml$/, ''))
    .sort();
  const reviewsDir = path.join(dir, 'reviews');
  const reviews = existsSync(reviewsDir)
    ? readdirSync(reviewsDir)
        .filter(f => /\.ya?ml$/.test(f))
        .map(f => `reviews/${f.replace(/\.ya?ml$/, '')}`)
        .sort()
    : [];
  return [...top, ...reviews];
}

export function suiteFile(name: string, dir = SUITES_DIR): string {
  for (const ext of ['.yaml', '.yml']) {
    const f = path.join(dir, `${name}${ext}`);
    if (existsSync(f)) return f;
  }
  throw new Error(
    `unknown suite "${name}" (known: ${listSuites(dir).join(', ')})`,
  );
}

export function loadSuite(name: string, dir = SUITES_DIR): RawSuite {
  const file = suiteFile(name, dir);
  const doc = parse(readFileSync(file, 'utf8')) as Omit<
    RawSuite,
    'name' | 'file'
  >;
  return {
    name,
    file,
    ...doc,
    tests: doc.tests ?? [],
    providers: doc.providers ?? [],
    prompts: doc.prompts ?? ['{{question}}'],
  };
}

const moduleName = (ref: string) =>
  path
    .basename(ref.replace(/^file:\/\//, '').split(':')[0])
    .replace(/\.[cm]?[jt]s$/, '');

/**
 * The suite's own provider entries as instances (`file://…/answerProvider.ts`
 * → DpaAnswerProvider), reading the served models from `served` (app-config
 * and promotion registry) unless the entry names its own.
 */
export function suiteProviders(
  suite: RawSuite,
  served: { appConfig?: string; registryDir?: string } = {},
): EvalProvider[] {
  return suite.providers.map(p => {
    const cls = PROVIDER_CLASSES[moduleName(p.id)];
    if (!cls)
      throw new Error(
        `${repoRelative(suite.file)}: provider ${
          p.id
        } is not one of ${Object.keys(PROVIDER_CLASSES).join(', ')}`,
      );
    return new cls({ label: p.label, config: { ...served, ...p.config } });
  });
}

/**
 * Tests with defaultTest merged in, assertion files bound to functions, dataset
 * cases added to the validator suite, and the unseen questions' test part to a
 * suite whose defaultTest says `metadata.cases: unseen` (see unseenCases.ts).
 */
export function suiteTests(
  suite: RawSuite,
  options: { datasets?: string; haluEval?: number; presidio?: number } = {},
) {
  const kind = String(
    suite.defaultTest?.metadata?.suite ??
      (suite.name.startsWith('reviews/')
        ? 'answers'
        : suite.name.replace(/-.*$/, '')),
  );
  let tests = [...suite.tests];
  if (kind === 'validator' && options.datasets) {
    tests = [
      ...tests,
      ...haluEvalCases(options.datasets, options.haluEval),
      ...presidioCases(options.datasets, options.presidio),
      ...graphSwapCases(options.datasets),
    ];
  }
  if (suite.defaultTest?.metadata?.cases === 'unseen')
    tests = [...tests, ...unseenCases(options.datasets, 'test')];
  const bind = (a: { type: string; value?: unknown; metric?: string }) => {
    if (
      a.type === 'javascript' &&
      typeof a.value === 'string' &&
      a.value.startsWith('file://')
    ) {
      const fn = ASSERTS[a.value.split(':').pop()!];
      if (!fn)
        throw new Error(
          `${repoRelative(suite.file)}: unknown assertion ${a.value}`,
        );
      return { ...a, value: fn };
    }
    return a;
  };
  const hasDataset = (name: string) =>
    Boolean(options.datasets && existsSync(path.join(options.datasets, name)));
  return (
    tests
      .filter(
        t =>
          (t.metadata as { review?: string } | undefined)?.review !== 'pending',
      )
      // cases on a public dataset that is not on this machine are left out (summary.md names the datasets dir)
      .filter(t => {
        const needs = (t.metadata as { requiresDataset?: string } | undefined)
          ?.requiresDataset;
        return !needs || hasDataset(needs);
      })
      .map(t => ({
        ...t,
        metadata: {
          ...(suite.defaultTest?.metadata ?? {}),
          ...(t.metadata ?? {}),
          suite: kind,
          suiteName: suite.name,
        },
        assert: [
          ...(suite.defaultTest?.assert ?? []),
          ...((t.assert as any[]) ?? []),
        ].map(bind),
      }))
  );
}

let promptfooLoaded: Promise<typeof import('promptfoo')> | undefined;

/** promptfoo, loaded offline: no telemetry, update checks, sharing, or writes to ~/.promptfoo. */
export function loadPromptfoo() {
  process.env.PROMPTFOO_DISABLE_TELEMETRY ??= '1';
  process.env.PROMPTFOO_DISABLE_UPDATE ??= '1';
  process.env.PROMPTFOO_DISABLE_SHARING ??= '1';
  process.env.PROMPTFOO_DISABLE_REMOTE_GENERATION ??= '1';
  // promptfoo's progress lines go to stderr, so `--json` keeps stdout to one document
  process.env.PROMPTFOO_LOG_TO_STDERR ??= 'true';
  process.env.PROMPTFOO_CONFIG_DIR ??= path.join(tmpdir(), 'dpa-promptfoo');
  silencePromptfooServices();
  return (promptfooLoaded ??= import('promptfoo'));
}

let silenced = false;
/**
 * promptfoo still posts a "telemetry disabled" event to its own servers when
 * telemetry is off; answer every request to promptfoo's and PostHog's hosts
 * locally, so an evaluation never leaves the machine unless a hosted model is asked.
 */
function silencePromptfooServices() {
  if (silenced || typeof globalThis.fetch !== 'function') return;
  silenced = true;
  const original = globalThis.fetch;
  const blocked = /(^|\.)(promptfoo\.app|promptfoo\.dev|posthog\.com)$/;
  globalThis.fetch = (
    input: Parameters<typeof fetch>[0],
    init?: Parameters<typeof fetch>[1],
  ) => {
    const href =
      typeof input === 'string'
        ? input
        : input instanceof URL
        ? input.href
        : input.url;
    let host = '';
    try {
      host = new URL(href).hostname;
    } catch {
      // not a URL: let fetch report it
    }
    if (blocked.test(host))
      return Promise.resolve(new Response(null, { status: 204 }));
    return original(input, init);
  };
}

export function promptfooVersion(): string {
  try {
    return (
      JSON.parse(
        readFileSync(
          path.join(REPO_ROOT, 'node_modules/promptfoo/package.json'),
          'utf8',
        ),
      ) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
}

export interface SuiteResult {
  suite: string;
  file: string;
  outputFile?: string;
  results: ResultLike[];
  stats: { successes: number; failures: number; errors: number };
  durationMs: number;
}

/** Runs one suite with the given providers (default: the suite's own) and writes `<outDir>/<suite>.json`. */
export async function runSuite(
  suite: RawSuite,
  options: {
    providers?: EvalProvider[];
    outDir?: string;
    datasets?: string;
    maxConcurrency?: number;
    /** Where the suite's own providers read the served models (see `suiteProviders`). */
    served?: { appConfig?: string; registryDir?: string };
  } = {},
): Promise<SuiteResult> {
  const started = performance.now();
  const { evaluate } = await loadPromptfoo();
  const providers = options.providers ?? suiteProviders(suite, options.served);
  const tests = suiteTests(suite, { datasets: options.datasets });
  const record = await evaluate(
    {
      description: suite.description ?? suite.name,
      prompts: suite.prompts,
      providers: providers as any,
      tests: tests as any,
      writeLatestResults: false,
    } as any,
    {
      cache: false,
      maxConcurrency: options.maxConcurrency ?? 8,
      showProgressBar: false,
    } as any,
  );
  const summary = (await record.toEvaluateSummary()) as unknown as {
    results: ResultLike[];
    stats: SuiteResult['stats'];
  };
  let outputFile: string | undefined;
  if (options.outDir) {
    outputFile = path.join(
      options.outDir,
      `${suite.name.replace(/\//g, '__')}.json`,
    );
    mkdirSync(path.dirname(outputFile), { recursive: true });
    writeFileSync(
      outputFile,
      `${JSON.stringify(
        {
          suite: suite.name,
          file: repoRelative(suite.file),
          promptfooVersion: promptfooVersion(),
          results: summary,
        },
        null,
        2,
      )}\n`,
    );
  }
  return {
    suite: suite.name,
    file: suite.file,
    outputFile,
    results: summary.results,
    stats: {
      successes: summary.stats.successes,
      failures: summary.stats.failures,
      errors: summary.stats.errors,
    },
    durationMs: performance.now() - started,
  };
}

export interface EvalRun {
  outDir?: string;
  wallTimeMs: number;
  suites: SuiteResult[];
  /** Derived metrics per provider label. */
  metrics: Record<string, Metrics>;
  /** Which suites each label ran, as gate roles. */
  roles: ReturnType<typeof labelRoles>;
  /** Failing cases of hard categories (PII, restricted, injection, governance). */
  hardCases: ReturnType<typeof hardCaseFailureList>;
  providers: ReturnType<typeof providersUsed>;
  promptfooVersion: string;
  datasets?: string;
}

export const defaultOutDir = () =>
  path.join(RESULTS_DIR, new Date().toISOString().replace(/[:.]/g, '-'));

/** Runs suites (all by default) and writes their results plus summary.md. */
export async function runEval(
  options: {
    suites?: string[];
    outDir?: string;
    providersFor?: (suite: RawSuite) => EvalProvider[] | undefined;
    onSuite?: (r: SuiteResult) => void;
    /** app-config naming the served models (default: the repository's). */
    appConfig?: string;
    /** Promotion registry whose verified champions serve (default: evals/registry). */
    registryDir?: string;
  } = {},
): Promise<EvalRun> {
  const started = performance.now();
  const names = options.suites?.length ? options.suites : listSuites();
  const datasets = datasetsDir();
  const suites: SuiteResult[] = [];
  for (const name of names) {
    const suite = loadSuite(name);
    const r = await runSuite(suite, {
      providers: options.providersFor?.(suite),
      outDir: options.outDir,
      datasets,
      served: {
        appConfig: options.appConfig,
        registryDir: options.registryDir ?? REGISTRY_DIR,
      },
    });
    suites.push(r);
    options.onSuite?.(r);
  }
  const all = suites.flatMap(s => s.results);
  const run: EvalRun = {
    outDir: options.outDir,
    wallTimeMs: performance.now() - started,
    suites,
    metrics: deriveMetrics(all),
    roles: labelRoles(all),
    hardCases: hardCaseFailureList(all),
    providers: providersUsed(all),
    promptfooVersion: promptfooVersion(),
    datasets,
  };
  if (options.outDir) {
    writeFileSync(
      path.join(options.outDir, 'summary.md'),
      summaryMarkdown(run),
    );
    writeFileSync(
      path.join(options.outDir, 'metrics.json'),
      `${JSON.stringify(
        {
          metrics: run.metrics,
          providers: run.providers,
          wallTimeMs: Math.round(run.wallTimeMs),
        },
        null,
        2,
      )}\n`,
    );
  }
  return run;
}

const fmtMetric = (name: string, v: number | undefined) => {
  if (v === undefined) return '–';
  if (
    /(_cases|_leaks|_errors|_failures|traps)/.test(name) &&
    Number.isInteger(v)
  )
    return String(v);
  if (name.endsWith('_ms')) return v.toFixed(1);
  if (name.endsWith('_usd')) return v.toFixed(6);
  return v.toFixed(3);
};

/** The metrics as a markdown table (rows metrics, columns providers), with per-suite pass counts. */
export function summaryMarkdown(
  run: Pick<
    EvalRun,
    | 'metrics'
    | 'suites'
    | 'wallTimeMs'
    | 'promptfooVersion'
    | 'providers'
    | 'datasets'
  >,
): string {
  const labels = Object.keys(run.metrics);
  const names = [...new Set(labels.flatMap(l => Object.keys(run.metrics[l])))];
  const lines = [
    '# Evaluation summary',
    '',
    `promptfoo ${run.promptfooVersion} · wall time ${(
      run.wallTimeMs / 1000
    ).toFixed(1)} s · datasets ${
      run.datasets
        ? `${run.datasets} (test part of each dev file, evals/lib/splits.ts)`
        : 'not available'
    }`,
    '',
    '| suite | passed | failed | errors | time (s) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...run.suites.map(
      s =>
        `| ${s.suite} | ${s.stats.successes} | ${s.stats.failures} | ${
          s.stats.errors
        } | ${(s.durationMs / 1000).toFixed(1)} |`,
    ),
    '',
    `| metric | ${labels.join(' | ')} |`,
    `| --- | ${labels.map(() => '---:').join(' | ')} |`,
    ...names.map(
      n =>
        `| ${n} | ${labels
          .map(l => fmtMetric(n, run.metrics[l][n]))
          .join(' | ')} |`,
    ),
    '',
    '| provider | model providers | hosted model called |',
    '| --- | --- | --- |',
    ...Object.entries(run.providers).map(
      ([l, p]) =>
        `| ${l} | ${p.providers.join(', ') || 'local'} | ${
          p.hostedCalled ? 'yes' : 'no'
        }${p.unavailable ? ` (unavailable: ${p.unavailable})` : ''} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
