import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mockCredentials,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Knex } from 'knex';
import {
  completion,
  factIdsIn,
  startFakeChatServer,
} from '@dpa/plugin-data-product-assistant-backend-module-openai/testUtils';
import { startPluginBackend } from './__testUtils__/startPluginBackend';
import { BudgetService, formatDuration } from './budget/BudgetService';
import { readBudgetSettings } from './budget/budgetSettings';
import { DatabaseBudgetLedgerStore } from './database/DatabaseBudgetLedgerStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const startOfUtcDay = () => {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
  );
};
/** Today (UTC) but more than a minute ago, so only daily limits see it. */
const earlierToday = () =>
  new Date(Math.max(startOfUtcDay().getTime(), Date.now() - 5 * 60_000));
const yesterday = () => new Date(startOfUtcDay().getTime() - 3_600_000);
const secondsToMidnight = () =>
  (startOfUtcDay().getTime() + 86_400_000 - Date.now()) / 1000;

/** Stores an ask as if it had been asked (its row and its budget ledger entry), e.g. with a cost the builtin models never have. */
async function insertAsk(
  knex: Knex,
  row: {
    userRef?: string;
    domain?: string | null;
    costUsd?: number;
    createdAt: Date;
  },
) {
  const model = {
    name: 'builtin-answer',
    version: '000000000000',
    provider: 'builtin',
  };
  const id = randomUUID();
  await knex('dpa_budget_ledger').insert({
    id,
    user_ref: row.userRef ?? 'user:default/seeded',
    domain: row.domain ?? null,
    created_at: row.createdAt,
    cost_usd: row.costUsd ?? 0,
    settled: true,
  });
  await knex('dpa_asks').insert({
    id,
    entity_ref: 'component:default/sales-orders',
    user_ref: row.userRef ?? 'user:default/seeded',
    question: 'seeded',
    answer: 'seeded',
    output: JSON.stringify({ answer: 'seeded', claims: [], abstained: false }),
    status: 'approved',
    reasons: '[]',
    groundedness: 1,
    citations: '[]',
    answer_model: model.name,
    answer_model_version: model.version,
    answer_model_provider: model.provider,
    validator_model: 'builtin-validator',
    validator_model_version: model.version,
    validator_model_provider: model.provider,
    prompt_tokens: 0,
    completion_tokens: 0,
    cost_usd: row.costUsd ?? 0,
    latency_ms: 1,
    created_at: row.createdAt,
    domain: row.domain ?? null,
  });
}

describe.each(databases.eachSupportedId())('budgets on %s', databaseId => {
  let server: Awaited<ReturnType<typeof startPluginBackend>>['server'];
  let knex: Knex;
  let actions: Awaited<ReturnType<typeof startPluginBackend>>['actions'];

  beforeAll(async () => {
    ({ server, knex, actions } = await startPluginBackend(
      databases,
      databaseId as TestDatabaseId,
      {
        budgets: {
          perUser: { asksPerMinute: 3, asksPerDay: 5 },
          perDomainDailyCostUsd: { default: 1, finance: 5 },
        },
      },
    ));
  });

  afterAll(async () => {
    await server?.close();
  });

  const ask = (user: string, entityRef = 'component:default/sales-orders') =>
    request(server)
      .post('/api/data-product-assistant/ask')
      .set('Authorization', mockCredentials.user.header(user))
      .send({ entityRef, question: 'Who owns this data product?' });
  const storedFor = async (user: string) =>
    Number(
      (await knex('dpa_asks').where({ user_ref: user }).count({ n: '*' }))[0].n,
    );

  it('refuses the N+1th ask within a minute with 429, the limit, the reset and Retry-After', async () => {
    const user = 'user:default/minute-user';
    for (let i = 0; i < 3; i++) expect((await ask(user)).status).toBe(201);
    const res = await ask(user);
    expect(res.status).toBe(429);
    expect(res.body.error.name).toBe('RateLimitedError');
    expect(res.body.error.message).toMatch(
      /^Rate limit reached: 3 questions per minute per user; try again in \d+ s \(at \d\d:\d\d:\d\d UTC\)$/,
    );
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.body).toMatchObject({
      limit: 'asks-per-minute',
      retryAfterSeconds: retryAfter,
    });
    // Nothing is stored for a refused ask.
    expect(await storedFor(user)).toBe(3);
    // Another user is not affected.
    expect((await ask('user:default/other-user')).status).toBe(201);
  });

  it('counts only the last minute: older asks free the rate limit, the reset is when the oldest leaves', async () => {
    const user = 'user:default/resetting-user';
    for (let i = 0; i < 3; i++) {
      await insertAsk(knex, {
        userRef: user,
        createdAt: new Date(Date.now() - 61_000),
      });
    }
    expect((await ask(user)).status).toBe(201);
    await insertAsk(knex, {
      userRef: user,
      createdAt: new Date(Date.now() - 30_000),
    });
    await insertAsk(knex, {
      userRef: user,
      createdAt: new Date(Date.now() - 10_000),
    });
    const res = await ask(user);
    expect(res.status).toBe(429);
    // The oldest of the three asks in the window was 30 s ago: a slot frees in ~30 s.
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(25);
    expect(retryAfter).toBeLessThanOrEqual(31);
  });

  it('refuses past the daily limit per user until 00:00 UTC; yesterday does not count', async () => {
    const user = 'user:default/daily-user';
    for (let i = 0; i < 5; i++)
      await insertAsk(knex, { userRef: user, createdAt: yesterday() });
    expect((await ask(user)).status).toBe(201);
    for (let i = 0; i < 4; i++)
      await insertAsk(knex, { userRef: user, createdAt: earlierToday() });
    const res = await ask(user);
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(
      /^Daily limit reached: 5 questions per day per user; it resets at 00:00 UTC \(in (\d+ h )?(\d+ min)?( \d+ s)?\)$/,
    );
    expect(
      Math.abs(Number(res.headers['retry-after']) - secondsToMidnight()),
    ).toBeLessThan(5);
    expect(await storedFor(user)).toBe(10);
  });

  it('stores the domain of each ask', async () => {
    const res = await ask('user:default/domain-user');
    expect(res.status).toBe(201);
    expect(res.body.domain).toBeUndefined();
    const row = await knex('dpa_asks').where({ id: res.body.id }).first();
    expect(row.domain).toBe('sales');
  });

  it("settles an ask's ledger entry, kept under the ask's id, when the ask is stored", async () => {
    const res = await ask('user:default/settled-user');
    expect(res.status).toBe(201);
    const entry = await knex('dpa_budget_ledger')
      .where({ id: res.body.id })
      .first();
    expect(entry).toMatchObject({
      user_ref: 'user:default/settled-user',
      domain: 'sales',
    });
    expect(Boolean(entry.settled)).toBe(true);
    expect(Number(entry.cost_usd)).toBe(res.body.usage.costUsd);
  });

  it('refuses asks of a domain whose daily cost cap is used up; other domains are unaffected', async () => {
    // Yesterday's spending does not count.
    await insertAsk(knex, {
      domain: 'finance',
      costUsd: 50,
      createdAt: yesterday(),
    });
    expect(
      (await ask('user:default/finance-1', 'component:default/payments'))
        .status,
    ).toBe(201);

    await insertAsk(knex, {
      domain: 'finance',
      costUsd: 3,
      createdAt: earlierToday(),
    });
    await insertAsk(knex, {
      domain: 'finance',
      costUsd: 2.02,
      createdAt: earlierToday(),
    });
    const before = Number((await knex('dpa_asks').count({ n: '*' }))[0].n);
    const res = await ask(
      'user:default/finance-2',
      'component:default/payments',
    );
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(
      /^The finance domain's daily cost cap of \$5\.00 is used up \(\$5\.02 spent\); it resets at 00:00 UTC \(in .+\)$/,
    );
    expect(res.body.limit).toBe('domain-daily-cost');
    expect(
      Math.abs(Number(res.headers['retry-after']) - secondsToMidnight()),
    ).toBeLessThan(5);
    expect(Number((await knex('dpa_asks').count({ n: '*' }))[0].n)).toBe(
      before,
    );

    // Sales falls under the default cap of $1 and has spent nothing today.
    expect(
      (await ask('user:default/finance-2', 'component:default/sales-orders'))
        .status,
    ).toBe(201);
    await insertAsk(knex, {
      domain: 'sales',
      costUsd: 1,
      createdAt: earlierToday(),
    });
    const sales = await ask(
      'user:default/finance-3',
      'component:default/sales-orders',
    );
    expect(sales.status).toBe(429);
    expect(sales.body.error.message).toMatch(
      /^The sales domain's daily cost cap of \$1\.00 is used up \(\$1\.00 spent\)/,
    );
    // Customer products are still answered.
    expect(
      (
        await ask(
          'user:default/finance-3',
          'component:default/customer-segments',
        )
      ).status,
    ).toBe(201);
  });

  it('prunes ledger entries older than any window', async () => {
    const user = 'user:default/pruned-user';
    await insertAsk(knex, {
      userRef: user,
      createdAt: new Date(Date.now() - 3 * 86_400_000),
    });
    await insertAsk(knex, { userRef: user, createdAt: yesterday() });
    const budget = new BudgetService(
      new DatabaseBudgetLedgerStore(knex),
      readBudgetSettings(new ConfigReader({})),
    );
    expect(await budget.prune()).toBeGreaterThanOrEqual(1);
    const left = await knex('dpa_budget_ledger').where({ user_ref: user });
    expect(left).toHaveLength(1);
  });

  it('applies the same limits to the ask-data-product action', async () => {
    const user = 'user:default/agent-user';
    for (let i = 0; i < 3; i++) {
      await insertAsk(knex, {
        userRef: user,
        createdAt: new Date(Date.now() - 5_000),
      });
    }
    await expect(
      actions.invoke({
        id: 'test:ask-data-product',
        input: {
          entityRef: 'component:default/customer-segments',
          question: 'Who owns it?',
        },
        credentials: mockCredentials.user(user),
      }),
    ).rejects.toThrow(/Rate limit reached: 3 questions per minute per user/);
    expect(await storedFor(user)).toBe(3);
  });
});

describe.each(databases.eachSupportedId())(
  'budgets under concurrency on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startPluginBackend>>;
    let hosted: Awaited<ReturnType<typeof startFakeChatServer>>;

    beforeAll(async () => {
      hosted = await startFakeChatServer();
      // Slow enough that every parallel ask reserves before any finishes.
      hosted.setHandler(body => ({
        delayMs: 500,
        then: completion(
          JSON.stringify({
            answer: 'x',
            claims: [
              {
                text: 'The data product is owned by group:default/logistics-team.',
                citations: [
                  factIdsIn(body).includes('owner')
                    ? 'owner'
                    : factIdsIn(body)[0],
                ],
              },
            ],
            abstained: false,
            refused: false,
          }),
          { prompt_tokens: 1000, completion_tokens: 200 },
        ),
      }));
      backend = await startPluginBackend(
        databases,
        databaseId as TestDatabaseId,
        {
          budgets: {
            perUser: { asksPerMinute: 30 },
            perDomainDailyCostUsd: { logistics: 0.25 },
          },
          models: {
            priced: {
              provider: 'openai',
              model: 'gpt-test',
              baseUrl: hosted.baseUrl,
              maxRetries: 0,
              prices: { input: 10, output: 10 },
            },
          },
          domains: {
            logistics: {
              answerModel: 'priced',
              validatorModel: 'builtin-validator',
            },
          },
        },
      );
    });

    afterAll(async () => {
      await backend?.server.close();
      await hosted?.close();
    });

    const ask = (user: string, entityRef: string) =>
      request(backend.server)
        .post('/api/data-product-assistant/ask')
        .set('Authorization', mockCredentials.user.header(user))
        .send({ entityRef, question: 'Who owns this data product?' });
    const statuses = (responses: Array<{ status: number }>) =>
      responses.reduce<Record<number, number>>((counts, r) => {
        counts[r.status] = (counts[r.status] ?? 0) + 1;
        return counts;
      }, {});

    it('lets exactly the per-minute limit through when asks arrive at once', async () => {
      const user = 'user:default/parallel-user';
      const responses = await Promise.all(
        Array.from({ length: 34 }, () =>
          ask(user, 'component:default/sales-orders'),
        ),
      );
      expect(statuses(responses)).toEqual({ 201: 30, 429: 4 });
      const [{ n }] = await backend
        .knex('dpa_asks')
        .where({ user_ref: user })
        .count({ n: '*' });
      expect(Number(n)).toBe(30);
    });

    it('reserves the most an ask can cost, so parallel asks cannot overspend a domain', async () => {
      // Each ask may cost up to (5000 in + 2048 out) tokens at $10/M: $0.07048; the cap is $0.25.
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          ask(`user:default/spender-${i}`, 'component:default/shipments'),
        ),
      );
      expect(statuses(responses)).toEqual({ 201: 4, 429: 6 });
      // What was spent is what the endpoint reported, not the reservation.
      const rows = await backend
        .knex('dpa_asks')
        .where({ domain: 'logistics' });
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(Number(row.cost_usd)).toBeCloseTo(
          (1000 * 10 + 200 * 10) / 1e6,
          10,
        );
      }
    });

    it('refuses past a limit before reading the contract', async () => {
      const user = 'user:default/broken-asker';
      await Promise.all(
        Array.from({ length: 30 }, () =>
          ask(user, 'component:default/sales-orders'),
        ),
      );
      // An invalid contract would be a 422 — had the contract been read first.
      const res = await ask(user, 'component:default/broken-product');
      expect(res.status).toBe(429);
    });
  },
);

describe('budget settings', () => {
  it('defaults to 30 asks per minute and no daily or cost limits', () => {
    expect(readBudgetSettings(new ConfigReader({}))).toEqual({
      perUser: { asksPerMinute: 30 },
      perDomainDailyCostUsd: { byDomain: {} },
    });
  });

  it('reads caps per domain and a default', () => {
    const settings = readBudgetSettings(
      new ConfigReader({
        dataProductAssistant: {
          budgets: { perDomainDailyCostUsd: { default: 2, finance: 5 } },
        },
      }),
    );
    expect(settings.perDomainDailyCostUsd).toEqual({
      default: 2,
      byDomain: { finance: 5 },
    });
  });

  it.each([
    [{ perUser: { asksPerMinute: 0 } }, /asksPerMinute must be a whole number/],
    [{ perUser: { asksPerDay: 1.5 } }, /asksPerDay must be a whole number/],
    [
      { perDomainDailyCostUsd: { finance: -1 } },
      /perDomainDailyCostUsd.finance must be/,
    ],
  ])('rejects a wrong value %#', (budgets, message) => {
    expect(() =>
      readBudgetSettings(
        new ConfigReader({ dataProductAssistant: { budgets } }),
      ),
    ).toThrow(message);
  });

  it('formats waits', () => {
    expect(formatDuration(41_200)).toBe('42 s');
    expect(formatDuration(60_000)).toBe('60 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration((7 * 60 + 12) * 60_000)).toBe('7 h 12 min');
  });
});
