import { describe, expect, it } from 'vitest';
import {
  haluCases,
  presidioGold,
  scoreBinary,
  scoreSpans,
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
});
