import { describe, expect, it } from 'vitest';
import { demoProfile } from '../__testUtils__/fixtures';
import type { ModelSpec } from '../models/types';
import { createAskRunner, type PlainAsk } from './askRunner';

const models = {
  answer: {
    name: 'builtin-answer',
    spec: { provider: 'builtin', model: 'answer-extractive' } as ModelSpec,
  },
  validator: {
    name: 'builtin-validator',
    spec: { provider: 'builtin', model: 'validator-rules' } as ModelSpec,
  },
};

describe('createAskRunner', () => {
  const profile = demoProfile('sales/sales-orders');
  const asked: PlainAsk = {
    question: 'Which column holds the order total?',
    clearance: 'internal',
    profileKey: 'p',
    modelsKey: 'm',
  };

  it('asks for the profile and the models it was not sent, and keeps them once sent', async () => {
    const runner = createAskRunner();
    expect(await runner.run(asked)).toEqual({ missing: 'profile' });
    expect(await runner.run({ ...asked, profile })).toEqual({
      missing: 'models',
    });
    const first = await runner.run({ ...asked, profile, models });
    const again = await runner.run(asked);
    if (!('result' in first)) throw new Error('no result once sent everything');
    expect(first.result.verdict.status).toBe('approved');
    expect(again).toEqual({
      result: { ...first.result, latencyMs: expect.any(Number) },
    });
  });

  it('keeps only the newest profiles', async () => {
    const runner = createAskRunner({ maxEntries: 2 });
    await runner.run({ ...asked, profile, models });
    await runner.run({ ...asked, profileKey: 'q', profile });
    await runner.run({ ...asked, profileKey: 'r', profile });
    expect(await runner.run(asked)).toEqual({ missing: 'profile' });
  });

  it('builds no hosted model from plain data', async () => {
    const runner = createAskRunner();
    await expect(
      runner.run({
        ...asked,
        profile,
        models: {
          ...models,
          answer: {
            name: 'hosted',
            spec: { provider: 'openai', model: 'gpt-4o-mini' } as ModelSpec,
          },
        },
      }),
    ).rejects.toThrow(/only built-in models/);
  });
});
