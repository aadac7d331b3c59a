import type { BudgetLedgerStore } from '../database/BudgetLedgerStore';
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

/** Ledger entries kept: the longest window counted is a UTC day. */
const KEEP_MS = 2 * 86_400_000;

/** An ask let through: it holds its place in the limits until its ask is stored or released. */
export interface BudgetReservation {
  /** Gives the place back: the ask did not happen (e.g. an invalid contract). */
  release(): Promise<void>;
}

/**
 * Per-user rate limits and per-domain daily cost caps, counted in the
 * budget ledger that every backend instance shares. Checking the limits
 * and writing the ask's entry are one atomic step (`BudgetLedgerStore.take`),
 * so parallel asks, on one instance or several, cannot pass a limit
 * together. The entry holds the most the ask may cost until the ask is
 * stored with what it did cost (`AskStore.insert` settles it).
 */
export class BudgetService {
  constructor(
    private readonly ledger: BudgetLedgerStore,
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
   * Lets the ask `id` through, holding `maxCostUsd` against its domain's cap
   * until it is stored; throws RateLimitedError when the user or the domain
   * is past a limit.
   */
  async reserve(request: {
    id: string;
    userRef: string;
    domain: string | undefined;
    maxCostUsd: number;
  }): Promise<BudgetReservation> {
    const { id, userRef, domain } = request;
    for (let attempt = 0; ; attempt++) {
      const now = this.now();
      const day = startOfUtcDay(now);
      const perDay = this.settings.perUser.asksPerDay;
      const cap = this.capFor(domain);
      const taken = await this.ledger.take(
        { id, userRef, domain, createdAt: now, maxCostUsd: request.maxCostUsd },
        {
          perMinute: {
            after: new Date(now.getTime() - MINUTE_MS),
            max: this.settings.perUser.asksPerMinute,
          },
          ...(perDay !== undefined
            ? { perDay: { since: day, max: perDay } }
            : {}),
          ...(cap !== undefined
            ? { domainCost: { since: day, max: cap } }
            : {}),
        },
      );
      if (taken) break;
      // Refused: say which limit (a place freed since is taken on the next attempt).
      await this.checkPerMinute(userRef, now);
      await this.checkPerDay(userRef, now);
      await this.checkDomainCost(domain, now);
      if (attempt === 2) {
        throw new RateLimitedError(
          'Too many questions at once; try again in a second',
          'asks-per-minute',
          1,
          new Date(now.getTime() + 1000),
        );
      }
    }
    return { release: () => this.ledger.release(id) };
  }

  /** Drops ledger entries older than any window (run on a schedule). */
  async prune(): Promise<number> {
    return this.ledger.prune(new Date(this.now().getTime() - KEEP_MS));
  }

  private retryAfter(resetsAt: Date, now: Date): number {
    return Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
  }

  private async checkPerMinute(userRef: string, now: Date) {
    const limit = this.settings.perUser.asksPerMinute;
    // The limit-th newest ask of the last minute: once it is a minute old, one ask is free again.
    const nth = await this.ledger.nthNewest(
      userRef,
      new Date(now.getTime() - MINUTE_MS),
      limit,
    );
    if (!nth) return;
    const resetsAt = new Date(nth.getTime() + MINUTE_MS);
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

  private async checkPerDay(userRef: string, now: Date) {
    const limit = this.settings.perUser.asksPerDay;
    if (limit === undefined) return;
    const count = await this.ledger.countForUser(userRef, startOfUtcDay(now));
    if (count < limit) return;
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
  private async checkDomainCost(domain: string | undefined, now: Date) {
    const cap = this.capFor(domain);
    if (cap === undefined) return;
    const total = await this.ledger.spentInDomain(domain, startOfUtcDay(now));
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
