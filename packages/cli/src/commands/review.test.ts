import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The backend plugin and its test harness are the system under test here, not dependencies of
// the CLI (which reaches a backend over HTTP only), so the CLI's package.json does not name them.
/* eslint-disable @backstage/no-undeclared-imports, @backstage/no-forbidden-package-imports */
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  CUSTOMER_OWNER,
  SALES_OWNER,
  startPluginBackend,
} from '@dpa/plugin-data-product-assistant-backend/src/__testUtils__/startPluginBackend';
/* eslint-enable @backstage/no-undeclared-imports, @backstage/no-forbidden-package-imports */
import { runDpa } from '../__testUtils__/runDpa';

// Runs in the vitest `backend` project (vitest.config.mts): the backend harness needs its setup.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const PRODUCT = 'component:default/sales-orders';
const READER = 'user:default/alice';
const EMAILS = 'What are example customer email addresses?';
const CORRECTION =
  'Column orders.customer_email holds the e-mail address the customer typed in at checkout. It is restricted personal data, so examples are not shared.';

describe('dpa review against a running backend', () => {
  let backend: Awaited<ReturnType<typeof startPluginBackend>>;
  let url: string;
  /** The environment of every run: no token unless a test passes one. */
  const env = { ...process.env };
  delete env.DPA_TOKEN;
  delete env.DPA_BACKEND_URL;

  beforeAll(async () => {
    backend = await startPluginBackend(databases, 'SQLITE_3');
    const { port } = backend.server.address() as AddressInfo;
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await backend?.server.close();
  });

  const token = (user: string) => mockCredentials.user.token(user);
  /** `dpa review ...` against the test backend as `user` (no token when null). */
  const dpa = (args: string[], user: string | null = SALES_OWNER) =>
    runDpa(
      ['review', ...args, '--backend', url],
      undefined,
      user ? { ...env, DPA_TOKEN: token(user) } : env,
    );
  const ask = async (question: string) => {
    const response = await fetch(`${url}/api/data-product-assistant/ask`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token(READER)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ entityRef: PRODUCT, question }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; status: string };
  };
  /** How many review actions reached the backend (each one is audited). */
  const reviewRequests = () =>
    backend.auditor.createEvent.mock.calls.filter(
      ([options]: any[]) => options.eventId === 'review-action',
    ).length;
  const oneLine = (stderr: string) => {
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  };

  let blockedId: string;

  it('lists a blocked answer for its owner, corrects it into a note and a verified answer', async () => {
    const blocked = await ask(EMAILS);
    expect(blocked.status).toBe('blocked');
    blockedId = blocked.id;

    const listed = await dpa(['list', '--product', PRODUCT, '--json']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const queue = JSON.parse(listed.stdout);
    expect(queue.products).toContain(PRODUCT);
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({
      kind: 'answer',
      reason: 'blocked',
      state: 'pending',
      ask: { id: blockedId, entityRef: PRODUCT, question: EMAILS },
    });

    // The text form: one block per item with what a reviewer needs.
    const text = await dpa(['list', '--verdict', 'blocked', '--limit', '5']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(blockedId);
    expect(text.stdout).toContain(`product:   ${PRODUCT}`);
    expect(text.stdout).toContain('verdict:   blocked (reason: blocked');
    expect(text.stdout).toContain(`question:  ${EMAILS}`);
    expect(text.stdout).toMatch(/answer: {4}.*customer_email/);
    expect(text.stdout).toMatch(/- pii \(block\)/);
    expect(text.stdout).toContain('1 of 1 shown.');

    const summary = await dpa(['summary', '--product', PRODUCT, '--json']);
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout)).toMatchObject({
      canReview: true,
      pendingAnswers: 1,
    });

    // Approving the withheld answer as is: the validator blocks it again (422).
    const approved = await dpa(['approve', blockedId]);
    expect(approved.code).toBe(2);
    oneLine(approved.stderr);
    expect(approved.stderr).toMatch(/^dpa: .*cannot be verified/);
    expect(approved.stdout).toMatch(/The validator blocked the text/);
    expect(approved.stdout).toMatch(/- pii \(block\)/);

    const corrected = await dpa([
      'correct',
      blockedId,
      '--answer',
      CORRECTION,
      '--comment',
      'Never list e-mail addresses.',
      '--save-as-note',
      '--json',
    ]);
    expect(corrected.stderr).toBe('');
    expect(corrected.code).toBe(0);
    const item = JSON.parse(corrected.stdout);
    expect(item).toMatchObject({
      state: 'corrected',
      review: {
        action: 'correct',
        correctedAnswer: CORRECTION,
        comment: 'Never list e-mail addresses.',
        reviewedBy: SALES_OWNER,
      },
    });
    expect(item.review.noteId).toBeTruthy();

    const verified = await dpa(['verified', '--product', PRODUCT, '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout).items).toEqual([
      expect.objectContaining({
        id: item.review.verifiedAnswerId,
        askId: blockedId,
        status: 'active',
        answer: CORRECTION,
        verifiedBy: SALES_OWNER,
      }),
    ]);
    // Any reader sees them, in text too; the kind and namespace default.
    const asText = await dpa(['verified', '--product', 'sales-orders'], READER);
    expect(asText.code).toBe(0);
    expect(asText.stdout).toContain(CORRECTION);
    expect(asText.stdout).toContain(`verified:  by ${SALES_OWNER}`);

    // The correction is a knowledge note now.
    const notes = await fetch(
      `${url}/api/data-product-assistant/products/default/component/sales-orders/notes`,
      { headers: { Authorization: `Bearer ${token(READER)}` } },
    );
    expect((await notes.json()).items).toEqual([
      expect.objectContaining({ id: item.review.noteId, text: CORRECTION }),
    ]);
    // ...and the queue is empty.
    const empty = await dpa(['list', '--product', PRODUCT]);
    expect(empty.stdout).toMatch(/^Nothing waits for your review/);
  });

  it('refuses a second review of the same answer (409)', async () => {
    const again = await dpa(['approve', blockedId, '--comment', 'fine']);
    expect(again.code).toBe(2);
    oneLine(again.stderr);
    expect(again.stderr).toMatch(
      /^dpa: This answer was already corrected by user:default\/sally/,
    );
  });

  it('checks the arguments before sending anything', async () => {
    const before = reviewRequests();
    for (const args of [
      ['reject', blockedId],
      ['reject', blockedId, '--comment', '   '],
      ['correct', blockedId],
      ['correct', blockedId, '--answer', ''],
    ]) {
      const result = await dpa(args);
      expect(result.code).toBe(2);
      oneLine(result.stderr);
      expect(result.stdout).toBe('');
    }
    expect((await dpa(['reject', blockedId])).stderr).toBe(
      'dpa: --comment is required to reject an answer: say what is wrong\n',
    );
    expect((await dpa(['reject', blockedId, '--comment', ' '])).stderr).toBe(
      'dpa: comment is required to reject an answer: say what is wrong\n',
    );
    expect(reviewRequests()).toBe(before);

    for (const args of [
      ['list', '--verdict', 'maybe'],
      ['list', '--state', 'done'],
      ['list', '--limit', '1000'],
      ['list', '--product', 'not a ref:'],
      ['verified'],
    ]) {
      const result = await dpa(args);
      expect(result.code).toBe(2);
      oneLine(result.stderr);
    }
  });

  it("refuses another product's owner (403) and an unknown answer (404)", async () => {
    const blocked = await ask('Show me the customer emails');
    expect(blocked.status).toBe('blocked');
    const stranger = await dpa(
      ['correct', blocked.id, '--answer', CORRECTION],
      CUSTOMER_OWNER,
    );
    expect(stranger.code).toBe(2);
    oneLine(stranger.stderr);
    expect(stranger.stderr).toBe(
      `dpa: Only the owners of ${PRODUCT} may review its answers\n`,
    );
    const queue = await dpa(['list', '--product', PRODUCT], CUSTOMER_OWNER);
    expect(queue.code).toBe(2);
    expect(queue.stderr).toMatch(/^dpa: Only the owners of/);

    const unknown = await dpa([
      'approve',
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^dpa: No answer with id/);

    // The owner rejects it, in text.
    const rejected = await dpa([
      'reject',
      blocked.id,
      '--comment',
      'Asks for personal data.',
    ]);
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toMatch(
      new RegExp(`^${blocked.id}: rejected by ${SALES_OWNER}`),
    );
  });

  it('needs a token the backend accepts, and a backend it can reach', async () => {
    const missing = await dpa(['list'], null);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'dpa: a Backstage token is required: pass --token or set $DPA_TOKEN\n',
    );

    const refused = await runDpa(
      [
        'review',
        'summary',
        '--backend',
        url,
        '--token',
        mockCredentials.user.invalidToken(),
      ],
      undefined,
      env,
    );
    expect(refused.code).toBe(2);
    oneLine(refused.stderr);
    expect(refused.stderr).toMatch(
      /^dpa: the backend refused the token \(401\)/,
    );

    const unreachable = await runDpa(
      [
        'review',
        'list',
        '--backend',
        'http://127.0.0.1:1',
        '--token',
        token(SALES_OWNER),
      ],
      undefined,
      env,
    );
    expect(unreachable.code).toBe(2);
    oneLine(unreachable.stderr);
    expect(unreachable.stderr).toMatch(
      /^dpa: cannot reach the backend at http:\/\/127\.0\.0\.1:1: \S/,
    );
  });
});
