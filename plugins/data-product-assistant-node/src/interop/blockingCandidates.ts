/**
 * Candidate generation of the blocking index (`ColumnIndex.candidates`) over
 * flat typed arrays, so that worker threads can run it on a copy of the
 * index (parallelScan.ts).
 *
 * The candidates of a column are the columns of other products whose shared
 * keys' weights sum (in float32, key by key, posting by posting) to at least
 * `minBlockScore`; when more than `maxCandidates` qualify, the best ones by
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
  const { keyWeights, postingStart, postings, keys, productOf } = b;
  const { acc, touched } = s;
  const own = productOf[i];
  const ownStart = b.ownStart[i];
  const ownEnd = b.ownEnd[i];
  let nTouched = 0;
  for (let k = b.keyStart[i], kEnd = b.keyStart[i + 1]; k < kEnd; k++) {
    const key = keys[k];
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
  let nKept = 0;
  for (let t = 0; t < nTouched; t++) {
    const j = touched[t];
    const w = acc[j];
    acc[j] = 0;
    if (w >= min) {
      kept[nKept] = j;
      keptWeight[nKept++] = w;
    }
  }
  const max = Math.max(0, b.maxCandidates);
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
