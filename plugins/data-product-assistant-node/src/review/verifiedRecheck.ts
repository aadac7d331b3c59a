import type { Fact } from '../models/types';

/** The parts of a verdict a re-check compares (stored verdicts have plain-string severities). */
export interface ComparableVerdict {
  status: string;
  reasons: ReadonlyArray<{ code: string; severity: string; claim?: number }>;
}

/** A cited fact as it read when an answer was verified. */
export interface CitedFact {
  id: string;
  text: string;
}

/**
 * Cited facts that are gone or read differently now: what a re-check looks
 * at. `shown` renders a current fact the way citations were stored (e.g.
 * with examples above the reader's clearance removed).
 */
export function changedFacts(
  cited: readonly CitedFact[],
  current: readonly Fact[],
  shown: (fact: Fact) => string = fact => fact.text,
): Array<{ id: string; before: string; after?: string }> {
  const byId = new Map(current.map(f => [f.id, shown(f)]));
  return cited
    .filter(c => byId.get(c.id) !== c.text)
    .map(c => ({ id: c.id, before: c.text, after: byId.get(c.id) }));
}

const problemClaims = (verdict: ComparableVerdict) =>
  new Set(
    verdict.reasons
      .filter(r => r.severity !== 'info' && r.claim !== undefined)
      .map(r => r.claim!),
  );

/**
 * Whether a re-validation after a contract change contradicts a verified
 * answer: the validator now blocks it, or a claim that passed when it was
 * verified fails now. Problems the reviewer already vouched for do not count.
 */
export function contradicts(
  verifiedWith: ComparableVerdict,
  now: ComparableVerdict,
): boolean {
  if (now.status === 'blocked') return true;
  const before = problemClaims(verifiedWith);
  for (const claim of problemClaims(now)) if (!before.has(claim)) return true;
  // A verdict-wide problem (no claim index) that was not there before.
  const wide = (v: ComparableVerdict) =>
    new Set(
      v.reasons
        .filter(r => r.severity !== 'info' && r.claim === undefined)
        .map(r => r.code),
    );
  const wideBefore = wide(verifiedWith);
  for (const code of wide(now)) if (!wideBefore.has(code)) return true;
  return false;
}
