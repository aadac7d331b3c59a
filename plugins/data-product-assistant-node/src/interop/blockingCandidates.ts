/**
 * Candidate generation of the blocking index (`ColumnIndex.candidates`) over
 * flat typed arrays, so that worker threads can run it on a copy of the
 * index (parallelScan.ts).
 *
 * Two sources of candidates. Group keys (`groupKey`: keys whose columns
 * mostly relate, ColumnIndex.ts) make every pair of their columns a
 * candidate (`forEachGroupPair`). The other keys feed the ranked candidates
 * of each column (`flatCandidates`): the columns of other products whose
 * shared keys' weights sum (in float32, key by key, posting by posting),
 * times the factor of the two columns' type families (`typeFactor`), to at
 * least `minBlockScore`; when more than the column's `limit` qualify, the best ones by
 * (summed weight descending, column index ascending), in that order;
 * otherwise in the order they were first reached. The best ones are found by
 * selection rather than by sorting every qualifying column: the same columns,
 * in a fraction of the time.
 */

export interface FlatBlocking {
  maxCandidates: number;
  minBlockScore: number;
  /** Product index of each column. */
  productOf: Int32Array;
  /**
   * Span of the columns of column i's product: [ownStart[i], ownEnd[i]) holds
   * all of them (and, unless a product's columns are interleaved with
   * another's, nothing else).
   */
  ownStart: Int32Array;
  ownEnd: Int32Array;
  keyWeights: Float32Array;
  /** Posting list of key k: postings[postingStart[k] .. postingStart[k + 1]), ascending. */
  postingStart: Int32Array;
  postings: Int32Array;
  /** Live blocking keys of column i: keys[keyStart[i] .. keyStart[i + 1]). */
  keyStart: Int32Array;
  keys: Int32Array;
  /** 1 for a group key: all pairs of its columns are candidates, and it adds nothing to ranked candidates. */
  groupKey: Uint8Array;
  /** Group keys, ascending. */
  groups: Int32Array;
  /** Group keys of column i, ascending: columnGroups[columnGroupStart[i] .. columnGroupStart[i + 1]). */
  columnGroupStart: Int32Array;
  columnGroups: Int32Array;
  /** Most candidates column i keeps (`maxCandidates`, more for columns without structural evidence). */
  limit: Int32Array;
  /** Column i's ranked candidates go to lists[listStart[i] ..] (at most limit[i] of them). */
  listStart: Int32Array;
  /** Type family of each column, as an index into `typeFactor`'s rows. */
  family: Uint8Array;
  families: number;
  /**
   * Multiplier of a candidate's summed weight by the two columns' type families
   * (typeFactor[family[i] · families + family[j]]): the scorer rarely suggests columns of
   * incompatible types, so they rank behind the compatible ones.
   */
  typeFactor: Float32Array;
}

/** Flattens per-item typed arrays into one array with start offsets. */
export function flattenLists<T extends Int32Array | Float32Array>(
  lists: ArrayLike<T>,
  make: (length: number) => T,
): { start: Int32Array; values: T } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++)
    start[i + 1] = start[i] + lists[i].length;
  const values = make(start[lists.length]);
  for (let i = 0; i < lists.length; i++) values.set(lists[i], start[i]);
  return { start, values };
}

/** The span [ownStart, ownEnd) of each column's product. */
export function productSpans(productOf: Int32Array): {
  ownStart: Int32Array;
  ownEnd: Int32Array;
} {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  productOf.forEach((p, i) => {
    if (!first.has(p)) first.set(p, i);
    last.set(p, i + 1);
  });
  const ownStart = productOf.map(p => first.get(p)!);
  const ownEnd = productOf.map(p => last.get(p)!);
  return { ownStart, ownEnd };
}

/** Scratch buffers of `flatCandidates` (one set per thread). */
export interface CandidateScratch {
  /** Summed weight per column; all zero between calls. */
  acc: Float32Array;
  touched: Int32Array;
  kept: Int32Array;
  keptWeight: Float32Array;
  select: Float32Array;
  ties: Int32Array;
  bestColumn: Int32Array;
  bestWeight: Float32Array;
  /** The last call's candidates. */
  out: Int32Array;
}

export function candidateScratch(
  columns: number,
  maxCandidates: number,
  acc: Float32Array = new Float32Array(columns),
): CandidateScratch {
  return {
    acc,
    touched: new Int32Array(columns),
    kept: new Int32Array(columns),
    keptWeight: new Float32Array(columns),
    select: new Float32Array(columns),
    ties: new Int32Array(columns),
    bestColumn: new Int32Array(Math.max(0, maxCandidates)),
    bestWeight: new Float32Array(Math.max(0, maxCandidates)),
    out: new Int32Array(Math.max(0, maxCandidates)),
  };
}

/** The k-th smallest (0-based) of a[0 .. n): quickselect; reorders a. */
function kthSmallest(a: Float32Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * Candidates of column `i` (see the file comment), written to `out` from
 * `outOffset`; returns their number.
 */
export function flatCandidates(
  b: FlatBlocking,
  i: number,
  s: CandidateScratch,
  out: Int32Array,
  outOffset: number,
): number {
  const { keyWeights, postingStart, postings, keys, productOf, groupKey } = b;
  const { acc, touched } = s;
  const own = productOf[i];
  const ownStart = b.ownStart[i];
  const ownEnd = b.ownEnd[i];
  let nTouched = 0;
  for (let k = b.keyStart[i], kEnd = b.keyStart[i + 1]; k < kEnd; k++) {
    const key = keys[k];
    if (groupKey[key]) continue;
    const w = keyWeights[key];
    for (
      let p = postingStart[key], pEnd = postingStart[key + 1];
      p < pEnd;
      p++
    ) {
      const j = postings[p];
      if (j >= ownStart && j < ownEnd && productOf[j] === own) continue;
      if (acc[j] === 0) touched[nTouched++] = j;
      acc[j] += w;
    }
  }
  // keep the columns over the bar (in the order first reached), clearing acc
  const { kept, keptWeight } = s;
  const min = b.minBlockScore;
  const factors = b.typeFactor;
  const row = b.family[i] * b.families;
  const family = b.family;
  let nKept = 0;
  for (let t = 0; t < nTouched; t++) {
    const j = touched[t];
    const w = acc[j] * factors[row + family[j]];
    acc[j] = 0;
    if (w >= min) {
      kept[nKept] = j;
      keptWeight[nKept++] = w;
    }
  }
  const max = Math.max(0, b.limit[i]);
  if (nKept <= max) {
    for (let c = 0; c < nKept; c++) out[outOffset + c] = kept[c];
    return nKept;
  }
  // the best `max`: all over the max-th best weight, then the lowest-indexed at it
  s.select.set(keptWeight.subarray(0, nKept));
  const bar = kthSmallest(s.select, nKept, nKept - max);
  const { ties, bestColumn, bestWeight } = s;
  let nBest = 0;
  let nTies = 0;
  for (let c = 0; c < nKept; c++) {
    const w = keptWeight[c];
    if (w > bar) {
      bestColumn[nBest] = kept[c];
      bestWeight[nBest++] = w;
    } else if (w === bar) ties[nTies++] = kept[c];
  }
  if (nTies > max - nBest) ties.subarray(0, nTies).sort();
  for (let c = 0; nBest < max; c++) {
    bestColumn[nBest] = ties[c];
    bestWeight[nBest++] = bar;
  }
  // order them: weight descending, then index ascending (insertion sort)
  for (let x = 1; x < max; x++) {
    const j = bestColumn[x];
    const w = bestWeight[x];
    let y = x - 1;
    while (
      y >= 0 &&
      (bestWeight[y] < w || (bestWeight[y] === w && bestColumn[y] > j))
    ) {
      bestColumn[y + 1] = bestColumn[y];
      bestWeight[y + 1] = bestWeight[y];
      y--;
    }
    bestColumn[y + 1] = j;
    bestWeight[y + 1] = w;
  }
  for (let c = 0; c < max; c++) out[outOffset + c] = bestColumn[c];
  return max;
}

/**
 * Whether column j's ranked candidates (in `lists`, `counts[j]` of them,
 * ascending: scans sort each column's list once filled) include column i.
 */
export function listed(
  b: FlatBlocking,
  lists: Int32Array,
  counts: Int32Array,
  j: number,
  i: number,
): boolean {
  let lo = b.listStart[j];
  let hi = lo + counts[j] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = lists[mid];
    if (v === i) return true;
    if (v < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Whether columns i and j share a group key below `key`. */
function sharedEarlierGroup(
  b: FlatBlocking,
  i: number,
  j: number,
  key: number,
): boolean {
  const { columnGroupStart: start, columnGroups: groups } = b;
  let x = start[i];
  let y = start[j];
  const xEnd = start[i + 1];
  const yEnd = start[j + 1];
  while (x < xEnd && y < yEnd) {
    const gx = groups[x];
    const gy = groups[y];
    if (gx >= key || gy >= key) return false;
    if (gx === gy) return true;
    if (gx < gy) x++;
    else y++;
  }
  return false;
}

/**
 * Calls `visit(i, j)` (i < j) for every pair of columns of different
 * products in group key `key` that no earlier group key holds and neither
 * column lists among its ranked candidates (those are scored with them):
 * each candidate pair of the index is visited once over all group keys.
 */
export function forEachGroupPair(
  b: FlatBlocking,
  key: number,
  lists: Int32Array,
  counts: Int32Array,
  visit: (i: number, j: number) => void,
): void {
  const { postingStart, postings, productOf } = b;
  const from = postingStart[key];
  const to = postingStart[key + 1];
  for (let x = from; x < to; x++) {
    const i = postings[x];
    for (let y = x + 1; y < to; y++) {
      const j = postings[y];
      if (productOf[i] === productOf[j]) continue;
      if (sharedEarlierGroup(b, i, j, key)) continue;
      if (listed(b, lists, counts, i, j) || listed(b, lists, counts, j, i))
        continue;
      visit(i, j);
    }
  }
}
