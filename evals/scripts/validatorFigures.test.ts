import { describe, expect, it } from 'vitest';
import { mcnemarExact } from '../../plugins/data-product-assistant-node/src/registry/pairedTest';
import {
  binomialLowerCount,
  haluCases,
  pairedComparison,
  joinAdjacentSpans,
  presidioGold,
  scoreBinary,
  scoreSpans,
  scoreTokens,
  wilson,
} from './validatorFigures.lib';

describe('validator-figures scoring (pure, inline data)', () => {
  it('computes balanced accuracy and precision/recall of "not approved"', () => {
    const s = scoreBinary([
      { hallucinated: true, notApproved: true },
      { hallucinated: true, notApproved: true },
      { hallucinated: true, notApproved: false },
      { hallucinated: false, notApproved: false },
      { hallucinated: false, notApproved: true },
      { hallucinated: false, notApproved: false },
      { hallucinated: false, notApproved: false },
    ]);
    expect(s).toMatchObject({ n: 7, tp: 2, fn: 1, fp: 1, tn: 3 });
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.specificity).toBeCloseTo(3 / 4);
    expect(s.balancedAccuracy).toBeCloseTo((2 / 3 + 3 / 4) / 2);
    expect(s.precision).toBeCloseTo(2 / 3);
  });

  it('builds one cited claim per answer', () => {
    const [right, wrong] = haluCases(
      {
        knowledge: 'K',
        question: 'Q',
        right_answer: 'A',
        hallucinated_answer: 'B',
      },
      3,
    );
    expect(right.hallucinated).toBe(false);
    expect(wrong.answer.claims[0]).toEqual({
      text: 'B',
      citations: [right.facts[0].id],
    });
  });

  it('scores spans per type with overlap matching', () => {
    const gold = presidioGold({
      full_text: 'x',
      spans: [
        {
          entity_type: 'EMAIL_ADDRESS',
          entity_value: 'a',
          start_position: 0,
          end_position: 10,
        },
        {
          entity_type: 'GPE',
          entity_value: 'b',
          start_position: 20,
          end_position: 25,
        },
      ],
    });
    const r = scoreSpans(
      [
        {
          gold,
          predicted: [
            { type: 'email', start: 1, end: 10 },
            { type: 'phone', start: 30, end: 40 },
          ],
        },
      ],
      ['email', 'phone'],
    );
    expect(r.perType.email).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(r.perType.phone).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(r.micro.precision).toBe(0.5);
  });

  it('scores tokens, so a split gold address and a whole predicted one agree on their words', () => {
    const text = '12 Elm Road\nApt. 3\nSpringfield';
    const gold = [
      { type: 'street-address' as const, start: 0, end: 11 },
      { type: 'street-address' as const, start: 12, end: 18 },
    ];
    const whole = [
      { type: 'street-address' as const, start: 0, end: text.length },
    ];
    const tokens = scoreTokens(
      [{ text, gold, predicted: whole }],
      ['street-address'],
    );
    // 12 Elm Road Apt 3 are gold and predicted; Springfield is predicted only
    expect(tokens.perType['street-address']).toMatchObject({
      tp: 5,
      fp: 1,
      fn: 0,
    });
    const spans = scoreSpans([{ gold, predicted: whole }], ['street-address']);
    expect(spans.perType['street-address']).toMatchObject({
      tp: 0,
      fp: 1,
      fn: 2,
    });
    expect(tokens.perType['street-address'].f2).toBeCloseTo(
      (5 * (5 / 6) * 1) / (4 * (5 / 6) + 1),
    );
  });

  it('joins parts of one type that only spaces and punctuation separate, as Presidio does', () => {
    const text = '12 Elm Road, Apt. 3 near Springfield';
    const parts = [
      { type: 'street-address' as const, start: 0, end: 11 },
      { type: 'street-address' as const, start: 13, end: 19 },
      // "near" lies between: not joined
      { type: 'street-address' as const, start: 25, end: 36 },
    ];
    const joined = joinAdjacentSpans(text, parts);
    expect(joined).toEqual([
      { type: 'street-address', start: 0, end: 19 },
      { type: 'street-address', start: 25, end: 36 },
    ]);
    // another type between two parts keeps them apart
    const person = { type: 'person' as const, start: 13, end: 19 };
    expect(
      joinAdjacentSpans(text, [parts[0], person, { ...parts[2], start: 20 }]),
    ).toHaveLength(3);
    // a whole predicted address now matches the joined gold span, not its pieces
    const whole = [{ type: 'street-address' as const, start: 0, end: 19 }];
    expect(
      scoreSpans([{ gold: parts, predicted: whole }], ['street-address'])
        .perType['street-address'],
    ).toMatchObject({ tp: 1, fp: 0, fn: 2 });
    expect(
      scoreSpans([{ gold: joined, predicted: whole }], ['street-address'])
        .perType['street-address'],
    ).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });

  it('gives Wilson intervals and binomial floors that move with the sample', () => {
    const [lo, hi] = wilson(19, 20);
    expect(lo).toBeGreaterThan(0.7);
    expect(lo).toBeLessThan(0.8);
    expect(hi).toBeGreaterThan(0.98);
    // a detector of rate 0.888 reaches at least k of 40 95% of the time
    expect(binomialLowerCount(40, 0.888)).toBe(32);
    expect(binomialLowerCount(40, 0.5)).toBeLessThan(16);
    expect(binomialLowerCount(40, 1)).toBe(40);
  });

  it('compares two checks on the same items: McNemar and a seeded bootstrap', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      group: Math.floor(i / 2),
      hallucinated: i % 2 === 1,
      // a: right on every item; b: approves a third of the hallucinated answers
      a: i % 2 === 1,
      b: i % 2 === 1 && i % 6 !== 1,
    }));
    const r = pairedComparison(items, mcnemarExact);
    expect(r.a).toBe(1);
    expect(r.onlyA).toBe(10);
    expect(r.onlyB).toBe(0);
    expect(r.diff).toBeCloseTo(1 - r.b);
    expect(r.ci[0]).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(0.01);
    expect(pairedComparison(items, mcnemarExact)).toEqual(r);
    // two checks that agree: no difference, p = 1
    const same = pairedComparison(
      items.map(i => ({ ...i, b: i.a })),
      mcnemarExact,
    );
    expect(same).toMatchObject({ diff: 0, onlyA: 0, onlyB: 0, pValue: 1 });
  });
});
