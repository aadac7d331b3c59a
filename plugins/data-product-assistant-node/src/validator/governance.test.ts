import { describe, expect, it } from 'vitest';
import type { Fact } from '../models/types';
import { checkGovernance, leaksValue } from './governance';

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

describe('checkGovernance: person names', () => {
  const facts: Fact[] = [
    {
      id: 'owner:orders',
      kind: 'owner',
      text: 'The Orders product is owned by Zorblatt Quennell.',
    },
  ];
  const pii = (answer: string) =>
    checkGovernance(answer, facts, 'public', 'Who owns it?').filter(
      r => r.code === 'pii',
    );

  it('lets a published name through and blocks one the metadata does not publish', () => {
    expect(pii('The Orders product is owned by Zorblatt Quennell.')).toEqual(
      [],
    );
    expect(pii('We asked Orla Brennick twice.')).toHaveLength(1);
    // beside another value, a published name is weighed as well and still let through
    expect(
      pii('We asked Zorblatt Quennell twice at zq@example.com.').map(
        r => r.message,
      ),
    ).toEqual([
      "The answer contains an e-mail address that the metadata does not publish, which the reader's clearance (public) does not cover.",
    ]);
  });
});
