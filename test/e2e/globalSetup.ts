import type { TestProject } from 'vitest/node';
import { buildAppIfStale, startPortal } from './portal';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  buildAppIfStale(log);
  const portal = await startPortal(log);
  project.provide('baseUrl', portal.baseUrl);
  return async () => {
    await portal.stop();
  };
}
