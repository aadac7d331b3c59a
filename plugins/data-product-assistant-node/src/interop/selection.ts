/**
 * Per-column selection over scored pairs, as schema matchers select after
 * scoring (COMA's max-delta): each column's best targets in another product
 * keep their log-odds; a pair that is neither column's best sinks by how far
 * it falls behind the nearer of the two bests. So a column's runners-up give
 * way to other columns' best matches, a mutual best (the data says
 * one-to-one) loses nothing, and a key many columns refer to (each its best)
 * keeps every reference (the data says one-to-many).
 *
 *   score = logit − SELECTION_DELTA · min(bestOf(a → B) − logit, bestOf(b → A) − logit)
 *
 * The best of a column is taken over the pairs given (a full scan returns
 * pairs over the suggestion threshold, an evaluation every scored pair), so
 * the selection only re-ranks: which pairs are suggested is the pairwise
 * model's decision (builtinScorer.ts), never this step's.
 */

/**
 * How much a runner-up sinks per unit of log-odds behind the nearer best. Set on the MIMIC→OMOP
 * tune part (0.25–2 gave the same Recall@GT there; 1 the best MRR through the index).
 */
export const SELECTION_DELTA = 1;

/** Scored pairs as parallel arrays: column indices `a`, `b` and their log-odds. */
export interface PairColumns {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  logit: ArrayLike<number>;
}

/**
 * Selection scores of the pairs (same order). `productOf[c]` is the product
 * of column `c`; `columns` the number of columns.
 */
export function selectionScores(
  pairs: PairColumns,
  productOf: ArrayLike<number>,
  columns: number,
): Float64Array {
  const n = pairs.logit.length;
  const out = new Float64Array(n);
  if (!n) return out;
  // each column's pairs (either side), as a compressed list of pair indices
  const start = new Int32Array(columns + 1);
  for (let k = 0; k < n; k++) {
    start[pairs.a[k] + 1]++;
    start[pairs.b[k] + 1]++;
  }
  for (let c = 0; c < columns; c++) start[c + 1] += start[c];
  const fill = start.slice(0, columns);
  const list = new Int32Array(2 * n);
  for (let k = 0; k < n; k++) {
    list[fill[pairs.a[k]]++] = k;
    list[fill[pairs.b[k]]++] = k;
  }
  // best log-odds of a column toward each other product: `best[2k]` for a's side, `best[2k + 1]` for b's
  const best = new Float64Array(2 * n);
  let products = 0;
  for (let c = 0; c < columns; c++)
    products = Math.max(products, productOf[c] + 1);
  const bestBy = new Float64Array(products);
  const seenBy = new Int32Array(products).fill(-1);
  for (let c = 0; c < columns; c++) {
    const from = start[c];
    const to = start[c + 1];
    for (let i = from; i < to; i++) {
      const k = list[i];
      const other = productOf[pairs.a[k] === c ? pairs.b[k] : pairs.a[k]];
      const z = pairs.logit[k];
      if (seenBy[other] !== c || z > bestBy[other]) {
        seenBy[other] = c;
        bestBy[other] = z;
      }
    }
    for (let i = from; i < to; i++) {
      const k = list[i];
      const side = pairs.a[k] === c ? 0 : 1;
      best[2 * k + side] =
        bestBy[productOf[side === 0 ? pairs.b[k] : pairs.a[k]]];
    }
  }
  for (let k = 0; k < n; k++) {
    const z = pairs.logit[k];
    out[k] =
      z - SELECTION_DELTA * Math.min(best[2 * k] - z, best[2 * k + 1] - z);
  }
  return out;
}

/**
 * The order of pairs best first: score descending, then `a`, then `b`
 * ascending. Sorts natively on scores quantised to 2^-16 with the pair's
 * position packed below them, then orders runs of equal quantised score by
 * their columns: millions of pairs in about a second, where a comparator
 * sort takes several.
 */
export function bestFirst(
  scores: Float64Array,
  pairs: Pick<PairColumns, 'a' | 'b'>,
): Int32Array {
  const n = scores.length;
  const order = new Int32Array(n);
  if (n >= 2 ** 30) throw new Error('too many pairs to order');
  const keys = new Float64Array(n);
  const LIMIT = 2 ** 22;
  for (let k = 0; k < n; k++) {
    const q = Math.max(
      -LIMIT,
      Math.min(LIMIT - 1, Math.round(scores[k] * 65536)),
    );
    // higher score first: (LIMIT - 1 - q) ascending, position below it
    keys[k] = (LIMIT - 1 - q) * 2 ** 30 + k;
  }
  keys.sort();
  for (let k = 0; k < n; k++) order[k] = keys[k] % 2 ** 30;
  // runs of one quantised score: by columns
  let from = 0;
  const bucket = (k: number) => Math.floor(keys[k] / 2 ** 30);
  for (let k = 1; k <= n; k++) {
    if (k < n && bucket(k) === bucket(from)) continue;
    if (k - from > 1)
      order
        .subarray(from, k)
        .sort((x, y) => pairs.a[x] - pairs.a[y] || pairs.b[x] - pairs.b[y]);
    from = k;
  }
  return order;
}
