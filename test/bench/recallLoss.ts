/**
 * Recall loss of the interop index against brute force, measured inside the
 * real index: for sampled products, every pair (a column of a sampled
 * product, any column of another product in the WHOLE catalog) the scorer
 * suggests, against the pairs the indexed scan returned.
 *
 * Scoring all 300,000 columns against each sampled column (~2.5 µs a pair)
 * would take over an hour for 100 products, so the brute force skips pairs
 * that provably cannot reach the suggestion threshold (`LogitBound`): the
 * scorer's log-odds are bounded from the kinds of evidence the two columns
 * share (found through exact posting lists: glossary term, canonical name,
 * identifier head, selective shape, value, code, PII type, matching name
 * words, a name word in the other's description), the exact cosine of their
 * description vectors (accumulated over the sampled column's terms), and the
 * most every other feature can add. A pair sharing none of these has a
 * cosine of 0 and is bounded by bias + types + key roles + tables, below
 * the threshold (checked). Every pair not skipped is scored with the real
 * `scoreCandidate`, in the order the full scan scores it; columns without
 * structural evidence (`bare`) are scored against everything. A random
 * sample of the skipped pairs is scored too and any suggested one fails the
 * measurement, and recallLoss.test.ts checks the result equals the literal
 * all-pairs scan: a scorer change the bound does not cover shows up there.
 */
import {
  SCORER_WEIGHTS,
  scoreCandidate,
} from '../../plugins/data-product-assistant-node/src/interop/builtinScorer';
import type { ColumnEntry } from '../../plugins/data-product-assistant-node/src/interop/columnFeatures';
import type { InteropIndex } from '../../plugins/data-product-assistant-node/src/interop/suggestInterop';
import {
  areRelated,
  familyWords,
  typeCompatibility,
} from '../../plugins/data-product-assistant-node/src/interop/text';
import { jaroWinkler } from '../../plugins/data-product-assistant-node/src/text/similarity';
import { mulberry32 } from './syntheticCatalog';

/** A pair of column indices, in either order, as one number. */
export type PairKey = number;

export function pairKey(i: number, j: number, columns: number): PairKey {
  return i < j ? i * columns + j : j * columns + i;
}

export interface RecallMeasurement {
  sampledProducts: number;
  sampledColumns: number;
  /** Pairs the brute force suggests: a sampled column with any column of another product. */
  truePairs: number;
  /** Of those, pairs the indexed scan returned. */
  found: number;
  missed: number;
  /** missed ÷ truePairs (0 when there is nothing to find). */
  loss: number;
  /** Pairs the brute force scored with the real scorer. */
  scored: number;
  /** Pairs skipped by the bound. */
  skipped: number;
  /** Skipped pairs scored anyway to check the bound (none was suggested). */
  checkedSkipped: number;
}

/** Kinds of shared evidence, as bits. */
const GLOSSARY = 1;
const CANONICAL = 2;
const HEAD = 4;
const SHAPE = 8;
const VALUE = 16;
const CODE = 32;
const PII = 64;
const CONCEPT = 128;
const MENTION = 256;
const KINDS = 1024;

/** Exact keys of the evidence kinds that need a shared key. */
const DISCRETE: Array<[number, (e: ColumnEntry) => readonly string[]]> = [
  [GLOSSARY, e => e.glossary],
  [CANONICAL, e => (e.concept.length ? [e.canonical] : [])],
  [HEAD, e => (e.head ? [e.head] : [])],
  [SHAPE, e => e.selectiveShapes],
  [VALUE, e => e.values],
  [CODE, e => e.codes],
  [PII, e => e.column.piiTypes],
];

/** Name words match as the scorer's `conceptOverlap` matches them (builtinScorer.ts). */
function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)))
    return true;
  return a.length >= 5 && b.length >= 5 && jaroWinkler(a, b) >= 0.94;
}

/** Character counts (by char code mod 32: collisions only raise the counts in common). */
function charCounts(word: string): Uint8Array {
  const counts = new Uint8Array(32);
  for (let k = 0; k < word.length; k++) counts[word.charCodeAt(k) & 31]++;
  return counts;
}

/**
 * Whether `wordsMatch` could hold: equal or prefix, or a Jaro–Winkler of at
 * least 0.94, which needs a Jaro of at least 0.9 (the prefix bonus adds at
 * most 0.4 × (1 − Jaro)), and Jaro ≤ (m/|a| + m/|b| + 1) / 3 where m, the
 * matched characters, is at most the characters the words have in common.
 */
function mayMatch(a: string, ca: Uint8Array, b: string, cb: Uint8Array) {
  if (a === b || a.startsWith(b) || b.startsWith(a)) return true;
  if (a.length < 5 || b.length < 5) return false;
  if (a.length > 128 || b.length > 128) return true;
  let m = 0;
  for (let k = 0; k < 32; k++) m += Math.min(ca[k], cb[k]);
  return (m / a.length + m / b.length + 1) / 3 >= 0.9 - 1e-9;
}

const pos = (x: number) => Math.max(0, x);

/**
 * An upper bound of `scoreCandidate`'s log-odds for a pair. Exact where
 * cheap (incompatible or equal types, a generic name without a shared
 * glossary term, the description cosine); every other feature counts at its
 * most when the pair shares that kind of evidence, and not at all otherwise.
 */
export class LogitBound {
  private readonly family: Uint8Array;
  private readonly conceptLength: Uint16Array;
  private readonly typeTerm: Float64Array;
  private readonly families: number;
  /** The positive weight of each set of shared kinds (name-word overlap aside). */
  private readonly kindSum = new Float64Array(KINDS);
  /** bias + the most key roles, tables and the weighted lexical similarity add. */
  readonly base: number;
  /** The bound of a pair sharing nothing (cosine 0, equal types). */
  readonly nothingShared: number;

  constructor(entries: readonly ColumnEntry[]) {
    const w = SCORER_WEIGHTS;
    const names = [...new Set(entries.map(e => e.family as string))];
    this.families = names.length;
    const id = new Map(names.map((f, k) => [f, k]));
    this.family = Uint8Array.from(entries, e => id.get(e.family)!);
    this.conceptLength = Uint16Array.from(entries, e => e.concept.length);
    this.typeTerm = new Float64Array(names.length ** 2);
    names.forEach((x, i) =>
      names.forEach((y, j) => {
        const t = typeCompatibility(x as never, y as never);
        this.typeTerm[i * names.length + j] =
          t === 'same'
            ? w.typeSame
            : t === 'incompatible'
            ? w.typeIncompatible
            : 0;
      }),
    );
    const weight: Array<[number, number]> = [
      [GLOSSARY, w.glossary],
      [CANONICAL, w.canonicalName],
      [HEAD, w.sameHead],
      [SHAPE, w.shape],
      [VALUE, w.values],
      [CODE, w.codesAgree],
      [PII, w.samePiiType],
      [MENTION, w.crossMention],
    ];
    for (let mask = 0; mask < KINDS; mask++)
      for (const [bit, x] of weight)
        if (mask & bit) this.kindSum[mask] += pos(x);
    this.base =
      w.bias +
      Math.max(0, w.keyReference, w.bothIdentifiers) +
      pos(w.table) +
      pos(w.lexical);
    this.nothingShared = this.base + pos(w.typeSame);
  }

  /** The bound for columns i and j sharing the kinds `shared`, with description cosine `text`. */
  of(i: number, j: number, shared: number, text: number): number {
    const w = SCORER_WEIGHTS;
    let z =
      this.base +
      pos(w.text) * text +
      this.typeTerm[this.family[i] * this.families + this.family[j]] +
      this.kindSum[shared];
    const x = this.conceptLength[i];
    const y = this.conceptLength[j];
    if (!(shared & GLOSSARY) && (x === 0 || y === 0)) z += w.genericName;
    // Dice of the name words is at most 2·|x| / (|x| + |y|), in either order
    if (shared & CONCEPT)
      z += (pos(w.conceptOverlap) * 2 * Math.max(x, y)) / (x + y);
    return z;
  }
}

/** Posting lists: key → column indices, ascending. */
class Postings<K> {
  private readonly lists = new Map<K, number[]>();
  add(key: K, column: number) {
    const list = this.lists.get(key);
    if (!list) this.lists.set(key, [column]);
    else if (list[list.length - 1] !== column) list.push(column);
  }
  get(key: K): readonly number[] {
    return this.lists.get(key) ?? [];
  }
  keys() {
    return [...this.lists.keys()];
  }
}

/**
 * Every pair the scorer suggests between the sampled products' columns and
 * the whole catalog, each once, with the work it took.
 */
export function bruteForcePairs(
  index: InteropIndex,
  sample: readonly string[],
  options: { checkSkipped?: number; seed?: number } = {},
): {
  pairs: Set<PairKey>;
  sampledColumns: number;
  scored: number;
  skipped: number;
  checkedSkipped: number;
} {
  const entries = index.entries;
  const n = entries.length;
  const wanted = new Set(sample);
  const sampled = entries.filter(e => wanted.has(e.product.id));
  const bound = new LogitBound(entries);
  if (bound.nothingShared >= 0)
    throw new Error(
      'the scorer may suggest pairs with nothing in common: no pair can be skipped',
    );

  const productOf = Int32Array.from(entries, e => e.productIdx);
  const productSize = new Map<number, number>();
  for (const p of productOf) productSize.set(p, (productSize.get(p) ?? 0) + 1);
  const discrete = DISCRETE.map(() => new Postings<string>());
  const concepts = new Postings<string>();
  const descTerms = new Postings<string>();
  // columns by the family words of their name concepts (a mention through a family word)
  const conceptFamilies = new Postings<string>();
  const bare: number[] = [];
  for (const e of entries) {
    if (e.bare) bare.push(e.idx);
    DISCRETE.forEach(([, keys], k) => {
      for (const key of keys(e)) discrete[k].add(key, e.idx);
    });
    for (const c of e.concept) {
      concepts.add(c, e.idx);
      for (const f of familyWords(c)) conceptFamilies.add(f, e.idx);
    }
    for (const d of e.descTerms) descTerms.add(d, e.idx);
  }
  const terms = termPostings(entries);
  const conceptWords = concepts.keys().map(y => ({ y, chars: charCounts(y) }));
  const matching = new Map<string, string[]>();
  const matchesOf = (x: string) => {
    let m = matching.get(x);
    if (!m) {
      const chars = charCounts(x);
      m = conceptWords
        .filter(
          w =>
            areRelated(x, w.y) ||
            areRelated(w.y, x) ||
            (mayMatch(x, chars, w.y, w.chars) &&
              (wordsMatch(x, w.y) || wordsMatch(w.y, x))),
        )
        .map(w => w.y);
      matching.set(x, m);
    }
    return m;
  };

  const mark = new Int32Array(n).fill(-1);
  const shared = new Uint16Array(n);
  const dot = new Float64Array(n);
  const candidates = new Int32Array(n);
  const scoredMark = new Int32Array(n).fill(-1);
  const pairs = new Set<PairKey>();
  const suggested = (i: number, j: number) =>
    scoreCandidate(entries[Math.min(i, j)], entries[Math.max(i, j)]) !==
    undefined;
  const rng = mulberry32(options.seed ?? 5);
  const checks: Array<[number, number]> = [];
  const checksPerColumn = Math.ceil(
    (options.checkSkipped ?? 0) / Math.max(1, sampled.length),
  );
  let scored = 0;
  let skipped = 0;

  for (const a of sampled) {
    const stamp = a.idx;
    const own = a.productIdx;
    let count = 0;
    let scoredHere = 0;
    const score = (j: number) => {
      if (scoredMark[j] === stamp || productOf[j] === own) return;
      scoredMark[j] = stamp;
      scoredHere++;
      if (suggested(a.idx, j)) pairs.add(pairKey(a.idx, j, n));
    };
    const touch = (j: number) => {
      if (mark[j] === stamp) return;
      mark[j] = stamp;
      shared[j] = 0;
      dot[j] = 0;
      candidates[count++] = j;
    };
    const add = (list: readonly number[], kind: number) => {
      for (const j of list) {
        touch(j);
        shared[j] |= kind;
      }
    };
    if (a.bare) {
      for (let j = 0; j < n; j++) score(j);
    } else {
      for (const j of bare) score(j);
      // the description cosine with every column sharing a term (0 with the others)
      const { ids, weights } = a.vector;
      for (let k = 0; k < ids.length; k++) {
        const t = ids[k];
        for (let p = terms.start[t]; p < terms.start[t + 1]; p++) {
          const j = terms.column[p];
          touch(j);
          dot[j] += weights[k] * terms.weight[p];
        }
      }
      DISCRETE.forEach(([kind, keys], k) => {
        for (const key of keys(a)) add(discrete[k].get(key), kind);
      });
      for (const x of a.concept) {
        for (const y of matchesOf(x)) add(concepts.get(y), CONCEPT);
        add(descTerms.get(x), MENTION); // a's name word in b's description
        // ... or a word of its family, in b's description or name
        for (const f of familyWords(x)) {
          add(descTerms.get(f), MENTION);
          add(concepts.get(f), MENTION);
        }
        add(conceptFamilies.get(x), MENTION); // a's name word in the family of b's
      }
      for (const d of a.descTerms) {
        add(concepts.get(d), MENTION); // and the reverse
        add(conceptFamilies.get(d), MENTION);
      }
      for (let c = 0; c < count; c++) {
        const j = candidates[c];
        if (
          productOf[j] !== own &&
          bound.of(a.idx, j, shared[j], dot[j]) >= -1e-6
        )
          score(j);
      }
    }
    scored += scoredHere;
    skipped += n - productSize.get(own)! - scoredHere;
    // a few of this column's skipped pairs, drawn at random, to check the bound
    for (
      let c = 0, draws = 0;
      c < checksPerColumn && draws < 100 * checksPerColumn;
      draws++
    ) {
      const j = Math.floor(rng() * n);
      if (scoredMark[j] === stamp || productOf[j] === own) continue;
      checks.push([a.idx, j]);
      c++;
    }
  }
  for (const [i, j] of checks) {
    if (suggested(i, j))
      throw new Error(
        `the brute-force bound skipped a suggested pair: ${describe(
          entries[i],
        )} ~ ${describe(entries[j])}`,
      );
  }
  return {
    pairs,
    sampledColumns: sampled.length,
    scored,
    skipped,
    checkedSkipped: checks.length,
  };
}

/** Description-vector terms → (column, weight), as flat arrays. */
function termPostings(entries: readonly ColumnEntry[]) {
  let terms = 0;
  for (const e of entries)
    for (const t of e.vector.ids) terms = Math.max(terms, t + 1);
  const start = new Int32Array(terms + 1);
  for (const e of entries) for (const t of e.vector.ids) start[t + 1]++;
  for (let t = 0; t < terms; t++) start[t + 1] += start[t];
  const fill = start.slice(0, terms);
  const column = new Int32Array(start[terms]);
  const weight = new Float32Array(start[terms]);
  for (const e of entries) {
    const { ids, weights } = e.vector;
    for (let k = 0; k < ids.length; k++) {
      const p = fill[ids[k]]++;
      column[p] = e.idx;
      weight[p] = weights[k];
    }
  }
  return { start, column, weight };
}

const describe = (e: ColumnEntry) =>
  `${e.product.id}.${e.tableInfo.table.name}.${e.column.name}`;

export type BruteForce = ReturnType<typeof bruteForcePairs>;

/** How many of the brute force's pairs an indexed scan returned (`returned`, as `pairKey`s). */
export function recallOf(
  brute: BruteForce,
  sampledProducts: number,
  returned: ReadonlySet<PairKey>,
): RecallMeasurement {
  let found = 0;
  for (const key of brute.pairs) if (returned.has(key)) found++;
  const truePairs = brute.pairs.size;
  return {
    sampledProducts,
    sampledColumns: brute.sampledColumns,
    truePairs,
    found,
    missed: truePairs - found,
    loss: truePairs ? (truePairs - found) / truePairs : 0,
    scored: brute.scored,
    skipped: brute.skipped,
    checkedSkipped: brute.checkedSkipped,
  };
}

/**
 * Recall loss of the pairs an indexed scan returned (`returned`, as
 * `pairKey`s), against the brute force over the whole catalog for the
 * sampled products.
 */
export function measureRecallLoss(
  index: InteropIndex,
  sample: readonly string[],
  returned: ReadonlySet<PairKey>,
  options: { checkSkipped?: number; seed?: number } = {},
): RecallMeasurement {
  return recallOf(
    bruteForcePairs(index, sample, options),
    new Set(sample).size,
    returned,
  );
}

/** A seeded random sample of distinct product ids (partial Fisher–Yates). */
export function sampleProducts(
  ids: readonly string[],
  count: number,
  seed: number,
): string[] {
  const rng = mulberry32(seed);
  const pool = [...ids];
  const k = Math.min(count, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}
