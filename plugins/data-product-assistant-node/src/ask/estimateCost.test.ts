import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../models/types';
import { maxAskCostUsd } from './estimateCost';

const hosted: ModelSpec = {
  provider: 'openai',
  model: 'gpt-test',
  maxTokens: 1000,
  prices: { input: 1, output: 10 },
};
const builtin: ModelSpec = { provider: 'builtin', model: 'validator-rules' };

describe('maxAskCostUsd', () => {
  it('is nothing for built-in models', () => {
    expect(maxAskCostUsd(builtin, builtin, 2000)).toBe(0);
  });

  it('bounds what a hosted answer and validator can bill', () => {
    const answerOnly = maxAskCostUsd(hosted, builtin, 2000);
    // (2000 facts + 2000 question + 1000 prompt) in, 1000 out.
    expect(answerOnly).toBeCloseTo((5000 * 1 + 1000 * 10) / 1e6, 10);
    const both = maxAskCostUsd(hosted, hosted, 2000);
    expect(both).toBeCloseTo(answerOnly + (6000 * 1 + 1000 * 10) / 1e6, 10);
    expect(maxAskCostUsd(hosted, builtin, 4000)).toBeGreaterThan(answerOnly);
  });
});
