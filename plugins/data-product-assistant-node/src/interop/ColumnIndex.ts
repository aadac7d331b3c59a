import { scoreCandidate } from './builtinScorer';
import type { ColumnEntry } from './columnFeatures';
import {
  candidateScratch,
  flatCandidates,
  flattenLists,
  productSpans,
  type CandidateScratch,
  type FlatBlocking,
} from './blockingCandidates';
import { relatedWords, typeCompatibility, type TypeFamily } from './text';

/**
 * Blocking index over columns: each column emits blocking keys (normalised
 * name concepts, identifier heads, canonical names, description terms,
 * glossary links, selective value shapes with their type family, selective
 * example values). Keys map to posting lists; a column's candidates are the
 * columns of other products sharing keys, ranked by the summed IDF-weighted
 * key weights. Over-frequent keys are dropped (like stopwords), and each
 * column keeps at most `maxCandidatesPerColumn`, so no query scans all pairs.
 *
 * A second index, of groups: a key whose columns mostly relate (the same
 * attribute or entity named across hundreds of products) makes every pair of
 * its columns a candidate, however many there are, instead of competing for
 * the per-column budget. Which keys are groups the data says: a few pairs of
 * the key's columns, drawn evenly, are scored with the relationship model at
 * build time, and the key is a group when enough of them are suggested.
 * Ranked candidates then come from the other keys only.
 */
export interface ColumnIndexOptions {
  /** Keys in more than clamp(maxPostingRatio × columns, minMaxPosting, maxMaxPosting) columns are dropped. */
  maxPostingRatio?: number;
  minMaxPosting?: number;
  maxMaxPosting?: number;
  /** Description-term keys kept per column: the rarest ones. */
  maxDescriptionKeys?: number;
  /** Candidates kept per column, best blocking score first. */
  maxCandidatesPerColumn?: number;
  /** The same for columns without structural evidence (`bare`): names and descriptions rank less sharply. */
  maxCandidatesBare?: number;
  /** Keys of more columns than this are tested as groups (default 16). */
  minGroupSize?: number;
  /** Pairs of a key's columns scored to test it (default 24). */
  groupSamples?: number;
  /** Share of them that must be suggested for the key to be a group (default 0.1). */
  groupShare?: number;
  /**
   * Minimum summed key weight for a candidate. Default 0.21 × ln(1 + columns / 2): 0.6 of the
   * weight of the rarest possible description term, so the bar means the same at every catalog size
   * (≈ 0.9 on the 175-column demo mesh, ≈ 2.5 at 300,000 columns).
   */
  minBlockScore?: number;
}

/** Weight of each kind of blocking key (multiplied by the key's IDF). */
export const KEY_WEIGHTS: Record<string, number> = {
  g: 3, // glossary url
  h: 2, // identifier head concept: cust_id, customer_ref → customer
  p: 1, // first four letters of the identifier head: unknown abbreviations (`salg_ref` ~ `salgancor_id`)
  n: 2, // canonical name
  c: 1, // concept word of the name
  v: 2, // selective example value
  s: 1, // selective shape + type family
  d: 0.35, // description term
  t: 0.5, // name word (generic ones included: `value`, `unit`, `date`), for columns without structural evidence
};

/** How a candidate's blocking weight counts by the type compatibility of the two columns. */
const TYPE_FACTOR = { same: 1, unknown: 1, castable: 0.9, incompatible: 0.4 };

/** One empty list for every dropped key and every column without groups (hundreds of thousands). */
const EMPTY = new Int32Array(0);

/** Kinds of key that can be a group: those naming a concept, an entity, a glossary term or a value. */
const GROUP_KINDS = new Set(['g', 'h', 'p', 'n', 'c', 'v', 't']);

/**
 * A column's blocking keys. `concepts`: the catalog's name concepts; a related word's key is
 * made only when some column has that word as a concept (no other key could ever meet it).
 */
export function blockingKeys(
  e: ColumnEntry,
  concepts?: ReadonlySet<string>,
): string[] {
  const keys = new Set<string>();
  for (const g of e.glossary) keys.add(`g:${g}`);
  if (e.head) keys.add(`h:${e.head}`);
  if (e.head && e.head.length >= 4) keys.add(`p:${e.head.slice(0, 4)}`);
  if (e.concept.length) keys.add(`n:${e.canonical}`);
  for (const c of e.concept) keys.add(`c:${c}`);
  for (const v of e.values) keys.add(`v:${v}`);
  for (const s of e.selectiveShapes) keys.add(`s:${s}|${e.family}`);
  for (const d of e.descTerms) if (d.length > 2) keys.add(`d:${d}`);
  // a name word in the other column's description is evidence too (the scorer's cross-mention)
  for (const c of e.concept) if (c.length > 2) keys.add(`d:${c}`);
  // related words of a name meet the other side's own name concepts
  for (const c of e.concept)
    for (const r of relatedWords(c))
      if (!concepts || concepts.has(r)) keys.add(`c:${r}`);
  if (e.bare) for (const t of e.tokens) if (t.length > 1) keys.add(`t:${t}`);
  return [...keys];
}

export class ColumnIndex {
  readonly entries: ColumnEntry[];
  private readonly postings: Int32Array[] = [];
  private readonly keyWeights: Float32Array;
  private readonly columnKeys: Int32Array[];
  private readonly productOf: Int32Array;
  private readonly acc: Float32Array;
  private readonly maxCandidates: number;
  private readonly limit: Int32Array;
  /** The largest per-column limit. */
  private readonly maxLimit: number;
  private readonly minBlockScore: number;
  private readonly groupKey: Uint8Array;
  private readonly columnGroups: Int32Array[];
  private flat?: FlatBlocking;
  private scratch?: CandidateScratch;
  /** Blocking keys kept / dropped as over-frequent / kept as groups; model scorings spent testing groups. */
  readonly keyStats: {
    kept: number;
    dropped: number;
    groups: number;
    groupTests: number;
  };

  constructor(entries: ColumnEntry[], options: ColumnIndexOptions = {}) {
    this.entries = entries;
    const n = entries.length;
    const maxPosting = Math.min(
      options.maxMaxPosting ?? 1000,
      Math.max(
        options.minMaxPosting ?? 64,
        Math.floor((options.maxPostingRatio ?? 0.01) * n),
      ),
    );
    const maxDescriptionKeys = options.maxDescriptionKeys ?? 8;
    this.maxCandidates = options.maxCandidatesPerColumn ?? 32;
    const maxBare = options.maxCandidatesBare ?? 4 * this.maxCandidates;
    this.limit = Int32Array.from(entries, e =>
      e.bare ? maxBare : this.maxCandidates,
    );
    this.maxLimit = this.limit.reduce((m, x) => Math.max(m, x), 0);
    this.minBlockScore = options.minBlockScore ?? 0.21 * Math.log(1 + n / 2);
    this.productOf = Int32Array.from(entries.map(e => e.productIdx));
    this.acc = new Float32Array(n);

    const keyIds = new Map<string, number>();
    const lists: number[][] = [];
    const concepts = new Set<string>();
    for (const e of entries) for (const c of e.concept) concepts.add(c);
    const raw: number[][] = entries.map(e =>
      blockingKeys(e, concepts).map(k => {
        let id = keyIds.get(k);
        if (id === undefined) {
          id = lists.length;
          keyIds.set(k, id);
          lists.push([]);
        }
        lists[id].push(e.idx);
        return id;
      }),
    );
    const kinds = [...keyIds.keys()].map(k => k[0]);
    const weights = new Float32Array(lists.length);
    let kept = 0;
    let dropped = 0;
    lists.forEach((list, id) => {
      const products = new Set(list.map(i => this.productOf[i])).size;
      if (list.length > maxPosting || products < 2) {
        weights[id] = 0;
        if (list.length > maxPosting) dropped++;
        this.postings.push(EMPTY);
        return;
      }
      kept++;
      weights[id] = KEY_WEIGHTS[kinds[id]] * Math.log(1 + n / list.length);
      this.postings.push(Int32Array.from(list));
    });
    this.keyWeights = weights;
    this.columnKeys = raw.map(ids => {
      const live = ids.filter(id => weights[id] > 0);
      const description = live.filter(id => kinds[id] === 'd');
      if (description.length <= maxDescriptionKeys)
        return Int32Array.from(live);
      const rarest = new Set(
        description
          .sort((x, y) => lists[x].length - lists[y].length)
          .slice(0, maxDescriptionKeys),
      );
      return Int32Array.from(
        live.filter(id => kinds[id] !== 'd' || rarest.has(id)),
      );
    });
    // groups: keys whose columns mostly relate, by scoring a few of their pairs
    this.groupKey = new Uint8Array(lists.length);
    const minGroup = options.minGroupSize ?? 16;
    const samples = options.groupSamples ?? 24;
    const share = options.groupShare ?? 0.1;
    let groups = 0;
    let groupTests = 0;
    const needed = Math.ceil(share * samples);
    lists.forEach((list, id) => {
      if (weights[id] === 0 || list.length <= minGroup) return;
      // description terms and value shapes name no concept of their own: never a group
      if (!GROUP_KINDS.has(kinds[id])) return;
      const m = list.length;
      let tried = 0;
      let hits = 0;
      // stop once the outcome is certain either way
      for (
        let t = 0;
        tried < samples &&
        t < 4 * samples &&
        hits < needed &&
        hits + samples - tried >= needed;
        t++
      ) {
        const x = (t * 7919) % m;
        const y = (x + 1 + ((t * 104729) % (m - 1))) % m;
        const i = Math.min(list[x], list[y]);
        const j = Math.max(list[x], list[y]);
        if (this.productOf[i] === this.productOf[j]) continue;
        tried++;
        if (scoreCandidate(entries[i], entries[j])) hits++;
      }
      groupTests += tried;
      if (hits >= needed) {
        this.groupKey[id] = 1;
        groups++;
      }
    });
    this.columnGroups = this.columnKeys.map(ids => {
      const own = ids.filter(id => this.groupKey[id]);
      return own.length ? own.sort() : EMPTY;
    });
    this.keyStats = { kept, dropped, groups, groupTests };
  }

  /** Columns of other products sharing a group key with column `i` (ascending, each once). */
  groupMembers(i: number): number[] {
    const own = this.productOf[i];
    const out = new Set<number>();
    for (const key of this.columnGroups[i])
      for (const j of this.postings[key])
        if (this.productOf[j] !== own) out.add(j);
    return [...out].sort((x, y) => x - y);
  }

  /** Candidate columns of other products for column `i`, best blocking score first. */
  candidates(i: number): Int32Array {
    // computed over flat arrays (blockingCandidates.ts), as in scan workers
    const scratch = (this.scratch ??= candidateScratch(
      this.entries.length,
      this.maxLimit,
      this.acc,
    ));
    const n = flatCandidates(this.flatten(), i, scratch, scratch.out, 0);
    return scratch.out.slice(0, n);
  }

  /** The blocking data as flat arrays (built on first use), for scans in worker threads. */
  flatten(): FlatBlocking {
    if (this.flat) return this.flat;
    const postings = flattenLists(this.postings, l => new Int32Array(l));
    const keys = flattenLists(this.columnKeys, l => new Int32Array(l));
    const columnGroups = flattenLists(
      this.columnGroups,
      l => new Int32Array(l),
    );
    const listStart = new Int32Array(this.entries.length + 1);
    for (let i = 0; i < this.entries.length; i++)
      listStart[i + 1] = listStart[i] + this.limit[i];
    const groups: number[] = [];
    this.groupKey.forEach((g, id) => {
      if (g) groups.push(id);
    });
    const familyNames = [
      ...new Set(this.entries.map(e => e.family)),
    ] as TypeFamily[];
    const familyId = new Map(familyNames.map((f, k) => [f, k]));
    const typeFactor = new Float32Array(familyNames.length ** 2);
    familyNames.forEach((x, i) =>
      familyNames.forEach((y, j) => {
        typeFactor[i * familyNames.length + j] =
          TYPE_FACTOR[typeCompatibility(x, y)];
      }),
    );
    this.flat = {
      maxCandidates: this.maxLimit,
      minBlockScore: this.minBlockScore,
      productOf: this.productOf,
      ...productSpans(this.productOf),
      keyWeights: this.keyWeights,
      postingStart: postings.start,
      postings: postings.values,
      keyStart: keys.start,
      keys: keys.values,
      groupKey: this.groupKey,
      groups: Int32Array.from(groups),
      columnGroupStart: columnGroups.start,
      columnGroups: columnGroups.values,
      limit: this.limit,
      listStart,
      family: Uint8Array.from(this.entries, e => familyId.get(e.family)!),
      families: familyNames.length,
      typeFactor,
    };
    return this.flat;
  }
}
