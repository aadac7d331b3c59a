import { describe, expect, it } from 'vitest';
import { slaDuration } from './slaDuration';

describe('slaDuration', () => {
  it('spells abbreviated units, singular for one', () => {
    expect(slaDuration('1', 'h')).toBe('1 hour');
    expect(slaDuration('1', 'D')).toBe('1 day');
    expect(slaDuration('7', 'y')).toBe('7 years');
    expect(slaDuration('30', 'min')).toBe('30 minutes');
  });

  it('keeps a unit it does not know', () => {
    expect(slaDuration('2', 'fortnights')).toBe('2 fortnights');
  });
});
