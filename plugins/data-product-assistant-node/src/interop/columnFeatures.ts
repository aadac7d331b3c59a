import type {
  ColumnProfile,
  ContractProfile,
  TableProfile,
} from '@dpa/plugin-data-product-assistant-common';
import {
  charNgrams,
  codeList,
  relatedWords,
  conceptTokens,
  tailClass,
  IDENTIFIER_TOKENS,
  isSelectiveShape,
  isSelectiveValue,
  normaliseName,
  textTerms,
  typeFamily,
  valueShape,
  type TypeFamily,
} from './text';

/** A sparse, L2-normalised tf-idf vector over interned term ids (ids ascending). */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

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
  /** Kind of the generic word the name ends in (`id`, `time`, `measure`, ...). */
  tail?: string;
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
  selectiveShapes: string[];
  values: string[];
  codes: string[];
  glossary: string[];
  /** Content terms of the description (for evidence and mention checks). */
  descTerms: Set<string>;
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
  pii: boolean;
}

/** Interns terms to ids and counts document frequencies, then weights vectors. */
export class Vocabulary {
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
  add(terms: string[]): Map<number, number> {
    this.docs++;
    const counts = new Map<number, number>();
    for (const t of terms) {
      const id = this.id(t);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of counts.keys()) this.df[id]++;
    return counts;
  }

  /** Registers one document of weighted terms (fractional counts); returns term ids with summed weights. */
  addWeighted(terms: Array<[string, number]>): Map<number, number> {
    this.docs++;
    const counts = new Map<number, number>();
    for (const [t, w] of terms) {
      const id = this.id(t);
      counts.set(id, (counts.get(id) ?? 0) + w);
    }
    for (const id of counts.keys()) this.df[id]++;
    return counts;
  }

  /** Like `vector`, for fractional counts: weight = log(1 + count) × idf (BM25-like saturation). */
  softVector(counts: Map<number, number>): SparseVector {
    const ids = [...counts.keys()].sort((a, b) => a - b);
    const weights = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, i) => {
      const w = Math.log(1 + counts.get(id)!) * this.idf(id);
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] /= norm;
    return { ids: Int32Array.from(ids), weights };
  }

  idf(id: number): number {
    return Math.log(1 + this.docs / Math.max(1, this.df[id]));
  }

  vector(
    counts: Map<number, number>,
    boost?: Map<number, number>,
  ): SparseVector {
    const ids = [...counts.keys()].sort((a, b) => a - b);
    const weights = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, i) => {
      const w =
        (1 + Math.log(counts.get(id)!)) * this.idf(id) * (boost?.get(id) ?? 1);
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] /= norm;
    return { ids: Int32Array.from(ids), weights };
  }
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

const KEY_DESCRIPTION =
  /\b(identifier|unique (id|key|code|number)|primary key|business key|refers to|references|same id|master id)\b/i;

interface PendingColumn {
  entry: Omit<
    ColumnEntry,
    'vector' | 'tableInfo' | 'nameVector' | 'textVector'
  >;
  counts: Map<number, number>;
  boost: Map<number, number>;
  nameCounts: Map<number, number>;
  textCounts: Map<number, number>;
  tableIdx: number;
}

/** Weight of a related word (patient → person) beside the word itself. */
const RELATED_WEIGHT = 0.5;

/** Terms with weights, each followed by its related words at reduced weight. */
function withRelated(
  terms: string[],
  weight: number,
  out: Array<[string, number]>,
): void {
  for (const t of terms) {
    out.push([t, weight]);
    for (const r of relatedWords(t)) out.push([r, weight * RELATED_WEIGHT]);
  }
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
  vocab: Vocabulary;
} {
  const vocab = new Vocabulary();
  const tableVocab = new Vocabulary();
  const nameVocab = new Vocabulary();
  const textVocab = new Vocabulary();
  const pending: PendingColumn[] = [];
  const tableCounts: Array<{
    product: ProductInfo;
    table: TableProfile;
    counts: Map<number, number>;
  }> = [];
  const infos: ProductInfo[] = [];

  products.forEach((p, productIdx) => {
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
        ...normaliseName(table.name),
        ...textTerms(table.businessName),
      ].filter(t => t.length > 1);
      tableCounts.push({
        product,
        table,
        counts: tableVocab.add([
          ...normaliseName(table.name),
          ...textTerms(table.businessName),
          ...textTerms(table.description),
          ...textTerms(table.granularity),
        ]),
      });
      const singleKey =
        table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
      for (const column of table.columns) {
        const tokens = normaliseName(column.name);
        const businessTokens = column.businessName
          ? normaliseName(column.businessName)
          : [];
        const nameConcept = conceptTokens(tokens);
        const concept = [...new Set(nameConcept)];
        const last = tokens[tokens.length - 1];
        const keyKind = keyKindOf(column, singleKey);
        const idByName = last !== undefined && IDENTIFIER_TOKENS.has(last);
        const idLike =
          idByName ||
          tokens.includes('identifier') ||
          (keyKind !== 'none' &&
            KEY_DESCRIPTION.test(column.description ?? '')) ||
          (keyKind === 'unique' && nameConcept.length > 0);
        const head = idLike ? nameConcept[nameConcept.length - 1] : undefined;
        const tail = tailClass(tokens);
        const canonical = nameConcept.join(' ') + canonicalSuffix(idLike, tail);
        const shapes = [...new Set(column.examples.map(valueShape))];
        const descTerms = textTerms(column.description);
        const nameTerms = [...tokens, ...businessTokens].filter(
          t => !['identifier'].includes(t),
        );
        const counts = vocab.add([...nameTerms, ...nameTerms, ...descTerms]);
        const boost = new Map<number, number>();
        for (const t of concept) boost.set(vocab.id(t), 1.5);
        const nameWeighted: Array<[string, number]> = [];
        withRelated(
          nameTerms.filter(t => t.length > 1),
          1,
          nameWeighted,
        );
        const textWeighted: Array<[string, number]> = [];
        withRelated(
          nameTerms.filter(t => t.length > 1),
          2,
          textWeighted,
        );
        withRelated(descTerms, 1, textWeighted);
        withRelated(tableNameTerms, 0.5, textWeighted);
        const family = typeFamily(column.logicalType, column.physicalType);
        pending.push({
          tableIdx,
          counts,
          boost,
          nameCounts: nameVocab.addWeighted(nameWeighted),
          textCounts: textVocab.addWeighted(textWeighted),
          entry: {
            idx: pending.length,
            productIdx,
            product,
            column,
            tokens,
            concept,
            tail,
            head,
            canonical,
            idLike,
            keyKind,
            family,
            grams: charNgrams(column.name),
            bare:
              family === 'unknown' &&
              column.examples.length === 0 &&
              column.glossary.length === 0 &&
              keyKind === 'none',
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

  const tables: TableInfo[] = tableCounts.map(t => ({
    product: t.product,
    table: t.table,
    vector: tableVocab.vector(t.counts),
    singleKey:
      t.table.primaryKey.length === 1 ? t.table.primaryKey[0] : undefined,
  }));
  const entries: ColumnEntry[] = pending.map(p => ({
    ...p.entry,
    tableInfo: tables[p.tableIdx],
    vector: vocab.vector(p.counts, p.boost),
    nameVector: nameVocab.softVector(p.nameCounts),
    textVector: textVocab.softVector(p.textCounts),
  }));
  return { entries, products: infos, tables, vocab };
}
