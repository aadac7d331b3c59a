import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/** One `dpa eval` run as the backend reads it from its `metrics.json`. */
export interface EvalRun {
  /** The run's folder name, e.g. `2026-12-03T02-50-00-000Z`. */
  run: string;
  /** When `metrics.json` was written (ISO 8601). */
  time: string;
  /** Provider label (`sales-served`, `validator-served`, ...) → metric → value. */
  metrics: Record<string, Record<string, number>>;
  /** Provider label → whether a hosted model was called. */
  hostedCalled: Record<string, boolean>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A label's metrics with nested objects flattened to dotted keys
 * (`{test: {answer_accuracy: 1}}` → `test.answer_accuracy`), keeping numbers
 * only: the suite's format may grow (splits, new metrics) without breaking
 * the scorecards.
 */
function flatten(
  value: Record<string, unknown>,
  prefix = '',
  out: Record<string, number> = {},
): Record<string, number> {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
    else if (isObject(v)) flatten(v, name, out);
  }
  return out;
}

/** Reads `metrics.json` as `dpa eval` writes it; throws when it holds no metrics. */
export function parseEvalMetrics(
  doc: unknown,
): Pick<EvalRun, 'metrics' | 'hostedCalled'> {
  if (!isObject(doc) || !isObject(doc.metrics)) {
    throw new Error('no "metrics" object');
  }
  const metrics: EvalRun['metrics'] = {};
  for (const [label, values] of Object.entries(doc.metrics)) {
    if (!isObject(values)) continue;
    const flat = flatten(values);
    if (Object.keys(flat).length > 0) metrics[label] = flat;
  }
  const hostedCalled: EvalRun['hostedCalled'] = {};
  if (isObject(doc.providers)) {
    for (const [label, info] of Object.entries(doc.providers)) {
      if (isObject(info) && typeof info.hostedCalled === 'boolean') {
        hostedCalled[label] = info.hostedCalled;
      }
    }
  }
  return { metrics, hostedCalled };
}

/**
 * The evaluation runs `dpa eval` (and CI) writes: one folder per run under
 * the results folder, each with a `metrics.json`. The newest readable run is
 * the one shown on the scorecards; a folder without one, or with one that
 * does not parse, is skipped (and logged once).
 */
export class EvalResults {
  private signature: string | undefined;
  private cached: EvalRun | undefined;
  private readonly warned = new Set<string>();

  constructor(
    private readonly options: {
      /** Absolute results folder; undefined: no runs. */
      dir: string | undefined;
      logger: LoggerService;
    },
  ) {}

  /**
   * `dataProductAssistant.evals.resultsDir` (relative paths resolve against
   * the backend's working directory).
   */
  static fromConfig(config: Config, logger: LoggerService): EvalResults {
    const dir = config.getOptionalString(
      'dataProductAssistant.evals.resultsDir',
    );
    return new EvalResults({
      dir: dir ? path.resolve(dir) : undefined,
      logger,
    });
  }

  /** The folder read, if any. */
  get directory(): string | undefined {
    return this.options.dir;
  }

  /** The newest run with a readable `metrics.json`, if any. */
  async latest(): Promise<EvalRun | undefined> {
    const dir = this.options.dir;
    if (!dir) return undefined;
    const runs = await this.listRuns(dir);
    const signature = runs.map(r => `${r.run}:${r.mtimeMs}`).join('\n');
    if (signature === this.signature) return this.cached;
    let latest: EvalRun | undefined;
    for (const candidate of runs) {
      const file = path.join(dir, candidate.run, 'metrics.json');
      try {
        const parsed = parseEvalMetrics(
          JSON.parse(await readFile(file, 'utf8')),
        );
        latest = {
          run: candidate.run,
          time: new Date(candidate.mtimeMs).toISOString(),
          ...parsed,
        };
        break;
      } catch (error) {
        if (!this.warned.has(file)) {
          this.warned.add(file);
          this.options.logger.warn(
            `Scorecards skip the evaluation run ${file}: ${
              (error as Error).message
            }`,
          );
        }
      }
    }
    this.signature = signature;
    this.cached = latest;
    return latest;
  }

  /** Run folders holding a `metrics.json`, newest first. */
  private async listRuns(
    dir: string,
  ): Promise<Array<{ run: string; mtimeMs: number }>> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.options.logger.warn(
          `Cannot read the evaluation results folder ${dir}: ${
            (error as Error).message
          }`,
        );
      }
      return [];
    }
    const runs = await Promise.all(
      names.map(async run => {
        try {
          const s = await stat(path.join(dir, run, 'metrics.json'));
          return s.isFile() ? { run, mtimeMs: s.mtimeMs } : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    return runs
      .filter((r): r is NonNullable<typeof r> => r !== undefined)
      .sort((a, b) => b.mtimeMs - a.mtimeMs || b.run.localeCompare(a.run));
  }
}
