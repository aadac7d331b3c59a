import type { Knex } from 'knex';
import type {
  BudgetLedgerStore,
  LedgerEntry,
  LedgerLimits,
} from './BudgetLedgerStore';

const LEDGER = 'dpa_budget_ledger';

/** The update that settles an entry at what its ask cost (run with the ask's insert). */
export function settleLedgerEntry(db: Knex, id: string, costUsd: number) {
  return db(LEDGER).where({ id }).update({ cost_usd: costUsd, settled: true });
}

const changed = (result: unknown) => {
  const r = result as { rowCount?: number; changes?: number };
  return (r.rowCount ?? r.changes ?? 0) === 1;
};

/**
 * The ledger in `dpa_budget_ledger`. Taking a place is one round trip on
 * both engines: on SQLite one INSERT … SELECT … WHERE <every limit holds>
 * (atomic: one connection, one statement); on PostgreSQL one call of
 * `dpa_budget_take` (migrations/20261230120000_budget_take.js), which takes
 * the user's and the domain's advisory locks before it counts and writes;
 * it reads the day's asks and cost from running totals that triggers keep
 * (migrations/20261231130000_budget_totals.js).
 */
export class DatabaseBudgetLedgerStore implements BudgetLedgerStore {
  private readonly postgres: boolean;

  constructor(private readonly db: Knex) {
    this.postgres =
      (db.client as { dialect?: string }).dialect === 'postgresql';
  }

  async take(entry: LedgerEntry, limits: LedgerLimits): Promise<boolean> {
    if (this.postgres) {
      const { rows } = await this.db.raw(
        'select dpa_budget_take(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as taken',
        [
          entry.id,
          entry.userRef,
          entry.domain ?? null,
          entry.createdAt,
          entry.maxCostUsd,
          limits.perMinute.after,
          limits.perMinute.max,
          limits.perDay?.since ?? null,
          limits.perDay?.max ?? null,
          limits.domainCost?.since ?? null,
          limits.domainCost?.max ?? null,
        ],
      );
      return rows[0].taken === true;
    }
    const conditions = [
      `(select count(*) from ${LEDGER} where user_ref = ? and created_at > ?) < ?`,
    ];
    const bindings: Knex.Value[] = [
      entry.id,
      entry.userRef,
      entry.domain ?? null,
      entry.createdAt,
      entry.maxCostUsd,
      false,
      entry.userRef,
      limits.perMinute.after,
      limits.perMinute.max,
    ];
    if (limits.perDay) {
      conditions.push(
        `(select count(*) from ${LEDGER} where user_ref = ? and created_at >= ?) < ?`,
      );
      bindings.push(entry.userRef, limits.perDay.since, limits.perDay.max);
    }
    if (limits.domainCost) {
      conditions.push(
        `(select coalesce(sum(cost_usd), 0) from ${LEDGER} where ${
          entry.domain === undefined ? 'domain is null' : 'domain = ?'
        } and created_at >= ?) < ?`,
      );
      if (entry.domain !== undefined) bindings.push(entry.domain);
      bindings.push(limits.domainCost.since, limits.domainCost.max);
    }
    return changed(
      await this.db.raw(
        `insert into ${LEDGER} (id, user_ref, domain, created_at, cost_usd, settled)
          select ?, ?, ?, ?, ?, ? where ${conditions.join(' and ')}`,
        bindings,
      ),
    );
  }

  async release(id: string): Promise<void> {
    await this.db(LEDGER).where({ id }).delete();
  }

  async nthNewest(
    userRef: string,
    after: Date,
    n: number,
  ): Promise<Date | undefined> {
    const row = await this.db(LEDGER)
      .where('user_ref', userRef)
      .andWhere('created_at', '>', after)
      .orderBy('created_at', 'desc')
      .offset(n - 1)
      .first('created_at');
    return row ? new Date(row.created_at) : undefined;
  }

  async countForUser(userRef: string, since: Date): Promise<number> {
    const [{ count }] = await this.db(LEDGER)
      .where('user_ref', userRef)
      .andWhere('created_at', '>=', since)
      .count({ count: '*' });
    return Number(count);
  }

  async spentInDomain(
    domain: string | undefined,
    since: Date,
  ): Promise<number> {
    const query = this.db(LEDGER).where('created_at', '>=', since);
    if (domain === undefined) query.whereNull('domain');
    else query.where('domain', domain);
    const [{ spent }] = await query.sum({ spent: 'cost_usd' });
    return Number(spent ?? 0);
  }

  async prune(before: Date): Promise<number> {
    const pruned = await this.db(LEDGER)
      .where('created_at', '<', before)
      .delete();
    if (this.postgres) {
      // days wholly before `before`: nothing of them is left to count
      await this.db.raw(
        `delete from dpa_budget_totals where day < (?::timestamptz at time zone 'UTC')::date`,
        [before],
      );
      await this.db.raw(
        'delete from dpa_budget_seconds where second < floor(extract(epoch from ?::timestamptz))',
        [before],
      );
    }
    return pruned;
  }
}
