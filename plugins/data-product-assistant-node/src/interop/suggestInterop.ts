import { buildColumnEntries, type ColumnEntry } from './columnFeatures';
import { ColumnIndex, type ColumnIndexOptions } from './ColumnIndex';
import { evidenceFor, scorePair } from './builtinScorer';
import { explainPair } from './explain';
import { productLookup, validateSuggestion, type ProductLookup } from './validateSuggestion';
import type {
  ColumnRef,
  InteropProduct,
  InteropResult,
  InteropStats,
  InteropSuggestion,
  ScoredPair,
} from './types';

export interface SuggestOptions {
  /** At most this many suggestions (best first); all when omitted. */
  top?: number;
  /** Include `none` pairs (for ranking and evaluation); default false. */
  includeNone?: boolean;
}

/** A scored pair with the entries it came from, before explanation. */
export interface RankedPair extends ScoredPair {
  a: ColumnEntry;
  b: ColumnEntry;
}

const ref = (e: ColumnEntry): ColumnRef => ({
  product: e.product.id,
  table: e.tableInfo.table.name,
  column: e.column.name,
});

const byConfidence = (x: ScoredPair, y: ScoredPair) =>
  y.confidence - x.confidence ||
  `${x.from.product}.${x.from.table}.${x.from.column}>${x.to.product}.${x.to.table}.${x.to.column}`.localeCompare(
    `${y.from.product}.${y.from.table}.${y.from.column}>${y.to.product}.${y.to.table}.${y.to.column}`,
  );

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
    this.lookup = productLookup(built.products.map(p => ({ id: p.id, domain: p.domain, contract: p.contract })));
    this.productSizes = built.products.map(p => this.byProduct.get(p.id)?.length ?? 0);
  }

  has(productId: string): boolean {
    return this.byProduct.has(productId);
  }

  get productIds(): string[] {
    return [...this.byProduct.keys()];
  }

  private score(a: ColumnEntry, b: ColumnEntry, includeNone = false): RankedPair | undefined {
    const s = scorePair(a, b);
    if (s.kind === 'none' && !includeNone) return undefined;
    return {
      a,
      b,
      from: ref(a),
      to: ref(b),
      kind: s.kind,
      confidence: Math.round(s.confidence * 1000) / 1000,
      evidence: s.kind === 'none' && !includeNone ? [] : evidenceFor(a, b, s.features),
    };
  }

  /** Scored candidate pairs involving one product (the product is always `from`). */
  rankFor(productId: string, options: { includeNone?: boolean } = {}): { pairs: RankedPair[]; stats: InteropStats } {
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

  /** The full scan before explanation: scored pairs (kind ≠ none unless asked) and the comparison count. */
  scanPairs(options: { includeNone?: boolean } = {}): { pairs: RankedPair[]; stats: InteropStats } {
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
        const [x, y] = this.orient(this.entries[i], this.entries[j]);
        const p = this.score(x, y, options.includeNone);
        if (p) pairs.push(p);
      }
    }
    pairs.sort(byConfidence);
    let sumSq = 0;
    for (const s of this.productSizes) sumSq += s * s;
    return { pairs, stats: { columns: n, candidatePairs: compared, allPairs: (n * n - sumSq) / 2 } };
  }

  /** Referencing column first, the key it refers to second; otherwise catalog order. */
  private orient(a: ColumnEntry, b: ColumnEntry): [ColumnEntry, ColumnEntry] {
    if (a.keyKind === 'unique' && b.keyKind !== 'unique') return [b, a];
    if (b.keyKind === 'unique' && a.keyKind !== 'unique') return [a, b];
    return a.idx <= b.idx ? [a, b] : [b, a];
  }

  /** Brute force over every cross-product pair (for tests and the bench's recall baseline only). */
  allPairsScan(options: { includeNone?: boolean } = {}): { pairs: RankedPair[]; stats: InteropStats } {
    const n = this.entries.length;
    const pairs: RankedPair[] = [];
    let compared = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (this.entries[i].productIdx === this.entries[j].productIdx) continue;
        compared++;
        const [x, y] = this.orient(this.entries[i], this.entries[j]);
        const p = this.score(x, y, options.includeNone);
        if (p) pairs.push(p);
      }
    }
    pairs.sort(byConfidence);
    return { pairs, stats: { columns: n, candidatePairs: compared, allPairs: compared } };
  }

  /** Explains and validates one scored pair. */
  explain(pair: RankedPair): InteropSuggestion {
    const explanation = explainPair(pair.a, pair.b, pair.kind, pair.confidence);
    const base: ScoredPair = {
      from: pair.from,
      to: pair.to,
      kind: pair.kind,
      confidence: pair.confidence,
      evidence: pair.evidence,
    };
    return { ...base, explanation, validation: validateSuggestion({ ...base, explanation }, this.lookup) };
  }

  private finish(pairs: RankedPair[], options: SuggestOptions): InteropSuggestion[] {
    const top = options.top !== undefined ? pairs.slice(0, Math.max(0, options.top)) : pairs;
    return top.map(p => this.explain(p));
  }
}

/** Builds the reusable index (the backend builds once and queries per product). */
export function buildInteropIndex(products: InteropProduct[], options?: ColumnIndexOptions): InteropIndex {
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
  if (input.product !== undefined) return index.suggestFor(input.product, { top: input.top });
  return index.fullScan({ top: input.top });
}
