import request from 'supertest';
import { knex as createKnex, type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  SALES_OWNER,
  startPluginBackend,
} from './__testUtils__/startPluginBackend';

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const base = '/api/data-product-assistant';
const SALES_ORDERS = 'component:default/sales-orders';
const SCAN_SECONDS = 2;

/**
 * How a company that outgrows one backend runs it: two instances of the
 * plugin, each with its own connection pool, on one PostgreSQL database,
 * behind a load balancer that sends each request to either.
 */
describe('two backend replicas on one PostgreSQL database', () => {
  type Backend = Awaited<ReturnType<typeof startPluginBackend>>;
  let a: Backend;
  let b: Backend;
  let second: Knex;
  const logs: Record<'a' | 'b', string[]> = { a: [], b: [] };
  let started = 0;

  beforeAll(async () => {
    const first = await databases.init('POSTGRES_15');
    second = createKnex(first.client.config);
    const config = {
      budgets: { perUser: { asksPerMinute: 30 } },
      interop: {
        schedule: {
          frequency: { seconds: SCAN_SECONDS },
          timeout: { seconds: 60 },
          initialDelay: { seconds: 1 },
        },
      },
    };
    started = Date.now();
    a = await startPluginBackend(databases, 'POSTGRES_15', config, {
      knex: first,
      realScheduler: true,
      logLines: logs.a,
    });
    b = await startPluginBackend(databases, 'POSTGRES_15', config, {
      knex: second,
      realScheduler: true,
      logLines: logs.b,
    });
  });

  afterAll(async () => {
    await a?.server.close();
    await b?.server.close();
    await second?.destroy();
  });

  const as = (user: string) => mockCredentials.user.header(user);
  const ask = (server: Backend, user: string, question: string) =>
    request(server.server)
      .post(`${base}/ask`)
      .set('Authorization', as(user))
      .send({ entityRef: SALES_ORDERS, question });

  /**
   * Asks until `done` holds, for up to 5 s. Each replica keeps notes and
   * verified answers in memory and drops them when PostgreSQL tells it of
   * another's write: a notice that, on a busy machine, can take a moment.
   */
  const askUntil = (
    server: Backend,
    user: string,
    question: string,
    done: (res: request.Response) => boolean,
  ) =>
    vi.waitFor(
      async () => {
        const res = await ask(server, user, question);
        expect(done(res)).toBe(true);
        return res;
      },
      { timeout: 5000, interval: 50 },
    );

  it('answers on one replica what was asked on the other', async () => {
    const asked = await ask(
      a,
      'user:default/alice',
      'Who owns this data product?',
    );
    expect(asked.status).toBe(201);
    const read = await request(b.server)
      .get(`${base}/asks/${asked.body.id}`)
      .set('Authorization', as('user:default/alice'));
    expect(read.status).toBe(200);
    expect(read.body.answer).toBe(asked.body.answer);
    const history = await request(b.server)
      .get(`${base}/products/default/component/sales-orders/asks`)
      .set('Authorization', as('user:default/alice'));
    expect(history.body.items.map((i: any) => i.id)).toContain(asked.body.id);
  });

  it('holds a user to one rate limit across both replicas, even all at once', async () => {
    const user = 'user:default/busy-on-both';
    const responses = await Promise.all(
      Array.from({ length: 34 }, (_, i) =>
        ask(i % 2 ? a : b, user, 'How fresh is the data?'),
      ),
    );
    const passed = responses.filter(r => r.status === 201).length;
    const limited = responses.filter(r => r.status === 429).length;
    expect({ passed, limited }).toEqual({ passed: 30, limited: 4 });
  });

  it('serves an answer verified on one replica from the other', async () => {
    const question = 'Show me example customer emails';
    const blocked = await ask(a, 'user:default/alice', question);
    expect(blocked.body.status).toBe('blocked');
    const corrected = await request(b.server)
      .post(`${base}/review/asks/${blocked.body.id}`)
      .set('Authorization', as(SALES_OWNER))
      .send({
        action: 'correct',
        answer:
          'Column orders.customer_email holds the e-mail address the customer typed in at checkout.',
      });
    expect(corrected.status).toBe(200);
    const again = await askUntil(
      a,
      'user:default/bob',
      question,
      res => res.body.verified !== undefined,
    );
    expect(again.body.verified?.id).toBe(
      corrected.body.review.verifiedAnswerId,
    );
    // A second review, on either replica, finds it already done.
    const twice = await request(a.server)
      .post(`${base}/review/asks/${blocked.body.id}`)
      .set('Authorization', as(SALES_OWNER))
      .send({ action: 'reject', comment: 'late' });
    expect(twice.status).toBe(409);
  });

  it("cites a note written on one replica in the other's answers, until it is deleted there", async () => {
    const question =
      'Which fiscal quarter are refunds issued after the quarter close booked in?';
    const notes = `${base}/products/default/component/sales-orders/notes`;
    // replica a keeps the product's notes (none) from this ask
    const before = await ask(a, 'user:default/alice', question);
    expect(before.body.answer).not.toMatch(/following fiscal quarter/);
    const note = await request(b.server)
      .post(notes)
      .set('Authorization', as(SALES_OWNER))
      .send({
        text: 'Refunds issued after the quarter close are booked in the following fiscal quarter.',
      });
    expect(note.status).toBe(201);
    const cited = await askUntil(a, 'user:default/alice', question, res =>
      /following fiscal quarter/.test(res.body.answer),
    );
    expect(cited.body.citations.map((c: { id: string }) => c.id)).toContain(
      `note:${note.body.id}`,
    );
    const removed = await request(b.server)
      .delete(`${notes}/${note.body.id}`)
      .set('Authorization', as(SALES_OWNER));
    expect(removed.status).toBe(204);
    const after = await askUntil(
      a,
      'user:default/alice',
      question,
      res => !/following fiscal quarter/.test(res.body.answer),
    );
    expect(after.body.answer).not.toMatch(/following fiscal quarter/);
  });

  it('shows an interop decision taken on one replica on the other', async () => {
    const suggestions = await request(a.server)
      .get(`${base}/products/default/component/sales-orders/interop`)
      .set('Authorization', as(SALES_OWNER));
    expect(suggestions.status).toBe(200);
    const mapping = suggestions.body.related[0].mappings[0];
    const decided = await request(a.server)
      .post(`${base}/products/default/component/sales-orders/interop/decisions`)
      .set('Authorization', as(SALES_OWNER))
      .send({ suggestionId: mapping.id, decision: 'accept' });
    expect(decided.status).toBe(201);
    const seen = await request(b.server)
      .get(`${base}/products/default/component/sales-orders/interop`)
      .set('Authorization', as(SALES_OWNER));
    const same = seen.body.related
      .flatMap((r: any) => r.mappings)
      .find((m: any) => m.id === mapping.id);
    expect(same.decision).toMatchObject({ status: 'accepted' });
    const accepted = await request(b.server)
      .get(`${base}/interop/accepted`)
      .set('Authorization', mockCredentials.service.header());
    expect(accepted.body.map((r: any) => r.suggestionId)).toContain(mapping.id);
  });

  it('runs the scheduled scan once per interval across both replicas', async () => {
    // Let several intervals pass (the tests above took some already).
    const wanted = 5 * SCAN_SECONDS * 1000;
    const waited = Date.now() - started;
    if (waited < wanted) await new Promise(r => setTimeout(r, wanted - waited));
    const elapsedSeconds = (Date.now() - started) / 1000;
    const scans = (lines: string[]) =>
      lines.filter(l => l.startsWith('Interop scan:')).length;
    const total = scans(logs.a) + scans(logs.b);
    const seen = `${scans(logs.a)} + ${scans(
      logs.b,
    )} scans in ${elapsedSeconds.toFixed(1)} s`;
    // Uncoordinated, each replica would scan every interval: about twice this.
    expect(total, seen).toBeGreaterThanOrEqual(2);
    expect(total, seen).toBeLessThanOrEqual(
      Math.floor(elapsedSeconds / SCAN_SECONDS) + 1,
    );
    const [{ n }] = await second('dpa_interop_suggestions').count({ n: '*' });
    expect(Number(n)).toBeGreaterThan(0);
  });
});
