import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '@dpa/plugin-data-product-assistant-common';
import { validateQuestion } from './validateQuestion';
import { formatCost, formatGroundedness, formatLatency } from './formatUsage';

describe('validateQuestion', () => {
  it('refuses empty and blank questions', () => {
    expect(validateQuestion('')).toBe('Type a question first.');
    expect(validateQuestion('  \n ')).toBe('Type a question first.');
  });

  it('refuses questions over the limit, saying by how much', () => {
    expect(validateQuestion('x'.repeat(MAX_QUESTION_LENGTH))).toBeUndefined();
    expect(validateQuestion('x'.repeat(MAX_QUESTION_LENGTH + 3))).toBe(
      `The question is too long: ${
        MAX_QUESTION_LENGTH + 3
      } of at most ${MAX_QUESTION_LENGTH} characters. Shorten it by 3.`,
    );
    // Surrounding whitespace does not count, as on the backend.
    expect(
      validateQuestion(` ${'x'.repeat(MAX_QUESTION_LENGTH)} `),
    ).toBeUndefined();
  });
});

describe('formatUsage', () => {
  it('shows six decimals below a cent and two above', () => {
    expect(formatCost(0.000432)).toBe('$0.000432');
    expect(formatCost(0)).toBe('$0.000000');
    expect(formatCost(0.0123)).toBe('$0.01');
    expect(formatCost(1.5)).toBe('$1.50');
  });

  it('shows latency in ms or s and groundedness in percent', () => {
    expect(formatLatency(87.4)).toBe('87 ms');
    expect(formatLatency(1234)).toBe('1.2 s');
    expect(formatGroundedness(0.956)).toBe('96%');
  });
});
