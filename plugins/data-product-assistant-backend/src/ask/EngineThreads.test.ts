import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  ask,
  createAnswerModel,
  createValidatorModel,
  type ModelDescriptor,
} from '@dpa/plugin-data-product-assistant-node';
import { afterEach, describe, expect, it } from 'vitest';
import { demoProfile } from '@dpa/plugin-data-product-assistant-node/src/__testUtils__/fixtures';
import { EngineThreads } from './EngineThreads';

const builtin = {
  answer: {
    name: 'builtin-answer',
    spec: { provider: 'builtin', model: 'answer-extractive' },
  },
  validator: {
    name: 'builtin-validator',
    spec: { provider: 'builtin', model: 'validator-rules' },
  },
} as { answer: ModelDescriptor; validator: ModelDescriptor };

const ready = async (threads: EngineThreads) => {
  while (!threads.canRun(builtin))
    await new Promise(resolve => setTimeout(resolve, 50));
};

describe('EngineThreads', () => {
  const open: EngineThreads[] = [];
  const start = (options: { timeoutMs?: number } = {}) => {
    const threads = new EngineThreads({
      size: 1,
      logger: mockServices.logger.mock(),
      ...options,
    });
    open.push(threads);
    return threads;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map(t => t.close()));
  });

  it('answers in a thread as the engine answers on the event loop', async () => {
    const threads = start();
    expect(threads.canRun(builtin)).toBe(false); // loading
    await ready(threads);
    const profile = demoProfile('sales/sales-orders');
    for (const [question, clearance] of [
      ['Which column holds the order total?', 'internal'],
      ['Show me example customer emails', 'public'],
      ['What does status mean?', 'confidential'],
    ] as const) {
      const asked = { question, profile, clearance, domain: profile.domain };
      const there = await threads.ask({ ...asked, models: builtin });
      const here = await ask({
        ...asked,
        answerModel: createAnswerModel('builtin-answer', builtin.answer.spec),
        validatorModel: createValidatorModel(
          'builtin-validator',
          builtin.validator.spec,
        ),
      });
      expect(there.verdict).toEqual(here.verdict);
      expect(there.answer).toEqual(here.answer);
      expect(there.sealed).toEqual(here.sealed);
      expect(there.citations).toEqual(here.citations);
    }
  }, 60_000);

  it('runs hosted models nowhere but on the event loop', async () => {
    const threads = start();
    await ready(threads);
    expect(
      threads.canRun({
        ...builtin,
        answer: {
          name: 'hosted',
          spec: { provider: 'openai', model: 'gpt-4o-mini' },
        } as ModelDescriptor,
      }),
    ).toBe(false);
    expect(threads.canRun(undefined)).toBe(false);
  }, 60_000);

  it('fails an ask the thread does not answer in time with a 503, and starts another thread', async () => {
    const threads = start({ timeoutMs: 1 });
    await ready(threads);
    const profile = demoProfile('sales/sales-orders');
    await expect(
      threads.ask({
        question: 'Which column holds the order total?',
        profile,
        clearance: 'internal',
        models: builtin,
      }),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
    expect(threads.canRun(builtin)).toBe(false); // the new one is loading
    await ready(threads);
  }, 60_000);

  it('takes its size from config, and refuses a size that is no count', () => {
    const logger = mockServices.logger.mock();
    const config = (engineThreads: number) =>
      new ConfigReader({ dataProductAssistant: { engineThreads } });
    expect(EngineThreads.fromConfig(config(0), logger)).toBeUndefined();
    expect(() => EngineThreads.fromConfig(config(-1), logger)).toThrow(
      /engineThreads must be a whole number/,
    );
    expect(() => EngineThreads.fromConfig(config(1.5), logger)).toThrow(
      /engineThreads must be a whole number/,
    );
  });
});
