import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { BudgetSettings } from './budgetSettings';
import { RateLimitedError } from './RateLimitedError';

const MINUTE_MS = 60_000;

const startOfUtcDay = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
const nextUtcMidnight = (now: Date) =>
  new Date(startOfUtcDay(now).getTime() + 86_400_000);

/** 12:31:05 UTC */
const utcTime = (date: Date) => `${date.toISOString().slice(11, 19)} UTC`;

/** 42 s, 3 min 5 s, 7 h 12 min */
export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds <= 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60)
    return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

const usd = (value: number) => `$${value.toFixed(2)}`;

const LEDGER = 'dpa_budget_ledger';
/** First key of the PostgreSQL advisory locks the budget takes ("dp"). */
const LOCK_SPACE = 0x6470;
/** Ledger rows kept: the longest window counted is a UTC day. */
const KEEP_MS = 2 * 86_400_000;

/** An ask let through: it holds its place in the limits until settled or released. */
export interface BudgetReservation {
  /** Records what the ask cost (replacing the most it could have cost). */
  settle(costUsd: number): Promise<void>;
  /** Gives the place back: the ask did not happen (e.g. an invalid contract). */
  release(): Promise<void>;
}

/**
 * Per-user rate limits and per-domain daily cost caps, counted in the
 * budget ledger (`dpa_budget_ledger`) that every backend instance shares.
 * Checking the limits and writing the ask's row are one atomic step (see
 * `take`), so parallel asks, on one instance or several, cannot pass a
 * limit together.
 */
export class BudgetService {
  constructor(
    private readonly db: Knex,
    private readonly settings: BudgetSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The cost cap of a domain (products without one count as the default's). */
  capFor(domain: string | undefined): number | undefined {
    const { byDomain, default: fallback } = this.settings.perDomainDailyCostUsd;
    return domain !== undefined && Object.hasOwn(byDomain, domain)
      ? byDomain[domain]
      : fallback;
  }

  /**
   * Lets an ask through, holding `maxCostUsd` against its domain's cap until
   * settled; throws RateLimitedError when the user or the domain is past a limit.
   */
  async reserve(request: {
    userRef: string;
    domain: string | undefined;
    maxCostUsd: number;
  }): Promise<BudgetReservation> {
    const id = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const now = this.now();
      if (await this.take(id, request, now)) break;
      // Refused: say which limit (a place freed since is taken on the next attempt).
      await this.checkPerMinute(this.db, request.userRef, now);
      await this.checkPerDay(this.db, request.userRef, now);
      await this.checkDomainCost(this.db, request.domain, now);
      if (attempt === 2) {
        throw new RateLimitedError(
          'Too many questions at once; try again in a second',
          'asks-per-minute',
          1,
          new Date(now.getTime() + 1000),
        );
      }
    }
    return {
      settle: async costUsd => {
        await this.db(LEDGER)
          .where({ id })
          .update({ cost_usd: costUsd, settled: true });
      },
      release: async () => {
        await this.db(LEDGER).where({ id }).delete();
      },
    };
  }

  /**
   * Writes the ask's ledger row if, and only if, no limit is reached: one
   * INSERT … SELECT … WHERE <every limit holds>. SQLite runs it as one atomic
   * step; PostgreSQL runs it after taking the user's and the domain's locks,
   * so a parallel ask counts what this one wrote. Nothing is held across
   * round trips on SQLite, whose single connection every query shares.
   */
  private async take(
    id: string,
    request: {
      userRef: string;
      domain: string | undefined;
      maxCostUsd: number;
    },
    now: Date,
  ): Promise<boolean> {
    const { userRef, domain } = request;
    const limits: string[] = [];
    const bindings: Knex.Value[] = [
      id,
      userRef,
      domain ?? null,
      now,
      request.maxCostUsd,
      false,
    ];
    limits.push(
      `(select count(*) from ${LEDGER} where user_ref = ? and created_at > ?) < ?`,
    );
    bindings.push(
      userRef,
      new Date(now.getTime() - MINUTE_MS),
      this.settings.perUser.asksPerMinute,
    );
    const perDay = this.settings.perUser.asksPerDay;
    if (perDay !== undefined) {
      limits.push(
        `(select count(*) from ${LEDGER} where user_ref = ? and created_at >= ?) < ?`,
      );
      bindings.push(userRef, startOfUtcDay(now), perDay);
    }
    const cap = this.capFor(domain);
    if (cap !== undefined) {
      limits.push(
        `(select coalesce(sum(cost_usd), 0) from ${LEDGER} where ${
          domain === undefined ? 'domain is null' : 'domain = ?'
        } and created_at >= ?) < ?`,
      );
      if (domain !== undefined) bindings.push(domain);
      bindings.push(startOfUtcDay(now), cap);
    }
    // Casts: PostgreSQL does not type parameters of a SELECT list from the INSERT's columns.
    const sql = `insert into ${LEDGER} (id, user_ref, domain, created_at, cost_usd, settled)
      select cast(? as varchar(36)), cast(? as varchar(255)), cast(? as varchar(255)),
        cast(? as timestamptz), cast(? as double precision), cast(? as boolean)
      where ${limits.join(' and ')}`;
    const changed = (result: unknown) => {
      const r = result as { rowCount?: number; changes?: number };
      return (r.rowCount ?? r.changes ?? 0) === 1;
    };
    if (!this.isPostgres()) return changed(await this.db.raw(sql, bindings));
    return this.db.transaction(async trx => {
      // Always in the same order (user, then domain): no two asks wait on each other in a cycle.
      for (const key of [`user:${userRef}`, `domain:${domain ?? ''}`]) {
        await trx.raw('select pg_advisory_xact_lock(?, hashtext(?))', [
          LOCK_SPACE,
          key,
        ]);
      }
      return changed(await trx.raw(sql, bindings));
    });
  }

  /** Drops ledger rows older than any window (run on a schedule). */
  async prune(): Promise<number> {
    return this.db(LEDGER)
      .where('created_at', '<', new Date(this.now().getTime() - KEEP_MS))
      .delete();
  }

  private isPostgres(): boolean {
    return (this.db.client as { dialect?: string }).dialect === 'postgresql';
  }

  private retryAfter(resetsAt: Date, now: Date): number {
    return Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
  }

  private async checkPerMinute(db: Knex, userRef: string, now: Date) {
    const limit = this.settings.perUser.asksPerMinute;
    const since = new Date(now.getTime() - MINUTE_MS);
    // The limit-th newest ask of the last minute: once it is a minute old, one ask is free again.
    const row = await db(LEDGER)
      .where('user_ref', userRef)
      .andWhere('created_at', '>', since)
      .orderBy('created_at', 'desc')
      .offset(limit - 1)
      .first('created_at');
    if (!row) return;
    const resetsAt = new Date(new Date(row.created_at).getTime() + MINUTE_MS);
    const retryAfter = this.retryAfter(resetsAt, now);
    throw new RateLimitedError(
      `Rate limit reached: ${limit} question${
        limit === 1 ? '' : 's'
      } per minute per user; try again in ${formatDuration(
        retryAfter * 1000,
      )} (at ${utcTime(resetsAt)})`,
      'asks-per-minute',
      retryAfter,
      resetsAt,
    );
  }

  private async checkPerDay(db: Knex, userRef: string, now: Date) {
    const limit = this.settings.perUser.asksPerDay;
    if (limit === undefined) return;
    const [{ count }] = await db(LEDGER)
      .where('user_ref', userRef)
      .andWhere('created_at', '>=', startOfUtcDay(now))
      .count({ count: '*' });
    if (Number(count) < limit) return;
    const resetsAt = nextUtcMidnight(now);
    const retryAfter = this.retryAfter(resetsAt, now);
    throw new RateLimitedError(
      `Daily limit reached: ${limit} question${
        limit === 1 ? '' : 's'
      } per day per user; it resets at 00:00 UTC (in ${formatDuration(
        resetsAt.getTime() - now.getTime(),
      )})`,
      'asks-per-day',
      retryAfter,
      resetsAt,
    );
  }

  /** Spent today, asks in flight counting with the most they may cost. */
  private async checkDomainCost(
    db: Knex,
    domain: string | undefined,
    now: Date,
  ) {
    const cap = this.capFor(domain);
    if (cap === undefined) return;
    const query = db(LEDGER).andWhere('created_at', '>=', startOfUtcDay(now));
    if (domain === undefined) query.whereNull('domain');
    else query.where('domain', domain);
    const [{ spent }] = await query.sum({ spent: 'cost_usd' });
    const total = Number(spent ?? 0);
    if (total < cap) return;
    const resetsAt = nextUtcMidnight(now);
    const retryAfter = this.retryAfter(resetsAt, now);
    const who =
      domain === undefined
        ? 'The daily cost cap for products without a domain'
        : `The ${domain} domain's daily cost cap`;
    throw new RateLimitedError(
      `${who} of ${usd(cap)} is used up (${usd(
        total,
      )} spent); it resets at 00:00 UTC (in ${formatDuration(
        resetsAt.getTime() - now.getTime(),
      )})`,
      'domain-daily-cost',
      retryAfter,
      resetsAt,
    );
  }
}
