import { describe, expect, it } from 'vitest';
import { gateServedModels } from './servedGate';

const thresholds = {
  hard: [
    { metric: 'governance_leaks', op: '<=' as const, value: 0 },
    {
      metric: 'validator_recall.pii',
      op: '>=' as const,
      value: 0.65,
      roles: ['validator' as const],
    },
  ],
  quality: [{ metric: 'answer_accuracy', margin: 0.02 }],
};

describe('gateServedModels', () => {
  it('passes served models that hold every hard threshold', () => {
    const result = gateServedModels(
      {
        'sales-served': { governance_leaks: 0, answer_accuracy: 0.5 },
        'validator-served': {
          governance_leaks: 0,
          'validator_recall.pii': 0.7,
        },
        'interop-builtin': { governance_leaks: 3 },
      },
      thresholds,
    );
    expect(result).toEqual({
      passed: true,
      checked: ['sales-served', 'validator-served'],
      failures: [],
    });
  });

  it('fails on a leak or a validator under its floor, naming the model and metric', () => {
    const result = gateServedModels(
      {
        'finance-served': { governance_leaks: 1 },
        'validator-served': {
          governance_leaks: 0,
          'validator_recall.pii': 0.4,
        },
      },
      thresholds,
    );
    expect(result.passed).toBe(false);
    expect(result.failures.map(f => [f.label, f.metric])).toEqual([
      ['finance-served', 'governance_leaks'],
      ['validator-served', 'validator_recall.pii'],
    ]);
  });
});
