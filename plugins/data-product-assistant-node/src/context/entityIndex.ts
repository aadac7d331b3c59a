/**
 * Tables and columns as fielded documents, ranked for a question by BM25
 * (the toolkit's FieldIndex, with lexicon expansion) and judged by coverage:
 * the share of the question's topic words, each weighted by how specific it is,
 * that the entity's name, business name, description or code list says (same
 * lemma, stem, WordNet synonym or derived form, prefix, or an abbreviation in
 * its name). A topic word no candidate says is what makes weak evidence weak:
 * "the fax column" of a table without one matches `accountnumber` on "number"
 * only, and coverage says so. One index per facts array (WeakMap).
 */
import type { Fact } from '../models/types';
import {
  abbreviates,
  contentTerms,
  FieldIndex,
  lexicon,
  splitIdentifier,
  stem,
} from '../text';
import { codeList } from './codeList';
import { columnParts, tableParts } from './factParts';

type Field = 'name' | 'description' | 'codes' | 'context';

interface EntityDoc {
  fact: Fact;
  /** Every index term of the entity. */
  terms: Set<string>;
  stems: Set<string>;
  /** Words of its names only (abbreviations are looked for here). */
  nameTerms: Set<string>;
  /** Words it says only through its parts (a table through its columns' descriptions): half credit. */
  weakTerms: Set<string>;
}

export interface RankedEntity {
  fact: Fact;
  /** BM25 score (fields weighted, lexicon expansion at half weight). */
  score: number;
  /** Weighted share of the topic words the entity says, in [0, 1]. */
  coverage: number;
  /** Topic words it does not say. */
  missing: string[];
}

export interface EntityQuery {
  kind: 'table' | 'column';
  /** Only entities of these tables. */
  tables?: readonly string[];
  /** Words left out of the topic (e.g. the names of tables the question already named). */
  ignore?: ReadonlySet<string>;
  limit?: number;
}

const BOOST: Record<Field, number> = {
  name: 3,
  description: 1.5,
  codes: 0.6,
  context: 0.5,
};

/** Words of a name: the name itself and its parts (`perassemblyqty` → per, assembly, qty). */
const nameWords = (name: string | undefined) =>
  name ? `${name} ${splitIdentifier(name).join(' ')}` : '';

class Entities {
  readonly index = new FieldIndex<Field>({
    fields: ['name', 'description', 'codes', 'context'],
    boost: BOOST,
  });
  readonly docs = new Map<string, EntityDoc>();

  constructor(facts: readonly Fact[]) {
    const byTable = new Map<string, string[]>();
    const described = new Map<string, string[]>();
    for (const f of facts) {
      const c = columnParts(f);
      if (c) {
        const list = byTable.get(c.table) ?? [];
        list.push(nameWords(c.column), c.businessName ?? '');
        byTable.set(c.table, list);
        described.set(c.table, [
          ...(described.get(c.table) ?? []),
          c.description,
        ]);
      }
    }
    const add = (
      fact: Fact,
      fields: Record<Field, string>,
      names: string,
      said: string,
      weak = '',
    ): void => {
      this.index.add([{ id: fact.id, ...fields }]);
      const terms = new Set(contentTerms(said));
      const stems = new Set<string>();
      for (const t of terms) if (t.length > 3) stems.add(stem(t));
      this.docs.set(fact.id, {
        fact,
        terms,
        stems,
        nameTerms: new Set(contentTerms(names)),
        weakTerms: new Set(contentTerms(weak)),
      });
    };
    for (const f of facts) {
      const t = tableParts(f);
      if (t) {
        const names = [
          nameWords(t.table),
          t.businessName ?? '',
          nameWords(t.physicalName),
        ].join(' ');
        const description = [t.description, t.grain].filter(Boolean).join(' ');
        const columns = (byTable.get(t.table) ?? []).join(' ');
        // a table says what its name, description and its columns' names say
        add(
          f,
          { name: names, description, codes: '', context: columns },
          names,
          `${names} ${description} ${columns}`,
          (described.get(t.table) ?? []).join(' '),
        );
        continue;
      }
      const c = columnParts(f);
      if (c) {
        const names = [nameWords(c.column), c.businessName ?? ''].join(' ');
        const codes = codeList(c.description)
          .map(x => `${x.code} ${x.meaning}`)
          .join(' ');
        const table = nameWords(c.table);
        // a column says what its names, description and codes say, in its table
        add(
          f,
          { name: names, description: c.description, codes, context: table },
          names,
          `${names} ${c.description} ${codes} ${table}`,
        );
      }
    }
  }
}

const indexes = new WeakMap<readonly Fact[], Entities>();

function entities(facts: readonly Fact[]): Entities {
  let e = indexes.get(facts);
  if (!e) {
    e = new Entities(facts);
    indexes.set(facts, e);
  }
  return e;
}

/**
 * How much a word says about what is asked: rare, specific words more than
 * common, many-sensed ones (`fax` 1, `number` ~0.3); words WordNet does not
 * know (codes, acronyms, names) count fully.
 */
export function specificity(term: string): number {
  if (/\d/.test(term)) return 0.5;
  return 1 / (1 + Math.log(1 + lexicon().frequency(term)));
}

/**
 * How fully an entity says a topic word: 1 for the same lemma or stem, a
 * synonym in the word's commonest sense, a noun synonym of either word's two
 * commonest noun senses (`amount` ~ `total`), a derived form, a prefix, or an
 * abbreviation in its names (`qty` for quantity); 0.5 for a word it says only
 * through its parts (a table through its columns' descriptions) or that shares
 * a synonym with one of its words in the same part of speech (`build` ~
 * construct ~ `manufacture`, `amount` ~ sum ~ `total`); else 0.
 */
function says(doc: EntityDoc, term: string): number {
  if (doc.terms.has(term)) return 1;
  if (term.length > 3 && doc.stems.has(stem(term))) return 1;
  const lx = lexicon();
  for (const w of lx.family(term)) if (doc.terms.has(w)) return 1;
  // things are named by nouns: a noun synonym either way round (`amount` ~ `total`)
  const nouns = lx.synonyms(term, { pos: 'n' });
  for (const w of nouns) if (doc.terms.has(w)) return 1;
  for (const t of doc.terms)
    if (!/\d/.test(t) && lx.synonyms(t, { pos: 'n' }).includes(term)) return 1;
  if (term.length >= 4)
    for (const t of doc.terms)
      if (t.length >= 4 && (t.startsWith(term) || term.startsWith(t))) return 1;
  for (const t of doc.nameTerms)
    if (t.length >= 3 && t.length < term.length && abbreviates(t, term))
      return 1;
  if (doc.weakTerms.has(term)) return 0.5;
  // one step further, within one part of speech: a shared synonym of their two commonest senses
  if (!/\d/.test(term))
    for (const pos of ['n', 'v'] as const) {
      const mine = lx.synonyms(term, { pos });
      if (!mine.length) continue;
      const near = new Set([term, ...mine]);
      for (const t of doc.terms) {
        if (/\d/.test(t)) continue;
        if (near.has(t)) return 0.5;
        for (const w of lx.synonyms(t, { pos })) if (near.has(w)) return 0.5;
      }
    }
  return 0;
}

/** Coverage of topic words by one entity. */
function coverageOf(
  doc: EntityDoc,
  topic: readonly string[],
): { coverage: number; missing: string[] } {
  let total = 0;
  let covered = 0;
  const missing: string[] = [];
  for (const t of topic) {
    const w = specificity(t);
    total += w;
    const said = says(doc, t);
    covered += w * said;
    if (said < 1) missing.push(t);
  }
  return { coverage: total ? covered / total : 0, missing };
}

/**
 * Tables or columns ranked for topic words: BM25 candidates, then ordered by
 * coverage (ties by BM25). Entities that say none of the topic are left out.
 */
export function rankEntities(
  facts: readonly Fact[],
  topic: readonly string[],
  query: EntityQuery,
): RankedEntity[] {
  const words = topic.filter(t => !query.ignore?.has(t));
  if (!words.length) return [];
  const e = entities(facts);
  const tables = query.tables?.length ? new Set(query.tables) : undefined;
  const hits = e.index.query(words.join(' '), {
    expansion: 0.5,
    prefixFrom: 4,
  });
  const out: RankedEntity[] = [];
  for (const h of hits) {
    const doc = e.docs.get(h.id);
    if (!doc || doc.fact.kind !== query.kind) continue;
    if (tables && !tables.has(doc.fact.table ?? '')) continue;
    const c = coverageOf(doc, words);
    if (c.coverage === 0) continue;
    out.push({ fact: doc.fact, score: h.score, ...c });
    if (out.length >= 40) break;
  }
  out.sort(
    (a, b) =>
      b.coverage - a.coverage ||
      b.score - a.score ||
      a.fact.id.localeCompare(b.fact.id),
  );
  return query.limit ? out.slice(0, query.limit) : out;
}
