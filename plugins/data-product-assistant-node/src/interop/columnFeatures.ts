import type {
  ColumnProfile,
  ContractProfile,
  TableProfile,
} from '@dpa/plugin-data-product-assistant-common';
import {
  charNgrams,
  cosine,
  splitCase,
  TfIdfVocabulary,
  type SparseVector,
} from '../text';
import {
  catalogAbbreviations,
  codeList,
  relatedWords,
  relatedSet,
  familyWords,
  conceptTokens,
  tailClass,
  IDENTIFIER_TOKENS,
  IDENTIFIER_WORDS,
  isSelectiveShape,
  isSelectiveValue,
  normaliseName,
  textTerms,
  typeFamily,
  valueShape,
  type TypeFamily,
} from './text';
import { borrowDescriptions } from './borrowedDescriptions';

export { cosine, type SparseVector };

export interface ProductInfo {
  id: string;
  domain?: string;
  contract: ContractProfile;
  /** Whether any column of the product carries personal data. */
  hasPii: boolean;
}

export interface TableInfo {
  product: ProductInfo;
  table: TableProfile;
  vector: SparseVector;
  /** Single-column primary key, when there is one. */
  singleKey?: string;
}

/** Everything the index and the scorer need about one column, computed once. */
export interface ColumnEntry {
  idx: number;
  productIdx: number;
  product: ProductInfo;
  tableInfo: TableInfo;
  column: ColumnProfile;
  /** Canonical name tokens, e.g. `cust_id` → [customer, identifier]. */
  tokens: string[];
  /** Non-generic tokens of the name. */
  concept: string[];
  /** Per concept word: its WordNet family (`familyWords`), for mentions through another word of the family. */
  conceptFamilies: ReadonlyArray<readonly string[]>;
  /** Per concept word: its related words (`relatedSet`), for related name words. */
  conceptRelated: ReadonlyArray<ReadonlySet<string>>;
  /** Kind of the generic word the name ends in (`id`, `time`, `measure`, ...). */
  tail?: string;
  /** That word itself (`code`, `id`, `datetime`'s `time`). */
  tailWord?: string;
  /** Concept word nearest the identifier suffix, for identifier-like columns. */
  head?: string;
  /** Canonical name: concept tokens plus `#id` for identifier-like columns. */
  canonical: string;
  /** The name is an identifier / number / code, or the column is a key. */
  idLike: boolean;
  /** `unique`: single-column primary key or unique; `part`: part of a composite key. */
  keyKind: 'unique' | 'part' | 'none';
  family: TypeFamily;
  shapes: string[];
  /**
   * Shapes specific enough to count as evidence: selective by form (isSelectiveShape) and held by
   * few columns of this catalog (at most max(20, 1%) of them): a format every table uses (`uuid`
   * everywhere) says nothing about which columns relate.
   */
  selectiveShapes: string[];
  values: string[];
  codes: string[];
  glossary: string[];
  /** Content terms of the description, or of a borrowed one (borrowedDescriptions.ts), for evidence and mention checks. */
  descTerms: Set<string>;
  /**
   * Name concepts of the catalog that WordNet relates to a description term (`relatedWords`:
   * "an individual shopper" → person), so a description naming a kind of the other column's
   * concept mentions it (`member_ref` ~ `person_id`).
   */
  descRelated: Set<string>;
  vector: SparseVector;
  /** tf-idf vector of the name words alone, related words (patient ~ person) at reduced weight. */
  nameVector: SparseVector;
  /**
   * tf-idf vector of name, description and table context (the table's name at half weight),
   * related words at reduced weight: the text signal when structural evidence is absent.
   */
  textVector: SparseVector;
  /** Hashed character trigrams of the name, sorted. */
  grams: Int32Array;
  /** No type, no examples, no glossary link and no key: only names and descriptions to go on. */
  bare: boolean;
  /**
   * An identifier whose name recurs in many tables of its product (`recurringNames`): the foreign
   * key of the entity the product's tables hang off, which undeclared keys leave to the names to say.
   */
  hub: boolean;
  pii: boolean;
}

/**
 * The name says the column holds a time: it ends in a time word (`shipped_at`) or has a date or
 * time word anywhere (`date_of_birth`, a `pickup_ts` read as pickup time).
 */
export function namesTime(e: Pick<ColumnEntry, 'tail' | 'tokens'>): boolean {
  return (
    e.tail === 'time' ||
    e.tokens.some(t => t === 'date' || t === 'time' || t === 'timestamp')
  );
}

/** A description that says the column identifies something: "identifies the sellable article", "unique article number". */
const IDENTIFYING_DESCRIPTION =
  /\bidentif(?:ies|ying)\b|\bunique\b[\w\s-]{0,24}?\b(?:number|code|identifier|id|key|reference)\b/i;

const KEY_DESCRIPTION =
  /\b(identifier|unique (id|key|code|number)|primary key|business key|refers to|references|same id|master id)\b/i;

interface PendingColumn {
  entry: Omit<
    ColumnEntry,
    | 'vector'
    | 'tableInfo'
    | 'nameVector'
    | 'textVector'
    | 'conceptFamilies'
    | 'conceptRelated'
    | 'descRelated'
  >;
  counts: Map<number, number>;
  boost: Map<number, number>;
  /** Words of the name, the description, a borrowed description and the table's name (vectors come after all columns are read). */
  nameTerms: string[];
  ownTerms: string[];
  borrowedTerms: string[];
  tableNameTerms: string[];
  tableIdx: number;
}

/** A name recurs when at least this share of its product's tables (and at least 3) have a column of that name. */
export const RECURRING_SHARE = 0.2;

/** Lower-cased column names that recur across a product's tables (RECURRING_SHARE). */
export function recurringNames(contract: ContractProfile): Set<string> {
  const tables = new Map<string, number>();
  for (const t of contract.tables)
    for (const n of new Set(t.columns.map(c => c.name.toLowerCase())))
      tables.set(n, (tables.get(n) ?? 0) + 1);
  const least = Math.max(3, RECURRING_SHARE * contract.tables.length);
  const out = new Set<string>();
  for (const [n, count] of tables) if (count >= least) out.add(n);
  return out;
}

/** Weight of a word of a borrowed description (borrowedDescriptions.ts) beside the column's own words. */
const BORROWED_WEIGHT = 0.5;

/** Weight of a related word (patient → person) beside the word itself. */
const RELATED_WEIGHT = 0.5;

/**
 * Adds weighted terms to `out`, each with its related words at reduced weight. Only related
 * words some column of the catalog uses itself (`vocabulary`) are added: no other vector could
 * share the rest, so they would only lengthen vectors.
 */
function withRelated(
  terms: readonly string[],
  weight: number,
  related: (word: string) => readonly string[],
  out: Map<string, number>,
): void {
  for (const t of terms) {
    out.set(t, (out.get(t) ?? 0) + weight);
    for (const r of related(t))
      out.set(r, (out.get(r) ?? 0) + weight * RELATED_WEIGHT);
  }
}

/** `relatedWords` restricted to a vocabulary, memoised per word. */
function relatedIn(
  vocabulary: ReadonlySet<string>,
): (word: string) => readonly string[] {
  const memo = new Map<string, readonly string[]>();
  return word => {
    let found = memo.get(word);
    if (!found) {
      found = relatedWords(word).filter(r => vocabulary.has(r));
      memo.set(word, found);
    }
    return found;
  };
}

/**
 * Turns products into column entries with interned, tf-idf weighted text
 * vectors (IDF over the columns given, tables over the tables given).
 */
/** A column's key role: the whole key (or unique), part of a composite key, or none. */
function keyKindOf(
  column: ColumnProfile,
  singleKey: string | undefined,
): ColumnEntry['keyKind'] {
  if ((column.primaryKey && singleKey === column.name) || column.unique)
    return 'unique';
  if (column.primaryKey) return 'part';
  return 'none';
}

/** The suffix that sets identifiers and classed name tails (e.g. time, status) apart in a canonical name. */
function canonicalSuffix(idLike: boolean, tail: string | undefined): string {
  if (idLike) return '#id';
  return tail ? `#${tail}` : '';
}

export function buildColumnEntries(
  products: Array<{ id: string; domain?: string; contract: ContractProfile }>,
): {
  entries: ColumnEntry[];
  products: ProductInfo[];
  tables: TableInfo[];
  vocab: TfIdfVocabulary;
} {
  const vocab = new TfIdfVocabulary();
  const tableVocab = new TfIdfVocabulary();
  const nameVocab = new TfIdfVocabulary();
  const textVocab = new TfIdfVocabulary();
  const pending: PendingColumn[] = [];
  const tableCounts: Array<{
    product: ProductInfo;
    table: TableProfile;
    counts: Map<number, number>;
  }> = [];
  const infos: ProductInfo[] = [];
  // What this catalog's abbreviations stand for, read from its own descriptions and names.
  const allTables = products.flatMap(p => p.contract.tables);
  const abbreviations = catalogAbbreviations(
    allTables.flatMap(t => [
      t.name,
      t.businessName,
      t.description,
      ...t.columns.flatMap(c => [c.name, c.businessName, c.description]),
    ]),
    allTables.flatMap(t =>
      t.columns.map(c => ({
        name: c.name,
        context: `${c.businessName ?? ''}. ${c.description ?? ''}`,
      })),
    ),
  );
  const name = (n: string) => normaliseName(n, abbreviations);
  const terms = (text: string | undefined) => textTerms(text, abbreviations);

  products.forEach((p, productIdx) => {
    const borrowed = borrowDescriptions(p.contract.tables, name);
    const recurring = recurringNames(p.contract);
    const product: ProductInfo = {
      id: p.id,
      domain: p.domain ?? p.contract.domain,
      contract: p.contract,
      hasPii: p.contract.tables.some(t => t.columns.some(c => c.pii)),
    };
    infos.push(product);
    for (const table of p.contract.tables) {
      const tableIdx = tableCounts.length;
      const tableNameTerms = [
        ...name(table.name),
        ...terms(table.businessName),
      ].filter(t => t.length > 1);
      tableCounts.push({
        product,
        table,
        counts: tableVocab.add([
          ...name(table.name),
          ...terms(table.businessName),
          ...terms(table.description),
          ...terms(table.granularity),
        ]),
      });
      const singleKey =
        table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
      for (const column of table.columns) {
        const tokens = name(column.name);
        const businessTokens = column.businessName
          ? name(column.businessName)
          : [];
        const nameConcept = conceptTokens(tokens);
        const concept = [...new Set(nameConcept)];
        const last = tokens[tokens.length - 1];
        const keyKind = keyKindOf(column, singleKey);
        const idByName = last !== undefined && IDENTIFIER_TOKENS.has(last);
        const idLike =
          idByName ||
          tokens.some(t => IDENTIFIER_WORDS.has(t)) ||
          (keyKind !== 'none' &&
            KEY_DESCRIPTION.test(column.description ?? '')) ||
          (keyKind === 'unique' && nameConcept.length > 0) ||
          IDENTIFYING_DESCRIPTION.test(column.description ?? '');
        const head = idLike ? nameConcept[nameConcept.length - 1] : undefined;
        const tail = tailClass(tokens);
        const canonical = nameConcept.join(' ') + canonicalSuffix(idLike, tail);
        const shapes = [...new Set(column.examples.map(valueShape))];
        const ownTerms = terms(column.description);
        // an undocumented column's sibling's description, at half weight
        const borrowedTerms = terms(borrowed.get(column));
        const descTerms = [...ownTerms, ...borrowedTerms];
        const nameTerms = [...tokens, ...businessTokens].filter(
          t => !['identifier'].includes(t),
        );
        const counts = vocab.addWeighted([
          ...nameTerms.map(t => [t, 2] as const),
          ...ownTerms.map(t => [t, 1] as const),
          ...borrowedTerms.map(t => [t, BORROWED_WEIGHT] as const),
        ]);
        const boost = new Map<number, number>();
        for (const t of concept) boost.set(vocab.id(t), 1.5);
        const family = typeFamily(column.logicalType, column.physicalType);
        pending.push({
          tableIdx,
          counts,
          boost,
          nameTerms: nameTerms.filter(t => t.length > 1),
          ownTerms,
          borrowedTerms,
          tableNameTerms,
          entry: {
            idx: pending.length,
            productIdx,
            product,
            column,
            tokens,
            concept,
            tail,
            tailWord: tail ? last : undefined,
            head,
            canonical,
            idLike,
            keyKind,
            family,
            grams: charNgrams(splitCase(column.name)),
            bare:
              family === 'unknown' &&
              column.examples.length === 0 &&
              column.glossary.length === 0 &&
              keyKind === 'none',
            hub: idLike && recurring.has(column.name.toLowerCase()),
            shapes,
            selectiveShapes: shapes.filter(isSelectiveShape),
            values: [
              ...new Set(
                column.examples
                  .filter(isSelectiveValue)
                  .map(v => v.trim().toLowerCase()),
              ),
            ],
            codes: codeList(column.description),
            glossary: [
              ...new Set(
                column.glossary.map(g =>
                  g.trim().replace(/\/+$/, '').toLowerCase(),
                ),
              ),
            ],
            descTerms: new Set(descTerms),
            pii: column.pii,
          },
        });
      }
    }
  });

  // name and text vectors, related words restricted to what the catalog's columns say themselves
  const nameWords = new Set<string>();
  const textWords = new Set<string>();
  for (const p of pending) {
    for (const t of p.nameTerms) nameWords.add(t);
    for (const list of [p.nameTerms, p.ownTerms, p.borrowedTerms])
      for (const t of list) textWords.add(t);
  }
  for (const t of tableCounts)
    for (const w of name(t.table.name)) textWords.add(w);
  const nameRelated = relatedIn(nameWords);
  const conceptWords = new Set(pending.flatMap(p => p.entry.concept));
  const conceptRelated = relatedIn(conceptWords);
  const descRelated = (described: ReadonlySet<string>) => {
    const out = new Set<string>();
    for (const t of described)
      for (const r of conceptRelated(t)) if (!described.has(r)) out.add(r);
    return out;
  };
  const textRelated = relatedIn(textWords);
  const nameCounts = pending.map(p => {
    const weighted = new Map<string, number>();
    withRelated(p.nameTerms, 1, nameRelated, weighted);
    return nameVocab.addWeighted(weighted);
  });
  const textCounts = pending.map(p => {
    const weighted = new Map<string, number>();
    withRelated(p.nameTerms, 2, textRelated, weighted);
    withRelated(p.ownTerms, 1, textRelated, weighted);
    withRelated(p.borrowedTerms, BORROWED_WEIGHT, textRelated, weighted);
    withRelated(p.tableNameTerms, 0.5, textRelated, weighted);
    return textVocab.addWeighted(weighted);
  });

  const tables: TableInfo[] = tableCounts.map(t => ({
    product: t.product,
    table: t.table,
    vector: tableVocab.vector(t.counts),
    singleKey:
      t.table.primaryKey.length === 1 ? t.table.primaryKey[0] : undefined,
  }));
  const shapeColumns = new Map<string, number>();
  for (const p of pending)
    for (const shape of p.entry.selectiveShapes)
      shapeColumns.set(shape, (shapeColumns.get(shape) ?? 0) + 1);
  const commonShape = Math.max(20, 0.01 * pending.length);
  // every field written out in one literal, in one order: all entries share one hidden class, so
  // the scorer's property reads stay monomorphic (a spread of `p.entry` gave each entry its own)
  const entries: ColumnEntry[] = pending.map((p, k): ColumnEntry => {
    const e = p.entry;
    return {
      idx: e.idx,
      productIdx: e.productIdx,
      product: e.product,
      tableInfo: tables[p.tableIdx],
      column: e.column,
      tokens: e.tokens,
      concept: e.concept,
      conceptFamilies: e.concept.map(familyWords),
      conceptRelated: e.concept.map(relatedSet),
      tail: e.tail,
      tailWord: e.tailWord,
      head: e.head,
      canonical: e.canonical,
      idLike: e.idLike,
      keyKind: e.keyKind,
      family: e.family,
      shapes: e.shapes,
      selectiveShapes: e.selectiveShapes.filter(
        shape => shapeColumns.get(shape)! <= commonShape,
      ),
      values: e.values,
      codes: e.codes,
      glossary: e.glossary,
      descTerms: e.descTerms,
      descRelated: descRelated(e.descTerms),
      vector: vocab.vector(p.counts, p.boost),
      nameVector: nameVocab.softVector(nameCounts[k]),
      textVector: textVocab.softVector(textCounts[k]),
      grams: e.grams,
      bare: e.bare,
      hub: e.hub,
      pii: e.pii,
    };
  });
  return { entries, products: infos, tables, vocab };
}
