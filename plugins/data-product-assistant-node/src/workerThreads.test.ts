import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('startEngineWorker', () => {
  const run = (loader: string[]) => {
    const script = `
      const { startEngineWorker } = require(${JSON.stringify(
        path.join(__dirname, 'workerThreads.ts'),
      )});
      const file = ${JSON.stringify(path.join(__dirname, 'ask/askWorker.ts'))};
      const ready = worker => new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      (async () => {
        for (let i = 0; i < 2; i++) {
          const worker = startEngineWorker(file);
          await ready(worker);
          await worker.terminate();
        }
        console.log('both ran');
      })().catch(e => { console.error(e); process.exit(1); });
    `;
    return spawnSync(process.execPath, [...loader, '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
  };

  it('starts engine threads one after another from source, under Backstage’s transform and under plain node', () => {
    const transform = require.resolve(
      '@backstage/cli-node/config/nodeTransform.cjs',
    );
    // (plain node loads this TypeScript file through sucrase as the thread does)
    for (const loader of [
      ['--require', transform],
      ['--require', require.resolve('sucrase/register/ts')],
    ]) {
      const ran = run(loader);
      expect(ran.stderr).toBe('');
      expect(ran.signal).toBeNull();
      expect(ran.stdout.trim()).toBe('both ran');
    }
  }, 130_000);
});
