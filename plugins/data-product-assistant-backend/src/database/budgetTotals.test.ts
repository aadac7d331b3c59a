import { randomUUID } from 'node:crypto';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DatabaseBudgetLedgerStore,
  settleLedgerEntry,
} from './DatabaseBudgetLedgerStore';
import { migrate, migrationsDir } from './migrate';

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const DAY = 86_400_000;
const today = new Date(Math.floor(Date.now() / DAY) * DAY);
const limits = (max = 1000) => ({
  perMinute: { after: new Date(Date.now() - 60_000), max },
  perDay: { since: today, max },
  domainCost: { since: today, max },
});

/** The running totals as the triggers keep them, and as the ledger says they are. */
async function totalsAndLedger(db: Knex) {
  const kept = await db.raw(`
    select kind, key, day::text as day, asks, round(cost_usd::numeric, 6) as cost
    from dpa_budget_totals where asks <> 0 or cost_usd <> 0
    order by 1, 2, 3`);
  const counted = await db.raw(`
    select kind, key, day::text as day, count(*)::int as asks, round(sum(cost_usd)::numeric, 6) as cost
    from (
      select 'user' as kind, user_ref as key, (created_at at time zone 'UTC')::date as day, cost_usd from dpa_budget_ledger
      union all
      select 'domain', coalesce(domain, ''), (created_at at time zone 'UTC')::date, cost_usd from dpa_budget_ledger
    ) rows group by 1, 2, 3 order by 1, 2, 3`);
  const keptSeconds = await db.raw(`
    select user_ref, second::text as second, asks from dpa_budget_seconds where asks <> 0 order by 1, 2`);
  const countedSeconds = await db.raw(`
    select user_ref, floor(extract(epoch from created_at))::bigint::text as second, count(*)::int as asks
    from dpa_budget_ledger group by 1, 2 order by 1, 2`);
  return {
    kept: [...kept.rows, ...keptSeconds.rows],
    counted: [...counted.rows, ...countedSeconds.rows],
  };
}

describe('budget totals on PostgreSQL', () => {
  let db: Knex;
  let ledger: DatabaseBudgetLedgerStore;

  beforeAll(async () => {
    const database = await databases.init('POSTGRES_15');
    db = await migrate({ getClient: async () => database });
    ledger = new DatabaseBudgetLedgerStore(db);
  });

  const entry = (over: { userRef?: string; domain?: string; at?: Date }) => ({
    id: randomUUID(),
    userRef: over.userRef ?? 'user:default/a',
    domain: over.domain,
    createdAt: over.at ?? new Date(),
    maxCostUsd: 0.5,
  });

  it('stay equal to what the ledger holds, whatever writes it', async () => {
    const taken = [
      entry({ domain: 'sales' }),
      entry({ domain: 'sales', userRef: 'user:default/b' }),
      entry({}),
      entry({ domain: 'finance' }),
    ];
    for (const e of taken) expect(await ledger.take(e, limits())).toBe(true);
    // settled with another cost, and at the same cost
    await settleLedgerEntry(db, taken[0].id, 0.125);
    await settleLedgerEntry(db, taken[1].id, 0.5);
    await ledger.release(taken[2].id);
    // written by hand, three days ago, then moved to another domain
    const old = randomUUID();
    await db('dpa_budget_ledger').insert({
      id: old,
      user_ref: 'user:default/a',
      domain: 'sales',
      created_at: new Date(Date.now() - 3 * DAY),
      cost_usd: 2,
      settled: true,
    });
    await db('dpa_budget_ledger')
      .where({ id: old })
      .update({ domain: 'finance' });
    let { kept, counted } = await totalsAndLedger(db);
    expect(kept).toEqual(counted);
    expect(kept.length).toBeGreaterThan(4);

    expect(await ledger.prune(new Date(Date.now() - 2 * DAY))).toBe(1);
    ({ kept, counted } = await totalsAndLedger(db));
    expect(kept).toEqual(counted);
    const days = await db('dpa_budget_totals').distinct('day');
    expect(days.length).toBeLessThanOrEqual(2);

    await db.raw('truncate dpa_budget_ledger');
    ({ kept, counted } = await totalsAndLedger(db));
    expect(kept).toEqual([]);
    expect(counted).toEqual([]);
  });

  it('counts the last minute exactly, to the millisecond, from per-second counts', async () => {
    const user = 'user:default/minute';
    // three asks in one second: at .100, .500 and .900
    const second = Math.floor(Date.now() / 1000) * 1000 - 5000;
    for (const ms of [100, 500, 900]) {
      expect(
        await ledger.take(
          entry({ userRef: user, at: new Date(second + ms) }),
          limits(),
        ),
      ).toBe(true);
    }
    const minuteFrom = (ms: number) => ({
      ...limits(),
      perMinute: { after: new Date(second + ms), max: 2 },
    });
    // a minute starting at .500 holds one of them (.900): room for a second
    expect(
      await ledger.take(
        entry({ userRef: user, domain: 'days' }),
        minuteFrom(500),
      ),
    ).toBe(true);
    // from .499: .500, .900 and the one just taken
    expect(
      await ledger.take(
        entry({ userRef: user, domain: 'days' }),
        minuteFrom(499),
      ),
    ).toBe(false);
  });

  it("refuses by today's totals: the user's asks and the domain's cost", async () => {
    const user = 'user:default/counted';
    expect(
      await ledger.take(entry({ userRef: user, domain: 'days' }), limits(2)),
    ).toBe(true);
    expect(
      await ledger.take(entry({ userRef: user, domain: 'days' }), limits(2)),
    ).toBe(true);
    expect(
      await ledger.take(entry({ userRef: user, domain: 'days' }), {
        ...limits(1000),
        perDay: { since: today, max: 2 },
      }),
    ).toBe(false);
    // today's asks do not count on another day
    expect(
      await ledger.take(entry({ userRef: user, domain: 'days' }), {
        ...limits(1000),
        perDay: { since: new Date(today.getTime() + DAY), max: 1 },
      }),
    ).toBe(true);
    const spender = entry({ userRef: 'user:default/x', domain: 'costly' });
    expect(
      await ledger.take(spender, {
        ...limits(1000),
        domainCost: { since: today, max: 0.5 },
      }),
    ).toBe(true);
    expect(
      await ledger.take(entry({ domain: 'costly' }), {
        ...limits(1000),
        domainCost: { since: today, max: 0.5 },
      }),
    ).toBe(false);
    // settled for less than reserved: room again
    await settleLedgerEntry(db, spender.id, 0.05);
    expect(
      await ledger.take(entry({ domain: 'costly' }), {
        ...limits(1000),
        domainCost: { since: today, max: 0.5 },
      }),
    ).toBe(true);
  });

  it('are filled from the ledger when the migration runs', async () => {
    await db('dpa_budget_ledger').insert(
      [0, 1, 2].map(i => ({
        id: randomUUID(),
        user_ref: `user:default/before-${i % 2}`,
        domain: i ? 'sales' : null,
        created_at: new Date(),
        cost_usd: 0.25,
        settled: true,
      })),
    );
    await db.migrate.down({
      directory: migrationsDir,
      name: '20261231130000_budget_totals.js',
    });
    expect(await db.schema.hasTable('dpa_budget_totals')).toBe(false);
    await db.migrate.latest({ directory: migrationsDir });
    const { kept, counted } = await totalsAndLedger(db);
    expect(kept).toEqual(counted);
    expect(kept).toContainEqual({
      kind: 'domain',
      key: 'sales',
      day: today.toISOString().slice(0, 10),
      asks: 2,
      cost: '0.500000',
    });
  });
});
