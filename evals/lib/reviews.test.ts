import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import DpaAnswerProvider, { parseNotesVar } from '../providers/answerProvider';
import { answerAssert } from './asserts';
import {
  readReviewRows,
  readReviews,
  reviewCases,
  writeReviewFixtureDb,
  type ReviewedAskRow,
} from './reviews';

const SALES_ORDERS = 'component:default/sales-orders';
const CONTRACT =
  'examples/catalog/products/sales/sales-orders/contract.odcs.yaml';
const NOTE_ID = '7d1c2a52-5f8e-4f0b-9a43-2f5c8e1d0b11';
const NOTE_TEXT =
  'Refunds issued after the quarter close are booked in the following fiscal quarter.';
const QUESTION =
  'Which fiscal quarter are refunds issued after the quarter close booked in?';
const OLD_NOTE_ID = '5e6f7a8b-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
const NOTE = {
  id: NOTE_ID,
  text: NOTE_TEXT,
  author: 'user:default/ana',
  createdAt: '2026-12-01T09:00:00.000Z',
};

/** The built-in models, offline: what `dpa eval` runs without hosted keys. */
const provider = () =>
  new DpaAnswerProvider({
    label: 'reviews-test',
    config: {
      answer: 'builtin-answer',
      validator: 'builtin-validator',
      env: {},
    },
  });

const run = async (vars: Record<string, unknown>) => {
  const res = await provider().callApi(String(vars.question), { vars });
  return res;
};

const ask = (id: string, question: string, extra = {}) => ({
  id,
  entity_ref: SALES_ORDERS,
  user_ref: 'user:default/guest',
  question,
  answer: 'shown',
  output: '{}',
  status: 'flagged',
  reasons: '[]',
  groundedness: 0.5,
  citations: '[]',
  answer_model: 'builtin-answer',
  answer_model_version: 'x',
  answer_model_provider: 'builtin',
  validator_model: 'builtin-validator',
  validator_model_version: 'y',
  validator_model_provider: 'builtin',
  prompt_tokens: 0,
  completion_tokens: 0,
  cost_usd: 0,
  latency_ms: 1,
  created_at: new Date('2026-12-01T08:00:00Z'),
  ...extra,
});

describe('answer provider notes var', () => {
  it('cites a note passed as vars.notes for a question only the note answers', async () => {
    const without = JSON.parse(
      (await run({ contract: CONTRACT, question: QUESTION })).output!,
    );
    expect(without.citations.map((c: { id: string }) => c.id)).not.toContain(
      `note:${NOTE_ID}`,
    );
    expect(without.answer).not.toMatch(/following fiscal quarter/);

    for (const notes of [[NOTE], JSON.stringify([NOTE])]) {
      const res = await run({ contract: CONTRACT, question: QUESTION, notes });
      expect(res.error).toBeUndefined();
      const out = JSON.parse(res.output!);
      expect(out.status).toBe('approved');
      expect(out.citations.map((c: { id: string }) => c.id)).toContain(
        `note:${NOTE_ID}`,
      );
      expect(out.answer).toMatch(/following fiscal quarter/);
    }
  });

  it('answers a malformed notes var with a provider error, not a throw', async () => {
    const cases: Array<[unknown, RegExp]> = [
      ['{not json', /test var "notes" is not valid JSON/],
      [{ id: 'x' }, /must be an array/],
      [['text only'], /"notes"\[0\] must be an object/],
      [
        [{ ...NOTE, text: '' }],
        /"notes"\[0\]: text must be a non-empty string/,
      ],
      [[{ ...NOTE, author: 3 }], /author must be a non-empty string/],
      [[{ ...NOTE, createdAt: 'yesterday' }], /createdAt must be an ISO 8601/],
      [[{ ...NOTE, column: 7 }], /column must be a string/],
      [[NOTE, NOTE], /"notes"\[1\]: duplicate id/],
    ];
    for (const [notes, message] of cases) {
      const res = await run({ contract: CONTRACT, question: QUESTION, notes });
      expect(res.output, String(message)).toBeUndefined();
      expect(res.error).toMatch(message);
    }
    // js-yaml (plain promptfoo) reads an unquoted timestamp as a Date
    expect(
      parseNotesVar(
        [{ ...NOTE, createdAt: new Date(NOTE.createdAt) }],
        SALES_ORDERS,
      ),
    ).toEqual({ notes: [{ ...NOTE, entityRef: SALES_ORDERS }] });
    expect(parseNotesVar(undefined, SALES_ORDERS)).toEqual({});
    expect(parseNotesVar('', SALES_ORDERS)).toEqual({});
    expect(parseNotesVar([], SALES_ORDERS)).toEqual({});
    expect(
      parseNotesVar([{ ...NOTE, column: 'orders.status' }], SALES_ORDERS),
    ).toEqual({
      notes: [{ ...NOTE, column: 'orders.status', entityRef: SALES_ORDERS }],
    });
  });
});

describe('owner reviews as suite cases', () => {
  it('turns a correction saved as a note into a case whose provider run cites the note, and carries notes an approval cites', async () => {
    const db = path.join(
      mkdtempSync(path.join(tmpdir(), 'dpa-rv-')),
      'db.sqlite',
    );
    const review = {
      action: 'correct',
      state: 'corrected',
      comment: 'Refunds move to the next quarter.',
      correctedAnswer: NOTE_TEXT,
      reviewedBy: 'user:default/ana',
      reviewedAt: '2026-12-02T10:00:00.000Z',
      verifiedAnswerId: 'v1',
      noteId: NOTE_ID,
    };
    await writeReviewFixtureDb(
      db,
      [
        ask('c1', QUESTION, {
          review_state: 'corrected',
          review_reason: 'flagged',
          review: JSON.stringify(review),
        }),
        ask('a2', 'What does status 4 mean in orders?', {
          review_state: 'approved',
          review_reason: 'flagged',
          review: JSON.stringify({
            action: 'approve',
            state: 'approved',
            reviewedBy: 'user:default/olga',
            reviewedAt: '2026-12-03T10:00:00.000Z',
            verifiedAnswerId: 'v2',
          }),
        }),
      ],
      [
        {
          ask_id: 'c1',
          user_ref: 'user:default/guest',
          helpful: false,
          comment: 'wrong quarter',
          created_at: new Date('2026-12-01T09:00:00Z'),
        },
      ],
      {
        notes: [
          {
            id: NOTE_ID,
            entity_ref: SALES_ORDERS,
            text: NOTE_TEXT,
            column: null,
            author: 'user:default/ana',
            created_at: new Date(NOTE.createdAt),
            updated_at: new Date(NOTE.createdAt),
          },
          {
            id: OLD_NOTE_ID,
            entity_ref: SALES_ORDERS,
            text: 'Status 4 (cancelled) includes orders cancelled by fraud checks.',
            column: 'orders.status',
            author: 'user:default/olga',
            created_at: new Date('2026-11-20T09:00:00Z'),
            updated_at: new Date('2026-11-21T09:00:00Z'),
          },
        ],
        verifiedAnswers: [
          {
            id: 'v1',
            entity_ref: SALES_ORDERS,
            ask_id: 'c1',
            question: QUESTION,
            answer: NOTE_TEXT,
            claims: '[]',
            // vetted before the note was saved: what the text matched without it
            citations: JSON.stringify([
              { id: 'doc:4', text: '...' },
              { id: 'note:0b0b0b0b-0000-4000-8000-000000000000', text: 'gone' },
            ]),
            verdict: '{}',
            verified_by: 'user:default/ana',
            verified_at: new Date(review.reviewedAt),
            status: 'active',
          },
          {
            id: 'v2',
            entity_ref: SALES_ORDERS,
            ask_id: 'a2',
            question: 'What does status 4 mean in orders?',
            answer: 'Status 4 means cancelled, fraud checks included.',
            claims: '[]',
            citations: JSON.stringify([
              { id: 'col:orders.status', text: '...' },
              { id: `note:${OLD_NOTE_ID}`, text: '...' },
              { id: 'note:0b0b0b0b-0000-4000-8000-000000000000', text: 'gone' },
            ]),
            verdict: '{}',
            verified_by: 'user:default/olga',
            verified_at: new Date('2026-12-03T10:00:00Z'),
            status: 'active',
          },
        ],
      },
    );

    const data = await readReviews(db);
    expect(data.ratings).toHaveLength(1);
    expect(data.reviews).toHaveLength(2);
    const { tests, reviewed, notes, superseded, skipped } = reviewCases(data);
    // the review wins over the rating of the same ask
    expect({ reviewed, notes, superseded, skipped }).toEqual({
      reviewed: 2,
      notes: 2,
      superseded: 1,
      skipped: 0,
    });
    expect(tests).toHaveLength(2);
    const [test, approved] = tests as Array<{
      vars: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }>;
    expect(test.vars).toEqual({
      contract: CONTRACT,
      question: QUESTION,
      notes: [NOTE],
    });
    expect(test.metadata).toEqual({
      source: {
        askId: 'c1',
        entityRef: SALES_ORDERS,
        reviewedBy: 'user:default/ana',
        reviewedAt: review.reviewedAt,
        action: 'correct',
        comment: review.comment,
      },
      // a correction saved as a note stands on the note
      expect: { kind: 'answer', facts: [`note:${NOTE_ID}`] },
      reference: NOTE_TEXT,
    });

    const res = await run(test.vars);
    const out = JSON.parse(res.output!);
    expect(out.status).toBe('approved');
    expect(out.citations.map((c: { id: string }) => c.id)).toContain(
      `note:${NOTE_ID}`,
    );
    // the exported case passes the suite's own assertion
    expect(
      answerAssert(res.output!, { test: { metadata: test.metadata } }),
    ).toMatchObject({ pass: true });

    // an approval citing a stored note carries it; a note since deleted is not expected
    expect(approved.vars.notes).toEqual([
      {
        id: OLD_NOTE_ID,
        text: 'Status 4 (cancelled) includes orders cancelled by fraud checks.',
        column: 'orders.status',
        author: 'user:default/olga',
        createdAt: '2026-11-20T09:00:00.000Z',
      },
    ]);
    expect(approved.metadata.expect).toEqual({
      kind: 'answer',
      facts: ['col:orders.status', `note:${OLD_NOTE_ID}`],
    });
  });

  it('reads a database from before reviews: ratings only, no failure', async () => {
    const db = path.join(
      mkdtempSync(path.join(tmpdir(), 'dpa-rv-')),
      'old.sqlite',
    );
    await writeReviewFixtureDb(
      db,
      [ask('o1', 'What is the primary key of orders?', { status: 'approved' })],
      [
        {
          ask_id: 'o1',
          user_ref: 'user:default/ana',
          helpful: true,
          comment: null,
          created_at: new Date('2026-12-01T09:00:00Z'),
        },
      ],
      { migrations: 'asks' },
    );
    const data = await readReviews(db);
    expect(data.reviews).toEqual([]);
    expect(data.ratings.map(r => r.id)).toEqual(['o1']);
    expect(await readReviewRows(db)).toEqual(data.ratings);
    expect(reviewCases(data)).toMatchObject({ reviewed: 0, notes: 0 });
    expect(reviewCases(data.ratings).tests).toEqual(reviewCases(data).tests);
  });
  it('leaves reviews it cannot check for an owner: products outside the demo catalog, demoted verified answers', () => {
    const row = (id: string, extra: Partial<ReviewedAskRow> = {}) =>
      ({
        id,
        entity_ref: SALES_ORDERS,
        question: `question ${id}?`,
        answer: `shown ${id}`,
        status: 'flagged',
        citations: JSON.stringify([{ id: 'key:orders', text: 'k' }]),
        review_state: 'approved',
        review: JSON.stringify({
          action: 'approve',
          reviewedBy: 'user:default/olga',
          reviewedAt: '2026-12-02T10:00:00.000Z',
        }),
        notes: [],
        ...extra,
      } as ReviewedAskRow);
    const verified = {
      id: 'v',
      ask_id: 'x',
      answer: 'verified text',
      citations: JSON.stringify([
        { id: 'column:orders.status', text: 's' },
        { id: 'note:not-supplied', text: 'n' },
      ]),
      status: 'active',
      verified_by: 'user:default/olga',
      verified_at: '2026-12-02T10:00:00.000Z',
      demoted_reason: null,
    };
    const { tests, reviewed, notes } = reviewCases({
      ratings: [],
      reviews: [
        row('outside', { entity_ref: 'component:default/elsewhere' }),
        row('demoted', {
          verified: {
            ...verified,
            status: 'demoted',
            demoted_reason: 'orders.status changed',
          },
        }),
        row('active', { verified }),
        // a correction whose verified answer is gone expects no particular fact
        row('lost', {
          review_state: 'corrected',
          review: JSON.stringify({
            action: 'correct',
            correctedAnswer: 'fixed',
            reviewedBy: 'user:default/olga',
            reviewedAt: '2026-12-02T10:00:00.000Z',
          }),
        }),
      ],
    });
    expect({ reviewed, notes }).toEqual({ reviewed: 2, notes: 0 });
    const meta = tests.map(t => t.metadata as Record<string, unknown>);
    expect(tests.map(t => t.description)).toEqual([
      'owner review outside: approved, entity not in the demo catalog',
      'owner review demoted: approved, verified answer since demoted',
      'owner review active: approved',
      'owner review lost: corrected',
    ]);
    expect(meta[0]).toMatchObject({
      review: 'pending',
      reference: 'shown outside',
    });
    expect((tests[0].vars as { contract: string }).contract).toBe(
      'UNRESOLVED:component:default/elsewhere',
    );
    expect(meta[1]).toMatchObject({
      review: 'pending',
      demotedReason: 'orders.status changed',
    });
    expect(meta[2]).toMatchObject({
      expect: { kind: 'answer', facts: ['column:orders.status'] },
      reference: 'verified text',
    });
    expect(meta[3]).toMatchObject({
      expect: { kind: 'answer', facts: [] },
      reference: 'fixed',
    });
  });
});
