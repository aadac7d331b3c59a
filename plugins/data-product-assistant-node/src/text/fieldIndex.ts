/**
 * BM25 over documents with named fields (minisearch), on the toolkit's terms:
 * lemmas, identifiers whole and split, stop words dropped. A query may be
 * expanded with WordNet synonyms and derived forms of its words at a reduced
 * weight, so "client" finds a field that says "customer".
 */
import MiniSearch from 'minisearch';
import { lexicon } from './lexicon';
import { normaliseTerm, rawTerms } from './terms';

export type FieldDoc<F extends string> = { id: string } & Partial<
  Record<F, string>
>;

export interface FieldIndexOptions<F extends string> {
  fields: readonly F[];
  /** Weight of each field (default 1). */
  boost?: Partial<Record<F, number>>;
}

export interface FieldSearchOptions {
  /** Weight of lexicon expansions relative to the query's own words (0 = none; default 0). */
  expansion?: number;
  /** Prefix matching for words of at least this length (default off). */
  prefixFrom?: number;
  /** Fuzzy matching (edit distance ratio) for words of at least 6 letters (default off). */
  fuzzy?: number;
  limit?: number;
}

export interface FieldHit {
  id: string;
  score: number;
  /** Index terms of the document that matched. */
  terms: string[];
}

export class FieldIndex<F extends string> {
  private readonly search: MiniSearch<FieldDoc<F>>;

  constructor(private readonly options: FieldIndexOptions<F>) {
    this.search = new MiniSearch<FieldDoc<F>>({
      idField: 'id',
      fields: [...options.fields],
      tokenize: rawTerms,
      processTerm: normaliseTerm,
    });
  }

  add(docs: ReadonlyArray<FieldDoc<F>>): void {
    this.search.addAll([...docs]);
  }

  get size(): number {
    return this.search.documentCount;
  }

  /** Documents ranked by BM25 for the query, best first (ties by id). */
  query(text: string, options: FieldSearchOptions = {}): FieldHit[] {
    const own = new Set(
      rawTerms(text)
        .map(normaliseTerm)
        .filter((t): t is string => !!t),
    );
    const expansions = new Set<string>();
    if (options.expansion) {
      const lx = lexicon();
      for (const t of own) {
        if (/[\d_]/.test(t)) continue;
        for (const w of [...lx.synonyms(t), ...lx.derived(t)])
          if (!own.has(w)) expansions.add(w);
      }
    }
    const terms = [...own, ...expansions];
    if (!terms.length) return [];
    const results = this.search.search(terms.join(' '), {
      // minisearch reads `boost` as an object: an explicit undefined would override its default
      boost: (this.options.boost ?? {}) as Record<string, number>,
      combineWith: 'OR',
      prefix: options.prefixFrom
        ? (t: string) => t.length >= options.prefixFrom!
        : false,
      fuzzy: options.fuzzy
        ? (t: string) => (t.length >= 6 ? options.fuzzy! : false)
        : false,
      boostTerm: (t: string) => (own.has(t) ? 1 : options.expansion ?? 0),
    });
    const hits = results
      .map(r => ({ id: String(r.id), score: r.score, terms: r.terms }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return options.limit ? hits.slice(0, options.limit) : hits;
  }
}
