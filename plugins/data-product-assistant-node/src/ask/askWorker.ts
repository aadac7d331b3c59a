/**
 * An ask worker thread (started by the backend's EngineThreads through
 * `startEngineWorker`): runs the plain-data asks it is sent with the
 * built-in models (askRunner.ts) and answers each with its reply or error.
 */
import { parentPort } from 'node:worker_threads';
import { createAskRunner, type PlainAsk } from './askRunner';

const runner = createAskRunner();
const port = parentPort!;
port.on('message', ({ id, ask }: { id: number; ask: PlainAsk }) => {
  runner.run(ask).then(
    reply => port.postMessage({ id, reply }),
    (error: unknown) =>
      port.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
port.postMessage({ ready: true });
