import type { Fact } from '../models/types';
import type { RankedFact } from './retrieve';
import { factTokens } from './tokens';

export interface PackOptions {
  /** Most tokens (cl100k_base) the packed facts may take. */
  tokenBudget: number;
  /** Facts kept before any ranked one, even past the budget. */
  essential?: Fact[];
}

export interface PackedContext {
  /** Essential facts first, then ranked facts, best first. */
  facts: Fact[];
  tokens: number;
  /** Ranked facts left out for lack of budget. */
  dropped: number;
}

/**
 * Fills a token budget with facts: the essential ones always, then ranked
 * facts in order while they fit (a fact too large is skipped, smaller ones
 * after it may still fit).
 */
export function packFacts(
  ranked: RankedFact[],
  options: PackOptions,
): PackedContext {
  const facts: Fact[] = [];
  const ids = new Set<string>();
  let tokens = 0;
  for (const fact of options.essential ?? []) {
    if (ids.has(fact.id)) continue;
    ids.add(fact.id);
    facts.push(fact);
    tokens += factTokens(fact);
  }
  let dropped = 0;
  for (const { fact } of ranked) {
    if (ids.has(fact.id)) continue;
    const cost = factTokens(fact);
    if (tokens + cost > options.tokenBudget) {
      dropped++;
      continue;
    }
    ids.add(fact.id);
    facts.push(fact);
    tokens += cost;
  }
  return { facts, tokens, dropped };
}
