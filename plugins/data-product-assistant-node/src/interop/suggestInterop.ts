import {
  buildColumnEntries,
  namesTime,
  type ColumnEntry,
} from './columnFeatures';
import { ColumnIndex, type ColumnIndexOptions } from './ColumnIndex';
import { forEachGroupPair, listed } from './blockingCandidates';
import {
  evidenceFor,
  pairFeatures,
  scoreCandidate,
  scorePair,
  type PairFeatures,
} from './builtinScorer';
import { calibratedConfidence, calibratedLogOdds } from './calibration';
import { explainPair } from './explain';
import {
  defaultScanWorkers,
  scanInWorkers,
  type ParallelScanOptions,
} from './parallelScan';
import { bestFirst, selectionScores } from './selection';
import {
  CONTEXT_TABLES,
  tableAffinities,
  withTableAffinity,
} from './tableAffinity';
import {
  productLookup,
  validateSuggestion,
  type ProductLookup,
} from './validateSuggestion';
import type {
  ColumnRef,
  InteropProduct,
  InteropResult,
  InteropStats,
  InteropSuggestion,
  RelationshipKind,
  ScoredPair,
} from './types';

export interface SuggestOptions {
  /** At most this many suggestions (best first); all when omitted. */
  top?: number;
  /** Include `none` pairs (for ranking and evaluation); default false. */
  includeNone?: boolean;
}

/** A column's name as repeated across tables (case aside). */
const sameName = (e: ColumnEntry) => e.column.name.toLowerCase();

const ref = (e: ColumnEntry): ColumnRef => ({
  product: e.product.id,
  table: e.tableInfo.table.name,
  column: e.column.name,
});

/**
 * A scored pair with the entries it came from, before explanation. References
 * and evidence are built on first read, so a full scan holding millions of
 * pairs stays small.
 */
export class RankedPair implements ScoredPair {
  /** Features (when kept or recomputed) and evidence, filled on first read. */
  private cache?: { features?: PairFeatures; evidence?: string[] };

  constructor(
    readonly a: ColumnEntry,
    readonly b: ColumnEntry,
    readonly kind: RelationshipKind,
    /** Calibrated from `score` (calibration.ts), rounded to 3 decimals. */
    readonly confidence: number,
    /** The pairwise model's log-odds: the pair is suggested when ≥ 0 (builtinScorer.ts). */
    readonly logit: number,
    /** The log-odds after per-column selection (selection.ts): what pairs rank by. */
    readonly score: number,
    /** The pair's features; recomputed on first read when not given (full scans keep none). */
    features?: PairFeatures,
  ) {
    if (features) this.cache = { features };
  }

  get features(): PairFeatures {
    this.cache ??= {};
    this.cache.features ??= pairFeatures(this.a, this.b);
    return this.cache.features;
  }

  get from(): ColumnRef {
    return ref(this.a);
  }

  get to(): ColumnRef {
    return ref(this.b);
  }

  get evidence(): string[] {
    this.cache ??= {};
    this.cache.evidence ??= evidenceFor(this.a, this.b, this.features);
    return this.cache.evidence;
  }

  /** The plain suggestion fields (what JSON output carries). */
  toScoredPair(): ScoredPair {
    return {
      from: this.from,
      to: this.to,
      kind: this.kind,
      confidence: this.confidence,
      evidence: this.evidence,
    };
  }
}

/** Scored pairs before selection: oriented column indices, kind (an index into `kinds`), log-odds, features when kept. */
interface RawPairs {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  kind: ArrayLike<number>;
  kinds: readonly string[];
  logit: ArrayLike<number>;
  features?: PairFeatures[];
}

const KINDS: readonly RelationshipKind[] = ['join-key', 'same-concept', 'none'];

/** Raw pairs collected by pushing. */
interface RawBuilder extends RawPairs {
  a: number[];
  b: number[];
  kind: number[];
  logit: number[];
}

const rawPairs = (keepFeatures: boolean): RawBuilder => ({
  a: [],
  b: [],
  kind: [],
  kinds: KINDS,
  logit: [],
  features: keepFeatures ? [] : undefined,
});

/**
 * Built once over a catalog, queried per product (backend cache) or scanned
 * in full (scheduled refresh). Candidates always come from the blocking
 * index; `stats.candidatePairs` counts the pairs the scorer saw.
 */
export class InteropIndex {
  readonly entries: ColumnEntry[];
  readonly index: ColumnIndex;
  private readonly byProduct = new Map<string, ColumnEntry[]>();
  private readonly lookup: ProductLookup;
  private readonly productSizes: number[];
  private readonly productOf: Int32Array;
  /** 1 for columns without structural evidence. */
  private readonly bare: Uint8Array;
  /** 1 for columns whose name says they hold a time (`namesTime`; selection.ts). */
  private readonly time: Uint8Array;
  /** Table of each column (index into the built tables) and each table's column count. */
  private readonly tableOf: Int32Array;
  private readonly tableSize: Int32Array;
  private readonly tableColumns: ColumnEntry[][];
  /** Columns of a name a product repeats in several tables, by `nameKey` (built on first use). */
  private repeatedNames?: Map<string, number[]>;

  constructor(products: InteropProduct[], options: ColumnIndexOptions = {}) {
    const seen = new Set<string>();
    for (const p of products) {
      if (seen.has(p.id)) throw new Error(`duplicate data product id ${p.id}`);
      seen.add(p.id);
    }
    const built = buildColumnEntries(products);
    this.entries = built.entries;
    this.index = new ColumnIndex(this.entries, options);
    for (const e of this.entries) {
      const list = this.byProduct.get(e.product.id) ?? [];
      list.push(e);
      this.byProduct.set(e.product.id, list);
    }
    this.lookup = productLookup(
      built.products.map(p => ({
        id: p.id,
        domain: p.domain,
        contract: p.contract,
      })),
    );
    this.productSizes = built.products.map(
      p => this.byProduct.get(p.id)?.length ?? 0,
    );
    this.productOf = Int32Array.from(this.entries, e => e.productIdx);
    this.bare = Uint8Array.from(this.entries, e => (e.bare ? 1 : 0));
    this.time = Uint8Array.from(this.entries, e => (namesTime(e) ? 1 : 0));
    const tableIdx = new Map(built.tables.map((t, k) => [t, k]));
    this.tableOf = Int32Array.from(
      this.entries,
      e => tableIdx.get(e.tableInfo)!,
    );
    this.tableSize = new Int32Array(built.tables.length);
    this.tableColumns = built.tables.map(() => []);
    for (const e of this.entries) {
      this.tableSize[this.tableOf[e.idx]]++;
      this.tableColumns[this.tableOf[e.idx]].push(e);
    }
  }

  private nameKey(e: ColumnEntry): string {
    return `${e.productIdx} ${sameName(e)}`;
  }

  /** The other columns named like `e` in its product (itself included), when there are any. */
  private namedAlike(e: ColumnEntry): readonly number[] | undefined {
    if (!this.repeatedNames) {
      const byName = new Map<string, number[]>();
      for (const c of this.entries) {
        const key = this.nameKey(c);
        const list = byName.get(key);
        if (list) list.push(c.idx);
        else byName.set(key, [c.idx]);
      }
      for (const [key, list] of byName) if (list.length < 2) byName.delete(key);
      this.repeatedNames = byName;
    }
    return this.repeatedNames.get(this.nameKey(e));
  }

  has(productId: string): boolean {
    return this.byProduct.has(productId);
  }

  get productIds(): string[] {
    return [...this.byProduct.keys()];
  }

  /** Scores a pair into `out`; with `orient`, the referencing column comes first and the key it refers to second. */
  private score(
    out: RawBuilder,
    a: ColumnEntry,
    b: ColumnEntry,
    includeNone = false,
    orient = false,
  ): void {
    const s = includeNone ? scorePair(a, b) : scoreCandidate(a, b);
    if (!s) return;
    const swap = orient && a.keyKind === 'unique' && b.keyKind !== 'unique';
    out.a.push(swap ? b.idx : a.idx);
    out.b.push(swap ? a.idx : b.idx);
    out.kind.push(KINDS.indexOf(s.kind));
    out.logit.push(s.logit);
    // scoreCandidate's features are a scratch record: not kept, recomputed on demand
    out.features?.push(s.features);
  }

  /**
   * Ranked pairs from raw ones: table affinity (tableAffinity.ts; over the first `affinityPairs`
   * pairs, all when omitted) and selection scores (selection.ts), calibrated
   * confidence (calibration.ts), best first (`bestFirst`: calibrated log-odds
   * descending, then `from`, then `to` index).
   */
  private rank(raw: RawPairs, affinityPairs?: number): RankedPair[] {
    const n = raw.logit.length;
    const scores = selectionScores(
      {
        a: raw.a,
        b: raw.b,
        logit: withTableAffinity(
          raw,
          this.tableOf,
          this.tableSize,
          this.bare,
          affinityPairs,
        ),
      },
      this.productOf,
      this.entries.length,
      this.bare,
      this.time,
    );
    // both regimes on one scale: the calibrated log-odds
    const bare = new Uint8Array(n);
    const calibrated = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      bare[k] = this.bare[raw.a[k]] | this.bare[raw.b[k]];
      calibrated[k] = calibratedLogOdds(scores[k], bare[k] === 1);
    }
    const order = bestFirst(calibrated, raw);
    const pairs: RankedPair[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const k = order[r];
      pairs[r] = new RankedPair(
        this.entries[raw.a[k]],
        this.entries[raw.b[k]],
        raw.kinds[raw.kind[k]] as RelationshipKind,
        calibratedConfidence(scores[k], bare[k] === 1),
        raw.logit[k],
        scores[k],
        raw.features?.[k],
      );
    }
    return pairs;
  }

  /**
   * Scored pairs involving one product (the product is always `from`): its columns' blocking
   * candidates and group members, then the context tables' columns (`scoreContextTables`).
   */
  rankFor(
    productId: string,
    options: { includeNone?: boolean } = {},
  ): { pairs: RankedPair[]; stats: InteropStats } {
    const own = this.byProduct.get(productId);
    if (!own) throw new Error(`unknown data product ${productId}`);
    const raw = rawPairs(!!options.includeNone);
    let compared = 0;
    const seen = new Set<number>();
    for (const a of own) {
      const candidates = new Set(this.index.candidates(a.idx));
      for (const j of this.index.groupMembers(a.idx)) candidates.add(j);
      for (const j of candidates) {
        compared++;
        seen.add(a.idx * this.entries.length + j);
        this.score(raw, a, this.entries[j], options.includeNone);
      }
    }
    compared += this.scoreContextTables(raw, own, seen, options.includeNone);
    // the copies' pairs spread a column's share over every copy's table: affinity counts the others
    const affinityPairs = raw.logit.length;
    compared += this.scoreRepeatedNames(raw, own, seen, options.includeNone);
    return {
      pairs: this.rank(raw, affinityPairs),
      stats: {
        columns: this.entries.length,
        candidatePairs: compared,
        allPairs: own.length * (this.entries.length - own.length),
      },
    };
  }

  /**
   * Second phase of a one-product query (tableAffinity.ts): each of the product's tables is
   * compared in full with the CONTEXT_TABLES tables its scored pairs point at most, for pairs
   * with a bare column (names and descriptions only). A column named alike in many tables
   * (`customer_id`) that blocking ranked out is then still compared where the tables correspond.
   * Returns the number of pairs compared; `seen` holds those compared already (a · columns + b).
   */
  private scoreContextTables(
    raw: RawBuilder,
    own: ColumnEntry[],
    seen: Set<number>,
    includeNone = false,
  ): number {
    const affinity = tableAffinities(raw, this.tableOf, this.tableSize);
    const byTable = new Map<number, ColumnEntry[]>();
    for (const a of own) {
      const t = this.tableOf[a.idx];
      byTable.set(t, [...(byTable.get(t) ?? []), a]);
    }
    let compared = 0;
    for (const [t, columns] of byTable)
      for (const other of affinity.ranked(t).slice(0, CONTEXT_TABLES))
        for (const b of this.tableColumns[other])
          for (const a of columns) {
            if (!a.bare && !b.bare) continue;
            if (seen.has(a.idx * this.entries.length + b.idx)) continue;
            seen.add(a.idx * this.entries.length + b.idx);
            compared++;
            this.score(raw, a, b, includeNone);
          }
    return compared;
  }

  /**
   * Third phase of a one-product query: a column name repeated across the product's tables
   * (`cust_ref` in every table) is one attribute, and so is a name repeated across another
   * product's tables (`customer_id`). Each bare column of the product is compared with every
   * column a same-named column of its product was suggested with (kind not `none`), and with
   * those columns' same-named columns in other tables, so the table affinity, not blocking's
   * per-column budget, picks which copy corresponds. Returns the number of pairs compared; `seen`
   * as in `scoreContextTables`.
   */
  private scoreRepeatedNames(
    raw: RawBuilder,
    own: ColumnEntry[],
    seen: Set<number>,
    includeNone = false,
  ): number {
    const n = this.entries.length;
    const none = KINDS.indexOf('none');
    const matched = new Map<string, Set<number>>();
    const count = raw.logit.length;
    for (let k = 0; k < count; k++) {
      if (raw.kind[k] === none) continue;
      const a = this.entries[raw.a[k]];
      const b = this.entries[raw.b[k]];
      if (!a.bare && !b.bare) continue;
      let into = matched.get(sameName(a));
      if (!into) matched.set(sameName(a), (into = new Set()));
      into.add(b.idx);
      for (const j of this.namedAlike(b) ?? []) into.add(j);
    }
    let compared = 0;
    for (const a of own) {
      for (const j of matched.get(sameName(a)) ?? []) {
        const b = this.entries[j];
        if (!a.bare && !b.bare) continue;
        if (seen.has(a.idx * n + j)) continue;
        seen.add(a.idx * n + j);
        compared++;
        this.score(raw, a, b, includeNone);
      }
    }
    return compared;
  }

  /** Suggestions for one product: only pairs that involve it. */
  suggestFor(productId: string, options: SuggestOptions = {}): InteropResult {
    const { pairs, stats } = this.rankFor(productId, options);
    return { suggestions: this.finish(pairs, options), stats };
  }

  /**
   * Every relationship in the catalog, each pair once. A pair is scored when
   * either column has the other among its ranked candidates, or both share a
   * group key (ColumnIndex.ts).
   */
  fullScan(options: SuggestOptions = {}): InteropResult {
    const { pairs, stats } = this.scanPairs(options);
    return { suggestions: this.finish(pairs, options), stats };
  }

  /** `fullScan` across worker threads (see `scanPairsParallel`): the same suggestions. */
  async fullScanParallel(
    options: SuggestOptions & ParallelScanOptions = {},
  ): Promise<InteropResult> {
    const { pairs, stats } = await this.scanPairsParallel(options);
    return { suggestions: this.finish(pairs, options), stats };
  }

  /** The full scan before explanation: scored pairs (kind ≠ none unless asked) and the comparison count. */
  scanPairs(options: { includeNone?: boolean } = {}): {
    pairs: RankedPair[];
    stats: InteropStats;
  } {
    const n = this.entries.length;
    const flat = this.index.flatten();
    const lists = new Int32Array(flat.listStart[n]);
    const counts = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      // ascending, for `listed`
      const own = this.index.candidates(i).sort();
      lists.set(own, flat.listStart[i]);
      counts[i] = own.length;
    }
    const raw = rawPairs(!!options.includeNone);
    let compared = 0;
    const score = (i: number, j: number) => {
      compared++;
      this.score(
        raw,
        this.entries[i],
        this.entries[j],
        options.includeNone,
        true,
      );
    };
    for (let i = 0; i < n; i++) {
      for (let c = flat.listStart[i], end = c + counts[i]; c < end; c++) {
        const j = lists[c];
        // the pair (i, j) is scored once: from the lower index, or from i when j did not list i
        if (j < i && listed(flat, lists, counts, j, i)) continue;
        score(Math.min(i, j), Math.max(i, j));
      }
    }
    for (const key of flat.groups)
      forEachGroupPair(flat, key, lists, counts, score);
    const pairs = this.rank(raw);
    let sumSq = 0;
    for (const s of this.productSizes) sumSq += s * s;
    return {
      pairs,
      stats: {
        columns: n,
        candidatePairs: compared,
        allPairs: (n * n - sumSq) / 2,
      },
    };
  }

  /**
   * `scanPairs` split across worker threads (parallelScan.ts): the same pairs
   * with the same scores. Scans on this thread with `workers` ≤ 1, with
   * `includeNone` (kept features are not sent back), or when workers cannot
   * start (`fallback` says why); `workers` is the number of threads used.
   */
  async scanPairsParallel(
    options: { includeNone?: boolean } & ParallelScanOptions = {},
  ): Promise<{
    pairs: RankedPair[];
    stats: InteropStats;
    workers: number;
    fallback?: string;
  }> {
    const workers = options.workers ?? defaultScanWorkers();
    if (workers <= 1 || options.includeNone || !this.entries.length)
      return { ...this.scanPairs(options), workers: 1 };
    let scan;
    try {
      scan = await scanInWorkers(this.entries, this.index, {
        ...options,
        workers,
      });
    } catch (error) {
      const fallback = error instanceof Error ? error.message : String(error);
      return { ...this.scanPairs(options), workers: 1, fallback };
    }
    // oriented by the workers as score() orients; ranked as rank() ranks
    const { from, to, kind, kinds, logit } = scan.pairs;
    const pairs = this.rank({ a: from, b: to, kind, kinds, logit });
    const n = this.entries.length;
    let sumSq = 0;
    for (const s of this.productSizes) sumSq += s * s;
    return {
      pairs,
      stats: {
        columns: n,
        candidatePairs: scan.compared,
        allPairs: (n * n - sumSq) / 2,
      },
      workers: scan.workers,
    };
  }

  /** Brute force over every cross-product pair (for tests and the bench's recall baseline only). */
  allPairsScan(options: { includeNone?: boolean } = {}): {
    pairs: RankedPair[];
    stats: InteropStats;
  } {
    const n = this.entries.length;
    const raw = rawPairs(!!options.includeNone);
    let compared = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (this.entries[i].productIdx === this.entries[j].productIdx) continue;
        compared++;
        this.score(
          raw,
          this.entries[i],
          this.entries[j],
          options.includeNone,
          true,
        );
      }
    }
    const pairs = this.rank(raw);
    return {
      pairs,
      stats: { columns: n, candidatePairs: compared, allPairs: compared },
    };
  }

  /** Explains and validates one scored pair. */
  explain(pair: RankedPair): InteropSuggestion {
    const explanation = explainPair(pair.a, pair.b, pair.kind, pair.confidence);
    const base = pair.toScoredPair();
    return {
      ...base,
      explanation,
      validation: validateSuggestion({ ...base, explanation }, this.lookup),
    };
  }

  private finish(
    pairs: RankedPair[],
    options: SuggestOptions,
  ): InteropSuggestion[] {
    const top =
      options.top !== undefined
        ? pairs.slice(0, Math.max(0, options.top))
        : pairs;
    return top.map(p => this.explain(p));
  }
}

/** Builds the reusable index (the backend builds once and queries per product). */
export function buildInteropIndex(
  products: InteropProduct[],
  options?: ColumnIndexOptions,
): InteropIndex {
  return new InteropIndex(products, options);
}

export interface SuggestInteropInput {
  products: InteropProduct[];
  /** Only pairs that involve this product; all pairs when omitted. */
  product?: string;
  top?: number;
}

/** One-shot: index the products and suggest relationships (for one product or the whole catalog). */
export function suggestInterop(input: SuggestInteropInput): InteropResult {
  const index = buildInteropIndex(input.products);
  if (input.product !== undefined)
    return index.suggestFor(input.product, { top: input.top });
  return index.fullScan({ top: input.top });
}
