/**
 * Evaluation suite wall time (a plain script, not a vitest test):
 *   npx tsx test/bench/evals.bench.ts
 *  - evals.suite_s: every promptfoo suite on the built-in models, offline, as
 *    `dpa eval` runs them; median of 3 runs after a warm-up run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEval } from '../../evals/lib/runEval';
import type { BenchFigures } from './interop.bench';

export async function runEvalsBench(
  log: (line: string) => void = () => undefined,
): Promise<BenchFigures> {
  const once = async () => {
    const run = await runEval({
      suites: [],
      outDir: mkdtempSync(path.join(tmpdir(), 'dpa-evals-')),
    });
    return run.wallTimeMs / 1000;
  };
  await once();
  const times = [await once(), await once(), await once()].sort(
    (a, b) => a - b,
  );
  log(`evals: ${times.map(t => t.toFixed(1)).join(', ')} s`);
  return {
    'evals.suite_s': {
      value: Math.round(times[1] * 10) / 10,
      unit: 's',
      note: 'all promptfoo suites (answers × 5 domains, validator, interop) on the built-in models, offline; median of 3 runs after a warm-up',
    },
  };
}

if (require.main === module) {
  runEvalsBench(console.log).then(figures => console.table(figures));
}
