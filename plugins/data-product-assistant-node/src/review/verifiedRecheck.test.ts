import { describe, expect, it } from 'vitest';
import type { Fact, Verdict } from '../models/types';
import { changedFacts, contradicts } from './verifiedRecheck';

const fact = (id: string, text: string): Fact => ({ id, kind: 'column', text });

describe('changedFacts', () => {
  it('lists cited facts that are gone or read differently', () => {
    const cited = [
      { id: 'col:orders.status', text: 'status: open, shipped' },
      { id: 'owner', text: 'Owned by sales' },
      { id: 'col:orders.gone', text: 'gone' },
    ];
    const current = [
      fact('col:orders.status', 'status: open, shipped, returned'),
      fact('owner', 'Owned by sales'),
    ];
    expect(changedFacts(cited, current)).toEqual([
      {
        id: 'col:orders.status',
        before: 'status: open, shipped',
        after: 'status: open, shipped, returned',
      },
      { id: 'col:orders.gone', before: 'gone', after: undefined },
    ]);
  });
});

describe('contradicts', () => {
  const verdict = (
    status: Verdict['status'],
    reasons: Verdict['reasons'] = [],
  ): Verdict => ({ status, reasons, groundedness: 1 });
  const ungrounded = (claim: number) => ({
    code: 'ungrounded',
    message: 'not supported',
    severity: 'warning' as const,
    claim,
  });

  it('holds when the validator now blocks the answer', () => {
    expect(contradicts(verdict('approved'), verdict('blocked'))).toBe(true);
  });

  it('holds when a claim that passed fails now', () => {
    expect(
      contradicts(verdict('approved'), verdict('flagged', [ungrounded(0)])),
    ).toBe(true);
    expect(
      contradicts(
        verdict('flagged', [ungrounded(1)]),
        verdict('flagged', [ungrounded(0), ungrounded(1)]),
      ),
    ).toBe(true);
  });

  it('does not hold for problems the reviewer already vouched for', () => {
    expect(
      contradicts(
        verdict('flagged', [ungrounded(1)]),
        verdict('flagged', [ungrounded(1)]),
      ),
    ).toBe(false);
    expect(contradicts(verdict('approved'), verdict('approved'))).toBe(false);
  });

  it('holds for a new answer-wide problem', () => {
    expect(
      contradicts(
        verdict('approved'),
        verdict('flagged', [
          { code: 'scope', message: 'out of scope', severity: 'warning' },
        ]),
      ),
    ).toBe(true);
  });
});
