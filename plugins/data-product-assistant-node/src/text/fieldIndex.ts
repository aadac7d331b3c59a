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
  /** Prefix matching for the query's own words of at least this length (default off). */
  prefixFrom?: number;
  /** Fuzzy matching (edit distance ratio) for the query's own words of at least 6 letters (default off). */
  fuzzy?: number;
  limit?: number;
}

export interface FieldHit {
  id: string;
  score: number;
  /** Index terms of the document that matched. */
  terms: string[];
}

export interface WeightedTerm {
  term: string;
  /** 1 for the query's own words, the expansion weight for the lexicon's. */
  weight: number;
}

/**
 * A query's terms with their WordNet synonyms and derived forms (words with
 * digits or underscores are names and are not expanded), expansions at
 * `expansion` weight; none when it is 0.
 */
export function expandQuery(
  own: Iterable<string>,
  expansion: number,
): WeightedTerm[] {
  const mine = new Set(own);
  const out: WeightedTerm[] = [...mine].map(term => ({ term, weight: 1 }));
  if (!expansion) return out;
  const lx = lexicon();
  const seen = new Set(mine);
  for (const t of mine) {
    if (/[\d_]/.test(t)) continue;
    for (const w of [...lx.synonyms(t), ...lx.derived(t)])
      if (!seen.has(w)) {
        seen.add(w);
        out.push({ term: w, weight: expansion });
      }
  }
  return out;
}

/** A text's terms as the index reads them. */
const terms = (text: string) =>
  rawTerms(text)
    .map(normaliseTerm)
    .filter((t): t is string => !!t);

export class FieldIndex<F extends string> {
  private readonly search: MiniSearch<FieldDoc<F>>;
  /** Every term of the documents. */
  private readonly vocabulary = new Set<string>();

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
    for (const doc of docs)
      for (const f of this.options.fields)
        for (const t of terms(doc[f] ?? '')) this.vocabulary.add(t);
  }

  get size(): number {
    return this.search.documentCount;
  }

  /** Documents ranked by BM25 for the query, best first (ties by id). */
  query(text: string, options: FieldSearchOptions = {}): FieldHit[] {
    const own = new Set(terms(text));
    const expanded = expandQuery(own, options.expansion ?? 0).map(q => q.term);
    if (!expanded.length) return [];
    // An expansion matches exactly or not at all (prefix and fuzzy matching are the query's
    // own words'): one the documents lack adds nothing, and most synonyms are such, so they
    // are left out before the search, which then takes the terms as they are.
    const query = terms(expanded.join(' ')).filter(
      t => own.has(t) || this.vocabulary.has(t),
    );
    const results = this.search.search(query.join(' '), {
      tokenize: (q: string) => q.split(' '),
      processTerm: (t: string) => t,
      // minisearch reads `boost` as an object: an explicit undefined would override its default
      boost: (this.options.boost ?? {}) as Record<string, number>,
      combineWith: 'OR',
      // prefix and fuzzy matching for the query's own words only: an expansion is already a variant
      prefix: options.prefixFrom
        ? (t: string) => own.has(t) && t.length >= options.prefixFrom!
        : false,
      fuzzy: options.fuzzy
        ? (t: string) => (own.has(t) && t.length >= 6 ? options.fuzzy! : false)
        : false,
      boostTerm: (t: string) => (own.has(t) ? 1 : options.expansion ?? 0),
    });
    const hits = results
      .map(r => ({ id: String(r.id), score: r.score, terms: r.terms }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return options.limit ? hits.slice(0, options.limit) : hits;
  }
}
