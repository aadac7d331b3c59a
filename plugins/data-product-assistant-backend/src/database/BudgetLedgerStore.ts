/** One ask counted against the budgets, written when the ask is let through. */
export interface LedgerEntry {
  /** The ask's id: storing the ask settles its entry (AskStore.insert). */
  id: string;
  userRef: string;
  domain: string | undefined;
  createdAt: Date;
  /** The most the ask may cost, held against the domain's cap until it is settled. */
  maxCostUsd: number;
}

/** What an entry must leave intact: fewer than `max` entries (or dollars) in each window. */
export interface LedgerLimits {
  /** The user's entries written after `after` (the last minute). */
  perMinute: { after: Date; max: number };
  /** The user's entries written since `since` (the UTC day). */
  perDay?: { since: Date; max: number };
  /** What the entry's domain spent (or holds) since `since`, in US dollars. */
  domainCost?: { since: Date; max: number };
}

/** The budget ledger every backend instance shares. */
export interface BudgetLedgerStore {
  /**
   * Writes the entry if, and only if, every limit holds without it: checking
   * and writing are one atomic step, across instances.
   */
  take(entry: LedgerEntry, limits: LedgerLimits): Promise<boolean>;
  /** Removes an entry: its ask did not happen. */
  release(id: string): Promise<void>;
  /** When the user's n-th newest entry written after `after` was written, if there is one. */
  nthNewest(userRef: string, after: Date, n: number): Promise<Date | undefined>;
  /** The user's entries written since `since`. */
  countForUser(userRef: string, since: Date): Promise<number>;
  /** What a domain (undefined: products without one) spent or holds since `since`. */
  spentInDomain(domain: string | undefined, since: Date): Promise<number>;
  /** Drops entries written before `before`; how many. */
  prune(before: Date): Promise<number>;
}
