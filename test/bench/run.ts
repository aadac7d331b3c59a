/**
 * `npm run bench`: every benchmark on this machine, one table, and
 * bench-results.json at the repository root. Never part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runApiBench } from './api.bench';
import { runAskBench } from './ask.bench';
import { runEvalsBench } from './evals.bench';
import { runInteropBench, type BenchFigures } from './interop.bench';

async function main() {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const only = process.argv.slice(2);
  const benches: Array<[string, () => Promise<BenchFigures>]> = [
    ['ask', () => runAskBench(log)],
    ['interop', () => runInteropBench({ log })],
    ['evals', () => runEvalsBench(log)],
    ['api', () => runApiBench({ log })],
  ];
  const figures: BenchFigures = {};
  const started = performance.now();
  for (const [name, run] of benches) {
    if (only.length && !only.includes(name)) continue;
    const benchStarted = performance.now();
    Object.assign(figures, await run());
    log(
      `${name}: done in ${((performance.now() - benchStarted) / 1000).toFixed(
        1,
      )} s`,
    );
  }
  log(
    `bench: all done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const out = path.resolve(__dirname, '../../bench-results.json');
  writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  const rows = Object.entries(figures).map(
    ([name, f]) =>
      `${name.padEnd(30)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} ${
        f.note
      }`,
  );
  process.stdout.write(
    `${[
      'benchmark'.padEnd(30) + ' ' + 'value'.padStart(10) + ' unit',
      ...rows,
    ].join('\n')}\n\nwritten to ${out}\n`,
  );
}

main().catch(error => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? error.stack : error}\n`,
  );
  process.exitCode = 1;
});
