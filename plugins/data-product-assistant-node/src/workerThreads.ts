import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Loads an engine file in a new thread; run from source it is TypeScript, read through sucrase. */
const bootstrap = (file: string) => `
const { createRequire } = require('node:module');
const file = ${JSON.stringify(file)};
const load = createRequire(file);
if (/\\.[cm]?ts$/.test(file)) load('sucrase/register/ts');
load(file);
`;

/**
 * A worker thread running one of the engine's worker files, whether the
 * engine runs from source or compiled, under any host: Backstage's
 * transform (`backstage-cli package start`), tsx, vitest, plain node. The
 * thread inherits none of the process's flags (a debugger's port, a
 * profiler, a host's loader that does not work in threads) and reads
 * TypeScript through sucrase, which is plain JavaScript: Backstage's swc
 * hook in a thread of a process that did not load it brought the process
 * down when the thread was replaced (seen under vitest and tsx).
 */
export function startEngineWorker(
  file: string,
  options: { workerData?: unknown } = {},
): Worker {
  return new Worker(bootstrap(file), {
    eval: true,
    execArgv: [],
    workerData: options.workerData,
  });
}

/** A worker file beside a module (its `__filename`): `.ts` from source, `.js` compiled. */
export function siblingFile(moduleFile: string, name: string): string {
  return path.join(
    path.dirname(moduleFile),
    `${name}${path.extname(moduleFile)}`,
  );
}
