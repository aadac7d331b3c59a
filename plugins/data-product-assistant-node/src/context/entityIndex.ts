/**
 * Tables and columns as fielded documents, ranked for a question by BM25
 * (name, description, code list and context fields, weighted; WordNet
 * expansion of the question's words at half weight) and judged by coverage:
 * the share of the question's topic words, each weighted by how specific it is,
 * that the entity's name, business name, description or code list says (same
 * lemma, stem, WordNet synonym or derived form, prefix, or an abbreviation in
 * its name). A topic word no candidate says is what makes weak evidence weak:
 * "the fax column" of a table without one matches `accountnumber` on "number"
 * only, and coverage says so.
 *
 * The documents are the tables and columns of the facts given (a request's
 * packed context, a few dozen): a column's document is kept per fact, a table's
 * is put together per facts array from its own and its columns'.
 */
import type { Fact } from '../models/types';
import {
  abbreviates,
  bm25,
  contentTerms,
  expandQuery,
  lexicon,
  normaliseTerm,
  rawTerms,
  splitIdentifier,
  stem,
  type TermDoc,
} from '../text';
import { codeList } from './codeList';
import { columnParts, tableParts } from './factParts';

type Field = 'name' | 'description' | 'codes' | 'context';

const BOOST: Record<Field, number> = {
  name: 3,
  description: 1.5,
  codes: 0.6,
  context: 0.5,
};

interface EntityDoc extends TermDoc<Field> {
  fact: Fact;
  /** Every term the entity says. */
  terms: Set<string>;
  stems: Set<string>;
  /** Words of its names only (abbreviations are looked for here). */
  nameTerms: Set<string>;
  /** Words it says only through its parts (a table through its columns' descriptions): half credit. */
  weakTerms: Set<string>;
  /** Two-word phrases it says, apart and together (`last name`, `lastname`), for WordNet's compounds. */
  phrases: Set<string>;
  /** WordNet synonyms of its terms per part of speech, worked out on first use. */
  neighbours?: { n: Set<string>; v: Set<string> };
}

export interface RankedEntity {
  fact: Fact;
  /** BM25 score among the entities of the same kind given. */
  score: number;
  /** Weighted share of the topic words the entity says, in [0, 1]. */
  coverage: number;
  /** Topic words it does not fully say. */
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

/** Index terms of a text, repeated as often as they occur. */
const termsOf = (text: string): string[] =>
  rawTerms(text)
    .map(normaliseTerm)
    .filter((t): t is string => !!t);

/** Words of a name: the name itself and its parts (`perassemblyqty` → per, assembly, qty). */
const nameWords = (name: string | undefined) =>
  name ? `${name} ${splitIdentifier(name).join(' ')}` : '';

/** Adjacent word pairs of texts, written apart and together: `postal code`, `postalcode`. */
function phrasesOf(...texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    const raw = rawTerms(text);
    for (let i = 0; i + 1 < raw.length; i++) {
      const first = raw[i].toLowerCase();
      const second = normaliseTerm(raw[i + 1]);
      if (!second || !normaliseTerm(first)) continue;
      out.add(`${first} ${second}`);
      out.add(`${first}${second}`);
    }
  }
  return out;
}

function stemsOf(terms: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of terms) if (t.length > 3) out.add(stem(t));
  return out;
}

const columnDocs = new WeakMap<Fact, EntityDoc | null>();

function columnDoc(fact: Fact): EntityDoc | undefined {
  const hit = columnDocs.get(fact);
  if (hit !== undefined) return hit ?? undefined;
  const c = columnParts(fact);
  let doc: EntityDoc | undefined;
  if (c) {
    const names = `${nameWords(c.column)} ${c.businessName ?? ''}`;
    const codes = codeList(c.description)
      .map(x => `${x.code} ${x.meaning}`)
      .join(' ');
    const table = nameWords(c.table);
    const fields = {
      name: termsOf(names),
      description: termsOf(c.description),
      codes: termsOf(codes),
      context: termsOf(table),
    };
    // a column says what its names, description and codes say; its table's name only weakly
    const terms = new Set([
      ...fields.name,
      ...fields.description,
      ...fields.codes,
    ]);
    doc = {
      id: fact.id,
      fact,
      fields,
      terms,
      stems: stemsOf(terms),
      nameTerms: new Set(contentTerms(names)),
      weakTerms: new Set(fields.context.filter(t => !terms.has(t))),
      phrases: phrasesOf(names, c.description),
    };
  }
  columnDocs.set(fact, doc ?? null);
  return doc;
}

const tableDocs = new WeakMap<
  Fact,
  { columns: string; doc: EntityDoc | null }
>();

/** A table's document, kept per fact for as long as it comes with the same columns. */
function tableDoc(
  fact: Fact,
  columns: readonly EntityDoc[],
): EntityDoc | undefined {
  const key = columns.map(c => c.id).join('\n');
  const hit = tableDocs.get(fact);
  if (hit?.columns === key) return hit.doc ?? undefined;
  const doc = buildTableDoc(fact, columns);
  tableDocs.set(fact, { columns: key, doc: doc ?? null });
  return doc;
}

/** A table's document: its names and description, its columns' names as context, their descriptions said weakly. */
function buildTableDoc(
  fact: Fact,
  columns: readonly EntityDoc[],
): EntityDoc | undefined {
  const t = tableParts(fact);
  if (!t) return undefined;
  const names = [
    nameWords(t.table),
    t.businessName ?? '',
    nameWords(t.physicalName),
  ].join(' ');
  const fields = {
    name: termsOf(names),
    description: termsOf([t.description, t.grain].filter(Boolean).join(' ')),
    codes: [],
    context: columns.flatMap(c => c.fields.name ?? []),
  };
  const terms = new Set([
    ...fields.name,
    ...fields.description,
    ...fields.context,
  ]);
  const weakTerms = new Set<string>();
  for (const c of columns)
    for (const w of c.fields.description ?? [])
      if (!terms.has(w)) weakTerms.add(w);
  return {
    id: fact.id,
    fact,
    fields,
    terms,
    stems: stemsOf(terms),
    nameTerms: new Set(contentTerms(names)),
    weakTerms,
    phrases: phrasesOf(names, t.description),
  };
}

interface Entities {
  tables: EntityDoc[];
  columns: EntityDoc[];
}

const entitySets = new WeakMap<readonly Fact[], Entities>();

function entities(facts: readonly Fact[]): Entities {
  let e = entitySets.get(facts);
  if (!e) {
    const columns = facts.map(columnDoc).filter((d): d is EntityDoc => !!d);
    const byTable = new Map<string, EntityDoc[]>();
    for (const c of columns) {
      const table = c.fact.table!;
      byTable.set(table, [...(byTable.get(table) ?? []), c]);
    }
    const tables = facts
      .filter(f => f.kind === 'table')
      .map(f => tableDoc(f, byTable.get(f.table ?? '') ?? []))
      .filter((d): d is EntityDoc => !!d);
    e = { tables, columns };
    entitySets.set(facts, e);
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
 * through its parts or its whole (a table through its columns' descriptions, a
 * column through its table's name) or that shares
 * a synonym with one of its words in the same part of speech (`build` ~
 * construct ~ `manufacture`); else 0.
 */
function neighbours(doc: EntityDoc): { n: Set<string>; v: Set<string> } {
  if (!doc.neighbours) {
    const lx = lexicon();
    const n = new Set<string>();
    const v = new Set<string>();
    for (const t of doc.terms) {
      if (/\d/.test(t)) continue;
      for (const w of lx.synonyms(t, { pos: 'n' })) n.add(w);
      for (const w of lx.synonyms(t, { pos: 'v' })) v.add(w);
    }
    doc.neighbours = { n, v };
  }
  return doc.neighbours;
}

function says(doc: EntityDoc, term: string): number {
  if (doc.terms.has(term)) return 1;
  if (term.length > 3 && doc.stems.has(stem(term))) return 1;
  const lx = lexicon();
  for (const w of lx.family(term)) if (doc.terms.has(w)) return 1;
  // things are named by nouns: a noun synonym either way round (`amount` ~ `total`)
  for (const w of lx.synonyms(term, { pos: 'n' }))
    if (doc.terms.has(w)) return 1;
  const near = neighbours(doc);
  if (near.n.has(term)) return 1;
  // a compound it writes as two words or one (`surname` ~ last name, `salesperson` ~ sales person)
  if (doc.phrases.has(term)) return 1;
  for (const w of lx.synonyms(term, { pos: 'n', phrases: true }))
    if (w.includes(' ') && doc.phrases.has(w)) return 1;
  if (term.length >= 4)
    for (const t of doc.terms)
      if (t.length >= 4 && (t.startsWith(term) || term.startsWith(t))) return 1;
  for (const t of doc.nameTerms)
    if (t.length >= 3 && t.length < term.length && abbreviates(t, term))
      return 1;
  if (doc.weakTerms.has(term)) return 0.5;
  // one step further, within one part of speech: a shared synonym of their two commonest senses
  if (!/\d/.test(term))
    for (const pos of ['n', 'v'] as const)
      for (const w of lx.synonyms(term, { pos }))
        if (doc.terms.has(w) || near[pos].has(w)) return 0.5;
  if (near.v.has(term)) return 0.5;
  return 0;
}

/**
 * Adjacent topic words WordNet knows as one compound (`zip code`, `sales
 * rep`), by the position of their first word; the plural first word of a
 * compound is lemmatised away in the topic, so both spellings are tried.
 */
function compoundsOf(topic: readonly string[]): Map<number, string> {
  const lx = lexicon();
  const out = new Map<number, string>();
  for (let i = 0; i + 1 < topic.length; i++) {
    const [a, b] = [topic[i], topic[i + 1]];
    const known = [`${a} ${b}`, `${a}s ${b}`].find(p =>
      lx.isWord(p.replace(' ', '_')),
    );
    if (known) out.set(i, known);
  }
  return out;
}

/** Whether an entity says a compound: the phrase itself or a WordNet synonym of it, apart or together. */
function saysCompound(doc: EntityDoc, compound: string): boolean {
  const lx = lexicon();
  const own = compound.split(' ');
  for (const w of [
    compound,
    ...lx.synonyms(compound.replace(' ', '_'), { pos: 'n', phrases: true }),
  ]) {
    // `number` for phone number says one of its words, not the compound
    if (own.includes(w)) continue;
    if (doc.phrases.has(w) || doc.terms.has(w)) return true;
  }
  return false;
}

/** Coverage of topic words by one entity; a compound it says covers both its words. */
function coverageOf(
  doc: EntityDoc,
  topic: readonly string[],
  compounds: ReadonlyMap<number, string>,
): { coverage: number; missing: string[] } {
  let total = 0;
  let covered = 0;
  const missing: string[] = [];
  for (let i = 0; i < topic.length; i++) {
    const compound = compounds.get(i);
    if (compound && saysCompound(doc, compound)) {
      const w = specificity(topic[i]) + specificity(topic[i + 1]);
      total += w;
      covered += w;
      i++;
      continue;
    }
    const t = topic[i];
    const w = specificity(t);
    total += w;
    const said = says(doc, t);
    covered += w * said;
    if (said < 1) missing.push(t);
  }
  return { coverage: total ? covered / total : 0, missing };
}

/**
 * Tables or columns ranked for topic words: by coverage, then BM25. Entities
 * that say none of the topic are left out.
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
  const docs = (query.kind === 'table' ? e.tables : e.columns).filter(
    d => !tables || tables.has(d.fact.table ?? ''),
  );
  const scores = bm25(expandQuery(words, 0.5), docs, BOOST);
  const compounds = compoundsOf(words);
  const out: RankedEntity[] = [];
  for (const doc of docs) {
    const c = coverageOf(doc, words, compounds);
    if (c.coverage === 0) continue;
    out.push({ fact: doc.fact, score: scores.get(doc.id) ?? 0, ...c });
  }
  out.sort(
    (a, b) =>
      b.coverage - a.coverage ||
      b.score - a.score ||
      a.fact.id.localeCompare(b.fact.id),
  );
  return query.limit ? out.slice(0, query.limit) : out;
}
