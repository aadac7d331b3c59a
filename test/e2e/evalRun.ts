import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { repoRoot } from './portal';

/**
 * A real evaluation run for the scorecards, made the way CI makes one
 * (`dpa eval`, here two suites to keep it short) into a folder of its own,
 * and the config that points the backend at it. When the run fails, the
 * folder stays empty and the scorecards test says so.
 */
export function makeEvalRun(log: (line: string) => void): { config: string } {
  const dir = path.join(repoRoot, 'test/.artifacts/eval-results');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const result = spawnSync(
    'npx',
    [
      'dpa',
      'eval',
      '--suite',
      'answers-sales,validator',
      '--out',
      path.join(dir, 'e2e-run'),
    ],
    { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 },
  );
  log(
    result.status === 0
      ? `e2e: evaluation run written in ${Math.round(
          (Date.now() - started) / 1000,
        )} s`
      : `e2e: the evaluation run failed (${result.status}): ${String(
          result.stderr,
        ).slice(-500)}`,
  );
  const config = path.join(repoRoot, 'test/.artifacts/app-config.evals.yaml');
  writeFileSync(
    config,
    stringify({ dataProductAssistant: { evals: { resultsDir: dir } } }),
  );
  return { config };
}
