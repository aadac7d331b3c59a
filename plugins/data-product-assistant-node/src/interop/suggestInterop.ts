import { buildColumnEntries, type ColumnEntry } from './columnFeatures';
import { ColumnIndex, type ColumnIndexOptions } from './ColumnIndex';
import {
  evidenceFor,
  pairFeatures,
  scoreCandidate,
  scorePair,
  type PairFeatures,
} from './builtinScorer';
import { explainPair } from './explain';
import {
  defaultScanWorkers,
  scanInWorkers,
  type ParallelScanOptions,
} from './parallelScan';
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
  private refs?: [ColumnRef, ColumnRef];
  private cachedEvidence?: string[];
  private cachedFeatures?: PairFeatures;

  constructor(
    readonly a: ColumnEntry,
    readonly b: ColumnEntry,
    readonly kind: RelationshipKind,
    readonly confidence: number,
    /** The scorer's log-odds: ranks pairs whose confidence rounds to the same value. */
    readonly logit: number,
    /** The pair's features; recomputed on first read when not given (full scans keep none). */
    features?: PairFeatures,
  ) {
    this.cachedFeatures = features;
  }

  get features(): PairFeatures {
    this.cachedFeatures ??= pairFeatures(this.a, this.b);
    return this.cachedFeatures;
  }

  get from(): ColumnRef {
    this.refs ??= [ref(this.a), ref(this.b)];
    return this.refs[0];
  }

  get to(): ColumnRef {
    this.refs ??= [ref(this.a), ref(this.b)];
    return this.refs[1];
  }

  get evidence(): string[] {
    this.cachedEvidence ??= evidenceFor(this.a, this.b, this.features);
    return this.cachedEvidence;
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

const pairName = (p: RankedPair) =>
  `${p.a.product.id}.${p.a.tableInfo.table.name}.${p.a.column.name}>${p.b.product.id}.${p.b.tableInfo.table.name}.${p.b.column.name}`;

const byConfidence = (x: RankedPair, y: RankedPair) =>
  y.logit - x.logit ||
  x.a.idx - y.a.idx ||
  x.b.idx - y.b.idx ||
  pairName(x).localeCompare(pairName(y));

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
  }

  has(productId: string): boolean {
    return this.byProduct.has(productId);
  }

  get productIds(): string[] {
    return [...this.byProduct.keys()];
  }

  /** Scores a pair; with `orient`, the referencing column comes first and the key it refers to second. */
  private score(
    a: ColumnEntry,
    b: ColumnEntry,
    includeNone = false,
    orient = false,
  ): RankedPair | undefined {
    const s = includeNone ? scorePair(a, b) : scoreCandidate(a, b);
    if (!s) return undefined;
    const [from, to] =
      orient && a.keyKind === 'unique' && b.keyKind !== 'unique'
        ? [b, a]
        : [a, b];
    // scoreCandidate's features are a scratch record: not kept, recomputed on demand
    return new RankedPair(
      from,
      to,
      s.kind,
      Math.round(s.confidence * 1000) / 1000,
      s.logit,
      includeNone ? s.features : undefined,
    );
  }

  /** Scored candidate pairs involving one product (the product is always `from`). */
  rankFor(
    productId: string,
    options: { includeNone?: boolean } = {},
  ): { pairs: RankedPair[]; stats: InteropStats } {
    const own = this.byProduct.get(productId);
    if (!own) throw new Error(`unknown data product ${productId}`);
    const pairs: RankedPair[] = [];
    let compared = 0;
    for (const a of own) {
      for (const j of this.index.candidates(a.idx)) {
        compared++;
        const p = this.score(a, this.entries[j], options.includeNone);
        if (p) pairs.push(p);
      }
    }
    pairs.sort(byConfidence);
    return {
      pairs,
      stats: {
        columns: this.entries.length,
        candidatePairs: compared,
        allPairs: own.length * (this.entries.length - own.length),
      },
    };
  }

  /** Suggestions for one product: only pairs that involve it. */
  suggestFor(productId: string, options: SuggestOptions = {}): InteropResult {
    const { pairs, stats } = this.rankFor(productId, options);
    return { suggestions: this.finish(pairs, options), stats };
  }

  /**
   * Every relationship in the catalog, each pair once. A pair is scored when
   * either column has the other among its blocking candidates.
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
    const lists: Int32Array[] = new Array(n);
    for (let i = 0; i < n; i++) lists[i] = this.index.candidates(i);
    const pairs: RankedPair[] = [];
    let compared = 0;
    for (let i = 0; i < n; i++) {
      for (const j of lists[i]) {
        // the pair (i, j) is scored once: from the lower index, or from i when j did not list i
        if (j < i && lists[j].includes(i)) continue;
        compared++;
        const p = this.score(
          this.entries[Math.min(i, j)],
          this.entries[Math.max(i, j)],
          options.includeNone,
          true,
        );
        if (p) pairs.push(p);
      }
    }
    pairs.sort(byConfidence);
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
    // best first in byConfidence's order (logit, then the oriented column
    // indices: its name tie-break never applies, as no pair comes twice);
    // oriented by the workers as score() orients, rounded as score() rounds
    const { from, to, kind, kinds, confidence, logit } = scan.pairs;
    const pairs: RankedPair[] = new Array(from.length);
    for (let k = 0; k < from.length; k++) {
      pairs[k] = new RankedPair(
        this.entries[from[k]],
        this.entries[to[k]],
        kinds[kind[k]] as RelationshipKind,
        Math.round(confidence[k] * 1000) / 1000,
        logit[k],
      );
    }
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
    const pairs: RankedPair[] = [];
    let compared = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (this.entries[i].productIdx === this.entries[j].productIdx) continue;
        compared++;
        const p = this.score(
          this.entries[i],
          this.entries[j],
          options.includeNone,
          true,
        );
        if (p) pairs.push(p);
      }
    }
    pairs.sort(byConfidence);
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
