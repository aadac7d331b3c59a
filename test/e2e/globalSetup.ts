import type { TestProject } from 'vitest/node';
import { startHostedModel } from './hostedModel';
import { makeEvalRun } from './evalRun';
import { buildAppIfStale, startPortal } from './portal';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  buildAppIfStale(log);
  const evals = makeEvalRun(log);
  const hosted = await startHostedModel();
  const portal = await startPortal(log, {
    extraConfigs: [hosted.config, evals.config],
  });
  project.provide('baseUrl', portal.baseUrl);
  return async () => {
    await portal.stop();
    await hosted.close();
  };
}
