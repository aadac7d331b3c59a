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
 * Pairs with a bare column (names and descriptions only, `bare`) also sink
 * by their rank among each column's pairs into the other product, the way
 * per-column top-k selection keeps each column's few best: without types,
 * keys or values, a name word shared with a whole table (`order` ~ every
 * `order_*` column) otherwise fills the top with one column's runners-up.
 *
 *   score −= SELECTION_RANK · (ln rank(a → B) + ln rank(b → A))
 *
 * And a bare column whose name says it holds a time (`shipped_at`, `pickup_date`; `namesTime`)
 * ranks its pairs with time-named columns of a product above its other pairs there: without
 * types, a time word is the one name word that says the type in any naming convention (a
 * `*_value` may hold anything), so a date matches a date before a table's similarity or a
 * column's popularity lifts a code or an address above it. The other pairs sink together,
 * keeping their order.
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

/**
 * How much a pair with a bare column sinks per unit of ln(rank) on each side. Set on the
 * MIMIC→OMOP tune part (3–5 gave the same figures; 0 the old ranking).
 */
export const SELECTION_RANK = 3;

/** Scored pairs as parallel arrays: column indices `a`, `b` and their log-odds. */
export interface PairColumns {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  logit: ArrayLike<number>;
}

/**
 * Selection scores of the pairs (same order). `productOf[c]` is the product
 * of column `c`; `columns` the number of columns; `bare[c]` 1 when column `c`
 * has only its name and description (none when not given); `time[c]` 1 when
 * column `c`'s name says it holds a time (`namesTime`).
 */
export function selectionScores(
  pairs: PairColumns,
  productOf: ArrayLike<number>,
  columns: number,
  bare?: ArrayLike<number>,
  time?: ArrayLike<number>,
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
  const anyBare = (k: number) =>
    !!bare && (!!bare[pairs.a[k]] || !!bare[pairs.b[k]]);
  let bareSeen = false;
  for (let k = 0; k < n && !bareSeen; k++) bareSeen = anyBare(k);
  const rank =
    bareSeen && SELECTION_RANK > 0
      ? sideRanks(pairs, productOf, start, list)
      : undefined;
  for (let k = 0; k < n; k++) {
    const z = pairs.logit[k];
    out[k] =
      z - SELECTION_DELTA * Math.min(best[2 * k] - z, best[2 * k + 1] - z);
    if (rank && anyBare(k))
      out[k] -= SELECTION_RANK * Math.log(rank[2 * k] * rank[2 * k + 1]);
  }
  if (bareSeen && time)
    timesFirst(out, pairs, productOf, start, list, time, anyBare);
  return out;
}

/**
 * Sinks, for each time-named column and other product, its bare pairs with columns not named
 * for a time (in `scores`, in place) until the best of them is one below the worst of its bare
 * pairs with time-named ones there, when it has both.
 */
function timesFirst(
  scores: Float64Array,
  pairs: PairColumns,
  productOf: ArrayLike<number>,
  start: Int32Array,
  list: Int32Array,
  time: ArrayLike<number>,
  anyBare: (k: number) => boolean,
): void {
  const worstTime = new Map<number, number>();
  const bestOther = new Map<number, number>();
  for (let c = 0; c + 1 < start.length; c++) {
    if (!time[c]) continue;
    worstTime.clear();
    bestOther.clear();
    const other = (k: number) => (pairs.a[k] === c ? pairs.b[k] : pairs.a[k]);
    for (let i = start[c]; i < start[c + 1]; i++) {
      const k = list[i];
      if (!anyBare(k)) continue;
      const o = other(k);
      const into = time[o] ? worstTime : bestOther;
      const prior = into.get(productOf[o]);
      const z = scores[k];
      if (prior === undefined || (time[o] ? z < prior : z > prior))
        into.set(productOf[o], z);
    }
    for (let i = start[c]; i < start[c + 1]; i++) {
      const k = list[i];
      const o = other(k);
      if (time[o] || !anyBare(k)) continue;
      const floor = worstTime.get(productOf[o]);
      if (floor === undefined) continue;
      scores[k] -= Math.max(0, bestOther.get(productOf[o])! - floor + 1);
    }
  }
}

/**
 * Rank of each pair among its columns' pairs into the same other product, by log-odds (ties
 * share the better rank): `rank[2k]` on a's side, `rank[2k + 1]` on b's.
 */
function sideRanks(
  pairs: PairColumns,
  productOf: ArrayLike<number>,
  start: Int32Array,
  list: Int32Array,
): Float64Array {
  const rank = new Float64Array(2 * pairs.logit.length);
  const other = (c: number, k: number) =>
    productOf[pairs.a[k] === c ? pairs.b[k] : pairs.a[k]];
  for (let c = 0; c + 1 < start.length; c++) {
    if (start[c + 1] - start[c] < 2) {
      if (start[c + 1] > start[c]) {
        const k = list[start[c]];
        rank[2 * k + (pairs.a[k] === c ? 0 : 1)] = 1;
      }
      continue;
    }
    const own = Array.from(list.subarray(start[c], start[c + 1]));
    own.sort(
      (x, y) => other(c, x) - other(c, y) || pairs.logit[y] - pairs.logit[x],
    );
    let groupStart = 0;
    let r = 0;
    for (let i = 0; i < own.length; i++) {
      const k = own[i];
      if (i === 0 || other(c, own[i - 1]) !== other(c, k)) {
        groupStart = i;
        r = 1;
      } else if (pairs.logit[k] < pairs.logit[own[i - 1]])
        r = i - groupStart + 1;
      rank[2 * k + (pairs.a[k] === c ? 0 : 1)] = r;
    }
  }
  return rank;
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
