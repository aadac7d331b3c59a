import { describe, expect, it } from 'vitest';
import { leaksValue } from './governance';

const none = new Set<string>();

describe('leaksValue', () => {
  it('finds a value written as a whole word or phrase', () => {
    expect(leaksValue('Doe', 'The customer is Jane Doe.', none)).toBe('Doe');
    expect(
      leaksValue('jane.doe@example.com', 'Mail jane.doe@example.com now', none),
    ).toBe('jane.doe@example.com');
  });

  it('does not find a short value inside another word', () => {
    expect(
      leaksValue('Doe', 'The metadata does not say how many.', none),
    ).toBeUndefined();
  });

  it('finds a long run of a digit-heavy value', () => {
    expect(
      leaksValue('DE89 3704 0044 0532 0130 00', 'IBAN 370400440532', none),
    ).toBeDefined();
  });
});
