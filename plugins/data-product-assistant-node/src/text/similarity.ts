/** Similarity of token sets, strings and sparse vectors. Pure and allocation-light for hot loops. */

/** Jaccard similarity of two sets in [0, 1]. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** FNV-1a hash of a short string (for character n-gram ids). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Character trigrams of words (each padded with `#`), hashed to sorted unique
 * ids: `admittime` and `admit time` share most.
 */
export function charNgrams(words: readonly string[]): Int32Array {
  const ids = new Set<number>();
  for (const w of words) {
    const p = `#${w}#`;
    for (let i = 0; i + 3 <= p.length; i++) ids.add(hash(p.slice(i, i + 3)));
  }
  return Int32Array.from(ids).sort();
}

/** Dice coefficient of two sorted id arrays. */
export function sortedDice(a: Int32Array, b: Int32Array): number {
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < la && j < lb) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * n) / (la + lb);
}

const JW_BUFFER = 128;
const jwA = new Uint8Array(JW_BUFFER);
const jwB = new Uint8Array(JW_BUFFER);

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  if (la > JW_BUFFER || lb > JW_BUFFER)
    return a.slice(0, JW_BUFFER) === b.slice(0, JW_BUFFER) ? 0.95 : 0;
  const ma = jwA.fill(0, 0, la);
  const mb = jwB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        ma[i] = mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix])
    prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Whether `jaroWinkler(a, b) >= min`, without running it when a bound rules it
 * out: the prefix bonus adds at most 0.4 × (1 − Jaro), so Jaro must reach
 * (min − 0.4) / 0.6; Jaro ≤ (m/|a| + m/|b| + 1) / 3, and the matched
 * characters m exclude every character whose letter the other word lacks
 * (letters told apart by char code mod 32: a collision only loosens the bound).
 */
export function jaroWinklerAtLeast(a: string, b: string, min: number): boolean {
  const la = a.length;
  const lb = b.length;
  if (a === b || !la || !lb || la > JW_BUFFER || lb > JW_BUFFER)
    return jaroWinkler(a, b) >= min;
  let inA = 0;
  let inB = 0;
  for (let i = 0; i < la; i++) inA |= 1 << (a.charCodeAt(i) & 31);
  for (let j = 0; j < lb; j++) inB |= 1 << (b.charCodeAt(j) & 31);
  let matchableA = 0;
  let matchableB = 0;
  for (let i = 0; i < la; i++)
    if (inB & (1 << (a.charCodeAt(i) & 31))) matchableA++;
  for (let j = 0; j < lb; j++)
    if (inA & (1 << (b.charCodeAt(j) & 31))) matchableB++;
  const m = Math.min(matchableA, matchableB);
  // a margin for rounding: the bound only skips pairs clearly below
  if ((m / la + m / lb + 1) / 3 < (min - 0.4) / 0.6 - 1e-9) return false;
  return jaroWinkler(a, b) >= min;
}

/** A sparse, L2-normalised vector over interned term ids (ids ascending). */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    if (ai[i] === bi[j]) sum += a.weights[i++] * b.weights[j++];
    else if (ai[i] < bi[j]) i++;
    else j++;
  }
  return sum;
}

/** Interns terms to ids and counts document frequencies, then weights tf-idf vectors. */
export class TfIdfVocabulary {
  private readonly ids = new Map<string, number>();
  readonly df: number[] = [];
  docs = 0;

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.df.length;
      this.ids.set(term, id);
      this.df.push(0);
    }
    return id;
  }

  /** Registers one document's terms; returns term ids with counts. */
  add(terms: readonly string[]): Map<number, number> {
    return this.addWeighted(terms.map(t => [t, 1]));
  }

  /** Registers one document of weighted terms (fractional counts); returns term ids with summed weights. */
  addWeighted(terms: Iterable<readonly [string, number]>): Map<number, number> {
    this.docs++;
    const counts = new Map<number, number>();
    for (const [t, w] of terms) {
      const id = this.id(t);
      counts.set(id, (counts.get(id) ?? 0) + w);
    }
    for (const id of counts.keys()) this.df[id]++;
    return counts;
  }

  idf(id: number): number {
    return Math.log(1 + this.docs / Math.max(1, this.df[id]));
  }

  /** weight = (1 + ln tf) × idf × boost, L2-normalised. */
  vector(
    counts: Map<number, number>,
    boost?: Map<number, number>,
  ): SparseVector {
    return this.weigh(
      counts,
      (id, tf) => (1 + Math.log(tf)) * this.idf(id) * (boost?.get(id) ?? 1),
    );
  }

  /** weight = ln(1 + tf) × idf (saturating, for fractional counts), L2-normalised. */
  softVector(counts: Map<number, number>): SparseVector {
    return this.weigh(counts, (id, tf) => Math.log(1 + tf) * this.idf(id));
  }

  private weigh(
    counts: Map<number, number>,
    weight: (id: number, tf: number) => number,
  ): SparseVector {
    const ids = [...counts.keys()].sort((a, b) => a - b);
    const weights = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, i) => {
      const w = weight(id, counts.get(id)!);
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] /= norm;
    return { ids: Int32Array.from(ids), weights };
  }
}
