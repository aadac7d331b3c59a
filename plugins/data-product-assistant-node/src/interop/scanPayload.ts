import { flattenLists } from './blockingCandidates';
import type { ColumnEntry, SparseVector } from './columnFeatures';
import { familyWords, relatedSet } from './text';

/**
 * What a scan worker needs, as flat typed arrays and one string table: the
 * blocking index (to generate candidates) and the column features the scorer
 * reads (to score them). Structured-cloning the `ColumnEntry` objects
 * themselves costs more than the scan saves (≈ 35 s to deserialize 300,000
 * entries); these arrays copy in well under a second, and the worker rebuilds
 * scorer-ready entries from them on first use.
 *
 * Only the fields `scoreCandidate` reads travel (`flattenEntries`,
 * `FlatEntryView`); the concept words' families and related words are
 * looked up in the worker, from the table the main thread primes it with. A field the scorer starts reading must be added here, or
 * the parallel scan would differ from the single-threaded one
 * (parallelScan.test.ts compares them).
 */

/** String fields of a column entry, sent as string-table ids (-1: undefined). */
const SCALARS = {
  canonical: (e: ColumnEntry): string | undefined => e.canonical,
  head: (e: ColumnEntry) => e.head,
  tail: (e: ColumnEntry) => e.tail,
  tailWord: (e: ColumnEntry) => e.tailWord,
  family: (e: ColumnEntry) => e.family,
  keyKind: (e: ColumnEntry) => e.keyKind,
};
/** String-list fields (`descTerms`, `descRelated` are sets, sent in iteration order). */
const LISTS = {
  concept: (e: ColumnEntry): Iterable<string> => e.concept,
  codes: (e: ColumnEntry) => e.codes,
  glossary: (e: ColumnEntry) => e.glossary,
  shapes: (e: ColumnEntry) => e.shapes,
  selectiveShapes: (e: ColumnEntry) => e.selectiveShapes,
  values: (e: ColumnEntry) => e.values,
  piiTypes: (e: ColumnEntry) => e.column.piiTypes,
  descTerms: (e: ColumnEntry) => e.descTerms,
  descRelated: (e: ColumnEntry) => e.descRelated,
};
const VECTORS = {
  vector: (e: ColumnEntry) => e.vector,
  nameVector: (e: ColumnEntry) => e.nameVector,
  textVector: (e: ColumnEntry) => e.textVector,
};

type ScalarField = keyof typeof SCALARS;
type ListField = keyof typeof LISTS;
type VectorField = keyof typeof VECTORS;

interface FlatVectors {
  start: Int32Array;
  ids: Int32Array;
  weights: Float32Array;
}

/** The scorer's view of every column, as flat arrays over a string table. */
export interface FlatEntries {
  n: number;
  strings: string[];
  productIdx: Int32Array;
  /** Table of each column (index into `tables`). */
  table: Int32Array;
  /** Bit 0: idLike, bit 1: bare, bit 2: pii, bit 3: hub. */
  flags: Uint8Array;
  scalars: Record<ScalarField, Int32Array>;
  lists: Record<ListField, { start: Int32Array; ids: Int32Array }>;
  vectors: Record<VectorField, FlatVectors>;
  tables: FlatVectors;
  grams: { start: Int32Array; values: Int32Array };
}

function flattenVectors(vectors: SparseVector[]): FlatVectors {
  const ids = flattenLists(
    vectors.map(v => v.ids),
    l => new Int32Array(l),
  );
  const weights = flattenLists(
    vectors.map(v => v.weights),
    l => new Float32Array(l),
  );
  return { start: ids.start, ids: ids.values, weights: weights.values };
}

/** A growable Int32Array. */
class IntList {
  length = 0;
  values = new Int32Array(1024);

  push(v: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = v;
  }
}

/** Flattens the entries for the workers (main thread, once per scan). */
export function flattenEntries(entries: ColumnEntry[]): FlatEntries {
  const n = entries.length;
  const stringIds = new Map<string, number>();
  const strings: string[] = [];
  const intern = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.length;
      stringIds.set(s, id);
      strings.push(s);
    }
    return id;
  };
  const tableIds = new Map<ColumnEntry['tableInfo'], number>();
  const tableVectors: SparseVector[] = [];
  const productIdx = new Int32Array(n);
  const table = new Int32Array(n);
  const flags = new Uint8Array(n);
  const scalarFields = Object.entries(SCALARS).map(([field, get]) => ({
    field: field as ScalarField,
    get,
    ids: new Int32Array(n),
  }));
  const listFields = Object.entries(LISTS).map(([field, get]) => ({
    field: field as ListField,
    get,
    start: new Int32Array(n + 1),
    ids: new IntList(),
  }));
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    if (e.idx !== i) throw new Error(`column ${i} has index ${e.idx}`);
    productIdx[i] = e.productIdx;
    let t = tableIds.get(e.tableInfo);
    if (t === undefined) {
      t = tableVectors.length;
      tableIds.set(e.tableInfo, t);
      tableVectors.push(e.tableInfo.vector);
    }
    table[i] = t;
    flags[i] =
      (e.idLike ? 1 : 0) | (e.bare ? 2 : 0) | (e.pii ? 4 : 0) | (e.hub ? 8 : 0);
    for (const f of scalarFields) f.ids[i] = intern(f.get(e));
    for (const f of listFields) {
      for (const s of f.get(e)) f.ids.push(intern(s));
      f.start[i + 1] = f.ids.length;
    }
  }
  const scalars = {} as FlatEntries['scalars'];
  for (const f of scalarFields) scalars[f.field] = f.ids;
  const lists = {} as FlatEntries['lists'];
  for (const f of listFields)
    lists[f.field] = {
      start: f.start,
      ids: f.ids.values.slice(0, f.ids.length),
    };
  const vectors = {} as FlatEntries['vectors'];
  for (const [field, get] of Object.entries(VECTORS))
    vectors[field as VectorField] = flattenVectors(entries.map(get));
  return {
    n,
    strings,
    productIdx,
    table,
    flags,
    scalars,
    lists,
    vectors,
    tables: flattenVectors(tableVectors),
    grams: flattenLists(
      entries.map(e => e.grams),
      l => new Int32Array(l),
    ),
  };
}

/**
 * The worker side: scorer-ready entries rebuilt from the flat arrays on first
 * use. They carry only the fields the scorer reads (no contract, no column
 * profile beyond its PII types), so they are typed as `ColumnEntry` for
 * `scoreCandidate` but must not be explained or shown.
 */
export class FlatEntryView {
  private readonly built: Array<ColumnEntry | undefined>;
  private readonly tables: Array<ColumnEntry['tableInfo'] | undefined>;

  constructor(private readonly flat: FlatEntries) {
    this.built = new Array(flat.n);
    this.tables = new Array(flat.tables.start.length - 1);
  }

  get(i: number): ColumnEntry {
    return (this.built[i] ??= this.build(i));
  }

  private str(field: ScalarField, i: number): string | undefined {
    const id = this.flat.scalars[field][i];
    return id < 0 ? undefined : this.flat.strings[id];
  }

  private list(field: ListField, i: number): string[] {
    const { start, ids } = this.flat.lists[field];
    const from = start[i];
    const out = new Array<string>(start[i + 1] - from);
    for (let k = 0; k < out.length; k++)
      out[k] = this.flat.strings[ids[from + k]];
    return out;
  }

  private static vector(v: FlatVectors, k: number): SparseVector {
    const from = v.start[k];
    const to = v.start[k + 1];
    return {
      ids: v.ids.subarray(from, to),
      weights: v.weights.subarray(from, to),
    };
  }

  private build(i: number): ColumnEntry {
    const f = this.flat;
    const t = f.table[i];
    const tableInfo = (this.tables[t] ??= {
      vector: FlatEntryView.vector(f.tables, t),
    } as ColumnEntry['tableInfo']);
    const flags = f.flags[i];
    const concept = this.list('concept', i);
    const entry: Partial<ColumnEntry> = {
      idx: i,
      productIdx: f.productIdx[i],
      canonical: this.str('canonical', i) as string,
      head: this.str('head', i),
      tail: this.str('tail', i),
      tailWord: this.str('tailWord', i),
      family: this.str('family', i) as ColumnEntry['family'],
      keyKind: this.str('keyKind', i) as ColumnEntry['keyKind'],
      concept,
      conceptFamilies: concept.map(familyWords),
      conceptRelated: concept.map(relatedSet),
      codes: this.list('codes', i),
      glossary: this.list('glossary', i),
      shapes: this.list('shapes', i),
      selectiveShapes: this.list('selectiveShapes', i),
      values: this.list('values', i),
      descTerms: new Set(this.list('descTerms', i)),
      descRelated: new Set(this.list('descRelated', i)),
      column: { piiTypes: this.list('piiTypes', i) } as ColumnEntry['column'],
      vector: FlatEntryView.vector(f.vectors.vector, i),
      nameVector: FlatEntryView.vector(f.vectors.nameVector, i),
      textVector: FlatEntryView.vector(f.vectors.textVector, i),
      tableInfo,
      grams: f.grams.values.subarray(f.grams.start[i], f.grams.start[i + 1]),
      idLike: (flags & 1) !== 0,
      bare: (flags & 2) !== 0,
      pii: (flags & 4) !== 0,
      hub: (flags & 8) !== 0,
    };
    return entry as ColumnEntry;
  }
}
