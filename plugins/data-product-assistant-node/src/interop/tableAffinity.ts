import type { PairColumns } from './selection';

/**
 * Table context for ranking, as two-phase schema matchers use it (COMA's
 * parent/children matchers: tables whose columns match, match): a pair of
 * columns rises with how much their two tables' columns point at each other.
 *
 * For a column, each table of another product gets the share of the
 * column's match that lies there: a softmax, at TABLE_TEMPERATURE, over the
 * best log-odds of the column's pairs into each table. A column matching one
 * table clearly gives it most of its share; a generic column spreads it. A
 * table's affinity to another is the mean share over its columns; a pair's is
 * the mean of both directions. The foreign key named alike in every table
 * (`customer_id`) then matches in the tables that correspond, not just anywhere.
 *
 *   score = logit + TABLE_AFFINITY_WEIGHT · (affinity(A → B) + affinity(B → A)) / 2
 *
 * Only pairs without structural evidence (either column `bare`: names and
 * descriptions only) get it, as with the scorer's `tableBare`: where types,
 * keys or values speak, they say which table a foreign key refers to.
 * Computed over the pairs given (a scan's suggested pairs, an evaluation's
 * every scored pair), it only re-ranks: which pairs are suggested stays the
 * pairwise model's decision (builtinScorer.ts).
 */

/** Weight of the table affinity (in [0, 1]) on the log-odds. Set on the MIMIC→OMOP tune part. */
export const TABLE_AFFINITY_WEIGHT = 8;
/** Softmax temperature over a column's tables. Set on the MIMIC→OMOP tune part (0.5–2 tried). */
export const TABLE_TEMPERATURE = 0.5;

/**
 * Tables of another product a one-product query compares in full with each of its tables
 * (suggestInterop.ts). Set on the MIMIC→OMOP tune part with the time-first selection
 * (selection.ts): 1–4 tried, MRR 0.65, 0.69, 0.69, 0.62; 2 compares fewer pairs than 3.
 */
export const CONTEXT_TABLES = 2;

/** Affinity of a table to another (mean share over its columns); `of(a, b)` is the mean of both directions. */
export interface TableAffinities {
  of(a: number, b: number): number;
  /** The other tables table `a` has any affinity to, most first. */
  ranked(a: number): number[];
}

/**
 * Table affinities from scored pairs (the first `n` of them, all when omitted). `tableOf[c]`
 * is the table of column `c`, `tableSize[t]` the number of columns of table `t`.
 */
export function tableAffinities(
  pairs: PairColumns,
  tableOf: ArrayLike<number>,
  tableSize: ArrayLike<number>,
  n = pairs.logit.length,
): TableAffinities {
  // each column's best log-odds into each other table
  const best = new Map<number, Map<number, number>>();
  const note = (c: number, table: number, z: number) => {
    let into = best.get(c);
    if (!into) best.set(c, (into = new Map()));
    const prior = into.get(table);
    if (prior === undefined || z > prior) into.set(table, z);
  };
  for (let k = 0; k < n; k++) {
    note(pairs.a[k], tableOf[pairs.b[k]], pairs.logit[k]);
    note(pairs.b[k], tableOf[pairs.a[k]], pairs.logit[k]);
  }
  // affinity(A → B)
  const affinity = new Map<number, Map<number, number>>();
  for (const [c, into] of best) {
    let top = -Infinity;
    for (const z of into.values()) top = Math.max(top, z);
    let sum = 0;
    for (const z of into.values())
      sum += Math.exp((z - top) / TABLE_TEMPERATURE);
    const own = tableOf[c];
    let row = affinity.get(own);
    if (!row) affinity.set(own, (row = new Map()));
    for (const [t, z] of into) {
      const share = Math.exp((z - top) / TABLE_TEMPERATURE) / sum;
      row.set(t, (row.get(t) ?? 0) + share / tableSize[own]);
    }
  }
  const directed = (a: number, b: number) => affinity.get(a)?.get(b) ?? 0;
  const of = (a: number, b: number) => (directed(a, b) + directed(b, a)) / 2;
  return {
    of,
    ranked: a => {
      const others = new Set([...(affinity.get(a)?.keys() ?? [])]);
      for (const [t, row] of affinity) if (row.has(a)) others.add(t);
      return [...others].sort((x, y) => of(a, y) - of(a, x) || x - y);
    },
  };
}

/**
 * Log-odds with the table affinity added to pairs with a bare column (same order as `pairs`).
 * `bare[c]` is 1 when column `c` has only its name and description. The affinity is taken over
 * the first `affinityPairs` pairs (all when omitted).
 */
export function withTableAffinity(
  pairs: PairColumns,
  tableOf: ArrayLike<number>,
  tableSize: ArrayLike<number>,
  bare: ArrayLike<number>,
  affinityPairs?: number,
): Float64Array {
  const out = Float64Array.from(pairs.logit);
  let anyBare = false;
  for (let k = 0; k < out.length && !anyBare; k++)
    anyBare = !!bare[pairs.a[k]] || !!bare[pairs.b[k]];
  if (!anyBare) return out;
  const affinity = tableAffinities(pairs, tableOf, tableSize, affinityPairs);
  for (let k = 0; k < out.length; k++) {
    if (!bare[pairs.a[k]] && !bare[pairs.b[k]]) continue;
    out[k] +=
      TABLE_AFFINITY_WEIGHT *
      affinity.of(tableOf[pairs.a[k]], tableOf[pairs.b[k]]);
  }
  return out;
}
