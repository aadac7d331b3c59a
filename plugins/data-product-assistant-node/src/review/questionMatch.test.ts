import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  matchQuestion,
  questionKey,
  questionSimilarity,
  NEAR_IDENTICAL,
} from './questionMatch';

describe('questionSimilarity', () => {
  it('treats case, punctuation, contractions, plurals and filler words as the same question', () => {
    const same = [
      [
        'How often is the orders table refreshed?',
        'how often is the order table refreshed',
      ],
      [
        "What's the refresh frequency of orders?",
        'What is the refresh frequency of the orders',
      ],
      ['Who owns sales orders?', 'Please tell me who owns the sales orders!'],
      ['Show customer e-mail addresses', 'show customer email address'],
      [
        'Which categories and statuses exist?',
        'which category and status exist',
      ],
    ];
    for (const [a, b] of same) {
      expect(questionSimilarity(a, b), `${a} ~ ${b}`).toBe(1);
    }
  });

  it('keeps questions about different things apart', () => {
    const different = [
      ['Who owns sales orders?', 'Who owns sales returns?'],
      ['What does status mean?', 'What does net_amount mean?'],
      ['Which orders are above 100 EUR?', 'Which orders are above 1000 EUR?'],
      [
        'Does the table contain cancelled orders?',
        "Doesn't the table contain cancelled orders?",
      ],
      ['Is customer_id unique?', 'Is customer_id not unique?'],
    ];
    for (const [a, b] of different) {
      expect(questionSimilarity(a, b), `${a} vs ${b}`).toBeLessThan(
        NEAR_IDENTICAL,
      );
    }
  });

  it('allows one extra word in a long question', () => {
    expect(
      questionSimilarity(
        'How often is the sales orders table refreshed each day?',
        'How often is the sales orders table refreshed each business day?',
      ),
    ).toBeGreaterThanOrEqual(NEAR_IDENTICAL);
  });

  it('is symmetric and in [0, 1]', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = questionSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(questionSimilarity(b, a)).toBe(s);
      }),
    );
  });

  it('gives equal keys to questions with similarity 1', () => {
    expect(questionKey('Who owns the sales orders?')).toBe(
      questionKey('who OWNS sales order'),
    );
  });
});

describe('matchQuestion', () => {
  const verified = [
    { id: 'a', question: 'Who owns sales orders?' },
    { id: 'b', question: 'How often are sales orders refreshed?' },
  ];

  it('finds the most similar verified question', () => {
    expect(
      matchQuestion('how often are the sales orders refreshed', verified)
        ?.candidate.id,
    ).toBe('b');
  });

  it('finds nothing for a different question', () => {
    expect(matchQuestion('Who owns sales returns?', verified)).toBeUndefined();
    expect(matchQuestion('', verified)).toBeUndefined();
  });
});
