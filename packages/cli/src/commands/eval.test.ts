import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '@dpa/evals/lib/runEval';
import { writeReviewFixtureDb } from '@dpa/evals/lib/reviews';
import { repoRoot, runDpa } from '../__testUtils__/runDpa';

const bin = path.join(repoRoot, 'packages/cli/bin/dpa');

/** The real binary, offline: every connection leaving the machine is refused and logged. */
async function dpaOffline(args: string[], timeout = 170_000) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dpa-eval-'));
  const networkLog = path.join(dir, 'network.log');
  const env = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(
      repoRoot,
      'evals/lib/noNetwork.cjs',
    )}`.trim(),
    DPA_NETWORK_LOG: networkLog,
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
  };
  const started = Date.now();
  try {
    const { stdout, stderr } = await promisify(execFile)(
      'node',
      [bin, ...args],
      { cwd: repoRoot, env, timeout, maxBuffer: 64 * 1024 * 1024 },
    );
    return {
      code: 0,
      stdout,
      stderr,
      ms: Date.now() - started,
      network: existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '',
    };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return {
      code: err.code,
      stdout: err.stdout,
      stderr: err.stderr,
      ms: Date.now() - started,
      network: existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '',
    };
  }
}

describe('dpa eval', () => {
  it('runs every suite on the built-in models, offline, and writes promptfoo JSON plus summary.md', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dpa-eval-out-'));
    const { code, stdout, stderr, ms, network } = await dpaOffline([
      'eval',
      '--out',
      out,
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    const doc = JSON.parse(stdout);
    // eslint-disable-next-line no-console
    console.log(
      `dpa eval (all suites, built-in models): ${(ms / 1000).toFixed(
        1,
      )} s wall, ${(doc.wallTimeMs / 1000).toFixed(1)} s in suites`,
    );
    expect(ms).toBeLessThan(180_000);
    expect(network).toBe('');
    expect(doc.suites.map((s: { suite: string }) => s.suite)).toEqual(
      expect.arrayContaining([
        'answers-sales',
        'answers-customer',
        'answers-finance',
        'answers-logistics',
        'answers-marketing',
        'validator',
        'interop',
      ]),
    );
    for (const s of doc.suites) {
      expect(s.errors, s.suite).toBe(0);
      expect(existsSync(s.file)).toBe(true);
      const pf = JSON.parse(readFileSync(s.file, 'utf8'));
      expect(pf.results.results.length).toBe(s.passed + s.failed + s.errors);
    }
    // only local code ran: no provider used a hosted model
    for (const [label, p] of Object.entries(doc.providers) as Array<
      [string, { providers: string[]; hostedCalled: boolean }]
    >) {
      expect(p.hostedCalled, label).toBe(false);
      expect(
        p.providers.filter(x => x !== 'builtin'),
        label,
      ).toEqual([]);
    }
    const sales = doc.metrics['sales-served'];
    expect(sales.governance_leaks).toBe(0);
    expect(sales.answer_cases).toBeGreaterThanOrEqual(12);
    // the public dev splits live outside the repository; without them those cases are left out
    if (doc.datasets)
      expect(
        doc.metrics['validator-served']['validator_cases.hallucination'],
      ).toBe(100);
    expect(
      doc.metrics['validator-served']['validator_cases.injection'],
    ).toBeGreaterThan(0);
    expect(doc.metrics['interop-builtin'].interop_recall).toBeGreaterThan(0);
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| metric \| .*sales-served/);
    expect(summary).toMatch(/\| governance_leaks \| 0 \|/);
  }, 180_000);

  it('exits 2 with one line on stderr for an unknown suite', async () => {
    const { code, stdout, stderr } = await runDpa(['eval', '--suite', 'nope']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^dpa: unknown suite "nope" \(known: answers-customer/,
    );
  }, 60_000);

  it('exports rated answers from the backend database as suite cases', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dpa-reviews-'));
    const db = path.join(dir, 'dpa.sqlite');
    const ask = (
      id: string,
      question: string,
      status: string,
      citations: object[],
    ) => ({
      id,
      entity_ref: 'component:default/sales-orders',
      user_ref: 'user:default/guest',
      question,
      answer: 'shown',
      output: '{}',
      status,
      reasons: '[]',
      groundedness: 1,
      citations: JSON.stringify(citations),
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
      created_at: new Date('2026-11-01T10:00:00Z'),
    });
    const fb = (askId: string, helpful: boolean, comment: string | null) => ({
      ask_id: askId,
      user_ref: 'user:default/ana',
      helpful,
      comment,
      created_at: new Date('2026-11-02T10:00:00Z'),
    });
    await writeReviewFixtureDb(
      db,
      [
        ask('a1', 'What is the primary key of orders?', 'approved', [
          { id: 'key:orders', text: '...' },
        ]),
        ask('a2', 'What does status 6 mean?', 'approved', []),
        ask('a3', 'Who owns it?', 'approved', []),
      ],
      [
        fb('a1', true, null),
        fb('a2', false, 'There is no status 6; it should say so.'),
        fb('a3', false, null),
      ],
    );

    const file = path.join(dir, 'reviews.yaml');
    const { code, stdout, stderr } = await runDpa([
      'eval',
      'export-reviews',
      '--db',
      db,
      '--out',
      file,
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      rated: 3,
      cases: 1,
      pendingReview: 1,
      skipped: 1,
    });
    const suite = loadSuite('reviews', dir);
    expect(suite.providers[0].id).toMatch(/answerProvider\.ts$/);
    expect(suite.tests).toEqual([
      expect.objectContaining({
        vars: {
          contract:
            'examples/catalog/products/sales/sales-orders/contract.odcs.yaml',
          question: 'What is the primary key of orders?',
        },
        metadata: expect.objectContaining({
          expect: { kind: 'answer', facts: ['key:orders'] },
        }),
      }),
      expect.objectContaining({
        metadata: expect.objectContaining({
          review: 'pending',
          comment: 'There is no status 6; it should say so.',
        }),
      }),
    ]);

    const bad = await runDpa([
      'eval',
      'export-reviews',
      '--db',
      path.join(dir, 'missing.sqlite'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^dpa: cannot read reviews from .*missing\.sqlite: database file .* does not exist\n$/,
    );
  }, 60_000);
  it('exports owner reviews: approved and corrected answers as expected cases (with the correction note), rejected ones for review', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dpa-reviews-'));
    const db = path.join(dir, 'dpa.sqlite');
    const SALES_ORDERS = 'component:default/sales-orders';
    const noteId = '3f2a9c1e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';
    const noteText =
      'Refunds issued after the quarter close are booked in the following fiscal quarter.';
    const reviewed = (
      id: string,
      question: string,
      state: 'approved' | 'corrected' | 'rejected',
      review: Record<string, unknown>,
    ) => ({
      id,
      entity_ref: SALES_ORDERS,
      user_ref: 'user:default/guest',
      question,
      answer: `shown ${id}`,
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
      created_at: new Date('2026-12-01T10:00:00Z'),
      domain: 'sales',
      review_state: state,
      review_reason: 'flagged',
      review: JSON.stringify({
        state,
        reviewedBy: 'user:default/olga',
        ...review,
      }),
    });
    const verified = (
      id: string,
      askId: string,
      question: string,
      answer: string,
      citations: Array<{ id: string; text: string }>,
    ) => ({
      id,
      entity_ref: SALES_ORDERS,
      ask_id: askId,
      question,
      answer,
      claims: '[]',
      citations: JSON.stringify(citations),
      verdict: JSON.stringify({
        status: 'approved',
        reasons: [],
        groundedness: 1,
      }),
      verified_by: 'user:default/olga',
      verified_at: new Date('2026-12-02T10:00:00Z'),
      status: 'active',
    });
    await writeReviewFixtureDb(
      db,
      [
        reviewed('r1', 'What is the primary key of orders?', 'approved', {
          action: 'approve',
          reviewedAt: '2026-12-02T10:00:00.000Z',
          verifiedAnswerId: 'v1',
        }),
        reviewed(
          'r2',
          'Which fiscal quarter are refunds issued after the quarter close booked in?',
          'corrected',
          {
            action: 'correct',
            comment: 'Refunds move to the next quarter.',
            correctedAnswer: noteText,
            reviewedAt: '2026-12-02T11:00:00.000Z',
            verifiedAnswerId: 'v2',
            noteId,
          },
        ),
        reviewed('r3', 'What does status 6 mean?', 'rejected', {
          action: 'reject',
          comment: 'There is no status 6; it should say so.',
          reviewedAt: '2026-12-02T12:00:00.000Z',
        }),
      ],
      // r1 was also rated: the review wins
      [
        {
          ask_id: 'r1',
          user_ref: 'user:default/ana',
          helpful: false,
          comment: 'unsure',
          created_at: new Date('2026-12-01T11:00:00Z'),
        },
      ],
      {
        notes: [
          {
            id: noteId,
            entity_ref: SALES_ORDERS,
            text: noteText,
            column: null,
            author: 'user:default/olga',
            created_at: new Date('2026-12-02T11:00:00Z'),
            updated_at: new Date('2026-12-02T11:00:00Z'),
          },
        ],
        verifiedAnswers: [
          verified(
            'v1',
            'r1',
            'What is the primary key of orders?',
            'The primary key of orders is order_id.',
            [{ id: 'key:orders', text: 'Primary key of orders: order_id.' }],
          ),
          verified(
            'v2',
            'r2',
            'Which fiscal quarter are refunds issued after the quarter close booked in?',
            noteText,
            // vetted before the note was saved: what the text matched without it
            [
              { id: 'doc:4', text: '...' },
              { id: 'contract:sales-orders#limitations', text: '...' },
            ],
          ),
        ],
      },
    );

    const file = path.join(dir, 'reviews.yaml');
    const { code, stdout, stderr } = await runDpa([
      'eval',
      'export-reviews',
      '--db',
      db,
      '--out',
      file,
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      file,
      rated: 1,
      cases: 2,
      pendingReview: 1,
      skipped: 0,
      reviewed: 2,
      notes: 1,
    });
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toMatch(
      /^# Answer cases exported from rated and owner-reviewed answers/,
    );
    expect(yaml).toContain(
      `description: "owner review r2: corrected, saved as note ${noteId}"`,
    );
    const suite = loadSuite('reviews', dir);
    expect(suite.tests).toEqual([
      {
        description: 'owner review r1: approved',
        vars: {
          contract:
            'examples/catalog/products/sales/sales-orders/contract.odcs.yaml',
          question: 'What is the primary key of orders?',
        },
        metadata: {
          source: {
            askId: 'r1',
            entityRef: SALES_ORDERS,
            reviewedBy: 'user:default/olga',
            reviewedAt: '2026-12-02T10:00:00.000Z',
            action: 'approve',
          },
          expect: { kind: 'answer', facts: ['key:orders'] },
          reference: 'The primary key of orders is order_id.',
        },
      },
      {
        description: `owner review r2: corrected, saved as note ${noteId}`,
        vars: {
          contract:
            'examples/catalog/products/sales/sales-orders/contract.odcs.yaml',
          question:
            'Which fiscal quarter are refunds issued after the quarter close booked in?',
          notes: [
            {
              id: noteId,
              text: noteText,
              author: 'user:default/olga',
              createdAt: '2026-12-02T11:00:00.000Z',
            },
          ],
        },
        metadata: {
          source: {
            askId: 'r2',
            entityRef: SALES_ORDERS,
            reviewedBy: 'user:default/olga',
            reviewedAt: '2026-12-02T11:00:00.000Z',
            action: 'correct',
            comment: 'Refunds move to the next quarter.',
          },
          expect: { kind: 'answer', facts: [`note:${noteId}`] },
          reference: noteText,
        },
      },
      {
        description: 'owner review r3: rejected',
        vars: {
          contract:
            'examples/catalog/products/sales/sales-orders/contract.odcs.yaml',
          question: 'What does status 6 mean?',
        },
        metadata: {
          source: {
            askId: 'r3',
            entityRef: SALES_ORDERS,
            reviewedBy: 'user:default/olga',
            reviewedAt: '2026-12-02T12:00:00.000Z',
            action: 'reject',
            comment: 'There is no status 6; it should say so.',
          },
          review: 'pending',
          comment: 'There is no status 6; it should say so.',
          shownAnswer: 'shown r3',
          shownStatus: 'flagged',
        },
      },
    ]);

    const text = await runDpa([
      'eval',
      'export-reviews',
      '--db',
      db,
      '--out',
      file,
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe(
      `wrote ${file}: 2 expected-answer case(s) (2 from owner reviews, 1 with knowledge notes), 1 marked for review, 0 skipped (unhelpful without comment)\n`,
    );
  }, 60_000);
});
