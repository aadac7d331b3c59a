import { z } from 'zod';

/**
 * Case-by-case comparison of two models on the same cases: how many cases
 * each passes that the other fails. Only the discordant cases say anything
 * about which model is better (McNemar); concordant ones are counted for the record.
 */
export const pairedCountsSchema = z
  .object({
    /** Cases both models ran. */
    cases: z.number().int().min(0),
    bothPass: z.number().int().min(0),
    bothFail: z.number().int().min(0),
    /** Cases the champion passes and the challenger fails: the challenger's regressions. */
    championOnly: z.number().int().min(0),
    /** Cases the challenger passes and the champion fails: its improvements. */
    challengerOnly: z.number().int().min(0),
  })
  .strict();
export type PairedCounts = z.infer<typeof pairedCountsSchema>;

export const pairedTestSchema = pairedCountsSchema
  .extend({
    /** Two-sided exact McNemar p-value (binomial, p = 1/2, on the discordant cases). */
    pValue: z.number().min(0).max(1),
    /** One-sided: the chance of at least this many regressions if both models were equally good. */
    pWorse: z.number().min(0).max(1),
  })
  .strict();
export type PairedTest = z.infer<typeof pairedTestSchema>;

/** Pass/fail of each case under both models; cases only one of them ran are left out. */
export function pairedCounts(
  champion: ReadonlyMap<string, boolean>,
  challenger: ReadonlyMap<string, boolean>,
): PairedCounts {
  const counts = {
    cases: 0,
    bothPass: 0,
    bothFail: 0,
    championOnly: 0,
    challengerOnly: 0,
  };
  for (const [key, a] of champion) {
    const b = challenger.get(key);
    if (b === undefined) continue;
    counts.cases++;
    if (a && b) counts.bothPass++;
    else if (!a && !b) counts.bothFail++;
    else if (a) counts.championOnly++;
    else counts.challengerOnly++;
  }
  return counts;
}

/**
 * P(X >= k) for X ~ Binomial(n, 1/2): exact integer sums while 2^n is a
 * finite double (n <= 1023), summed in log space beyond.
 */
function upperTail(n: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (n <= 1023) {
    let c = 1n; // C(n, 0)
    let sum = 0n;
    for (let i = 0; i <= n; i++) {
      if (i >= k) sum += c;
      c = (c * BigInt(n - i)) / BigInt(i + 1);
    }
    return Math.min(1, Number(sum) / 2 ** n);
  }
  const log2n = n * Math.LN2;
  let logC = 0;
  let total = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) total += Math.exp(logC - log2n);
    logC += Math.log(n - i) - Math.log(i + 1);
  }
  return Math.min(1, total);
}

/**
 * Exact McNemar test on the discordant cases: under "equally good", each
 * discordant case is a fair coin. `pValue` is two-sided; `pWorse` is the
 * one-sided p-value for "the challenger is worse" (as many or more
 * regressions than seen).
 */
export function mcnemarExact(
  championOnly: number,
  challengerOnly: number,
): { pValue: number; pWorse: number } {
  const n = championOnly + challengerOnly;
  if (n === 0) return { pValue: 1, pWorse: 1 };
  const smaller = Math.min(championOnly, challengerOnly);
  // P(X <= smaller) = P(X >= n - smaller) by symmetry
  const pValue = Math.min(1, 2 * upperTail(n, n - smaller));
  return { pValue, pWorse: upperTail(n, championOnly) };
}

export function pairedTest(counts: PairedCounts): PairedTest {
  return {
    ...counts,
    ...mcnemarExact(counts.championOnly, counts.challengerOnly),
  };
}
