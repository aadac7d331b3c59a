/**
 * Text normalisation for interoperability matching: identifier splitting,
 * abbreviation expansion, a small business thesaurus, description terms with
 * light stemming, type families, value shapes and code lists.
 * Everything here is pure and deterministic.
 */

/** Common abbreviations in column names → the word they stand for. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  cust: 'customer',
  cstmr: 'customer',
  clnt: 'client',
  qty: 'quantity',
  amt: 'amount',
  dt: 'date',
  ts: 'timestamp',
  tstamp: 'timestamp',
  tm: 'time',
  no: 'number',
  nr: 'number',
  num: 'number',
  nbr: 'number',
  nmbr: 'number',
  id: 'identifier',
  ids: 'identifier',
  ref: 'identifier',
  reference: 'identifier',
  key: 'identifier',
  uuid: 'identifier',
  guid: 'identifier',
  prod: 'product',
  prd: 'product',
  addr: 'address',
  adr: 'address',
  acct: 'account',
  acc: 'account',
  desc: 'description',
  descr: 'description',
  cat: 'category',
  inv: 'invoice',
  ord: 'order',
  shp: 'shipment',
  shpmt: 'shipment',
  pmt: 'payment',
  pymt: 'payment',
  txn: 'transaction',
  trx: 'transaction',
  tx: 'transaction',
  msg: 'message',
  org: 'organisation',
  organization: 'organisation',
  dept: 'department',
  emp: 'employee',
  loc: 'location',
  cd: 'code',
  nm: 'name',
  val: 'value',
  pct: 'percent',
  avg: 'average',
  cnt: 'count',
  usr: 'user',
  sess: 'session',
  evt: 'event',
  src: 'source',
  tgt: 'target',
  dest: 'destination',
  dst: 'destination',
  ccy: 'currency',
  cur: 'currency',
  uom: 'unit',
  dob: 'birth date',
  dod: 'death date',
  mail: 'email',
  tel: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  zip: 'postal',
  postcode: 'postal',
  cntry: 'country',
  ctry: 'country',
  whs: 'warehouse',
  wh: 'warehouse',
  sup: 'supplier',
  supp: 'supplier',
  vend: 'vendor',
  mfr: 'manufacturer',
  curr: 'current',
  seq: 'sequence',
  ln: 'line',
  lvl: 'level',
  stat: 'status',
  sts: 'status',
  dsc: 'discount',
  disc: 'discount',
  wt: 'weight',
  hr: 'hour',
  yr: 'year',
  mo: 'month',
  mth: 'month',
  corp: 'corporate',
  dim: 'dimension',
  fk: 'identifier',
  pk: 'identifier',
  // article and product numbers are identifiers of a product
  sku: 'product identifier',
  ean: 'product identifier',
  gtin: 'product identifier',
  upc: 'product identifier',
  isbn: 'product identifier',
  // General clinical / healthcare abbreviations (common EHR, claims and research-model vocabulary:
  // MIMIC, OMOP, FHIR, HL7, PCORnet style names). Not derived from any evaluation answer key.
  hadm: 'hospital admission',
  diagnose: 'diagnosis',
  diagnoses: 'diagnosis',
  adm: 'admission',
  admit: 'admission',
  admitted: 'admission',
  disch: 'discharge',
  dischg: 'discharge',
  subj: 'subject',
  pt: 'patient',
  ptnt: 'patient',
  mrn: 'medical record number',
  dx: 'diagnosis',
  diag: 'diagnosis',
  icd: 'diagnosis code',
  drg: 'diagnosis group',
  px: 'procedure',
  proc: 'procedure',
  hcpcs: 'procedure code',
  cpt: 'procedure code',
  rx: 'prescription',
  med: 'medication',
  meds: 'medication',
  ndc: 'drug code',
  gsn: 'drug code',
  loinc: 'laboratory code',
  lab: 'laboratory',
  labs: 'laboratory',
  micro: 'microbiology',
  hosp: 'hospital',
  icu: 'intensive care unit',
  los: 'length stay',
  careunit: 'care unit',
  freq: 'frequency',
  expire: 'death',
  expired: 'death',
  deceased: 'death',
  sex: 'gender',
  bmi: 'body mass index',
  bp: 'blood pressure',
  obs: 'observation',
  phys: 'physician',
  pharm: 'pharmacy',
  admin: 'administration',
};

/**
 * Related words (not synonyms): the same thing under the vocabulary of
 * different kinds of system (a hospital's EHR vs a research data model vs a
 * claims system, a shop vs a CRM). Each group is general domain knowledge, the
 * kind a schema-matching thesaurus ships (UMLS-style clinical groupings);
 * none is read from an evaluation answer key. Related words add to text
 * similarity at a reduced weight and keep two identifiers of related concepts
 * from counting as different concepts; they never make names equal.
 */
export const RELATED_GROUPS: ReadonlyArray<readonly string[]> = [
  ['patient', 'person', 'subject', 'individual', 'beneficiary'],
  [
    'admission',
    'visit',
    'encounter',
    'stay',
    'hospitalization',
    'hospitalisation',
    'episode',
  ],
  ['diagnosis', 'condition', 'disease', 'disorder'],
  ['medication', 'drug', 'prescription', 'pharmacy', 'medicine'],
  ['laboratory', 'measurement'],
  ['procedure', 'intervention', 'surgery'],
  ['provider', 'physician', 'clinician', 'doctor', 'practitioner', 'caregiver'],
  ['death', 'mortality', 'decease'],
  ['gender', 'sex'],
  ['race', 'ethnicity'],
  ['insurance', 'payer', 'coverage'],
  ['ward', 'site', 'facility'],
  ['specimen', 'sample', 'fluid'],
  ['organism', 'microbiology'],
  ['dose', 'dosage', 'strength'],
  ['route', 'administration'],
  ['start', 'begin'],
  ['end', 'stop'],
  ['birth', 'born'],
];

const RELATED = new Map<string, string[]>();
for (const group of RELATED_GROUPS) {
  for (const w of group) {
    const set = new Set(RELATED.get(w) ?? []);
    for (const v of group) if (v !== w) set.add(v);
    RELATED.set(w, [...set]);
  }
}

const NONE: readonly string[] = [];

/** Words related to a canonical word (empty when none). */
export function relatedWords(word: string): readonly string[] {
  return RELATED.get(word) ?? NONE;
}

/** Two canonical words are related (same group), not equal. */
export function areRelated(a: string, b: string): boolean {
  const r = RELATED.get(a);
  return r !== undefined && r.includes(b);
}

/** Kinds of generic tail word; two names ending in different kinds describe different things. */
export const TAIL_CLASSES: Readonly<Record<string, string>> = {
  identifier: 'id',
  number: 'id',
  code: 'id',
  date: 'time',
  time: 'time',
  timestamp: 'time',
  at: 'time',
  on: 'time',
  created: 'time',
  updated: 'time',
  amount: 'measure',
  value: 'measure',
  total: 'measure',
  price: 'measure',
  quantity: 'measure',
  count: 'measure',
  rate: 'ratio',
  percent: 'ratio',
  score: 'ratio',
  name: 'name',
  label: 'name',
  description: 'name',
  text: 'name',
  status: 'status',
  state: 'status',
  type: 'status',
  kind: 'status',
  class: 'status',
  category: 'status',
  flag: 'status',
  level: 'status',
};

/** The kind of the last generic word of a name (`order_ts` → time), if it ends in one. */
export function tailClass(tokens: string[]): string | undefined {
  const last = tokens[tokens.length - 1];
  return last === undefined ? undefined : TAIL_CLASSES[last];
}

/**
 * Business synonyms: different words for one concept, mapped to a canonical
 * word. Deliberately domain-neutral (retail, logistics, finance, marketing
 * vocabulary); it is not derived from any evaluation answer key.
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  client: 'customer',
  buyer: 'customer',
  shopper: 'customer',
  consumer: 'customer',
  article: 'product',
  item: 'product',
  goods: 'product',
  merchandise: 'product',
  parcel: 'shipment',
  package: 'shipment',
  consignment: 'shipment',
  tracking: 'shipment',
  delivery: 'shipment',
  bill: 'invoice',
  billing: 'invoice',
  purchase: 'order',
  ordered: 'order',
  email: 'email',
  supplier: 'vendor',
  employee: 'staff',
  zip: 'postal',
  transaction: 'payment',
  visitor: 'visitor',
};

/** Tokens that name a kind of column rather than a business concept. */
export const IDENTIFIER_TOKENS = new Set(['identifier', 'number', 'code']);

/** Generic column-name words: alone they never carry a relationship. */
export const GENERIC_TOKENS = new Set([
  'identifier',
  'number',
  'code',
  'status',
  'state',
  'type',
  'kind',
  'class',
  'category',
  'amount',
  'value',
  'name',
  'date',
  'time',
  'timestamp',
  'at',
  'on',
  'created',
  'updated',
  'modified',
  'changed',
  'flag',
  'description',
  'count',
  'total',
  'quantity',
  'price',
  'rate',
  'score',
  'percent',
  'level',
  'line',
  'sequence',
  'version',
  'text',
  'label',
  'comment',
  'note',
  'is',
  'has',
  'the',
  'of',
  'by',
  'per',
  'start',
  'end',
  'first',
  'last',
  'current',
  'source',
  'target',
  'main',
  'primary',
  'new',
  'old',
  'min',
  'max',
  'average',
  'data',
  'info',
  'detail',
  'details',
  'unit',
  'event',
]);

const STOPWORDS = new Set(
  (
    'a an and or the of to in on at by for from with without within as is are was were be been being it its this that ' +
    'these those there their them they he she his her we our you your i me my not no yes if then else when where which ' +
    'who whom whose what how why all any each every some such only own same so than too very can will just also into ' +
    'over under again further once here both few more most other up down out off about above below between through ' +
    'during before after until while do does did doing have has had having would should could may might must shall ' +
    'e g eg ie i.e e.g etc via per one two three used use using given see kept always never empty null value values ' +
    'column field table row rows record records data set contains contain containing'
  ).split(/\s+/),
);

/** Generic words that often trail a concept without a separator (`starttime`, `itemid`, `valueuom`). */
const COMPOUND_SUFFIXES = [
  'timestamp',
  'time',
  'date',
  'id',
  'uom',
  'name',
  'code',
  'type',
  'flag',
  'num',
  'no',
];

function splitCompound(word: string): string[] {
  if (word in ABBREVIATIONS || word.length < 5) return [word];
  for (const suffix of COMPOUND_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) {
      return [...splitCompound(word.slice(0, -suffix.length)), suffix];
    }
  }
  return [word];
}

/** Splits an identifier on snake_case, kebab-case, camelCase and digit boundaries, lower-cased. */
export function splitIdentifier(name: string): string[] {
  return splitRaw(name).flatMap(splitCompound);
}

function splitRaw(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Light English stemming: plurals and common verb endings. */
/** Length of an `-ing` or `-ed` ending to strip from a word (0 when it has none). */
function inflectionLength(word: string): number {
  if (word.endsWith('ing') && word.length > 5) return 3;
  if (word.endsWith('ed') && word.length > 4 && !word.endsWith('eed')) return 2;
  return 0;
}

export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (
    word.endsWith('s') &&
    !word.endsWith('ss') &&
    !word.endsWith('us') &&
    !word.endsWith('is')
  ) {
    return word.slice(0, -1);
  }
  const suffix = inflectionLength(word);
  if (suffix) {
    const base = word.slice(0, -suffix);
    return /([^aeiouls])\1$/.test(base) ? base.slice(0, -1) : base;
  }
  return word;
}

/** One word → its canonical concept word (abbreviation, stem, synonym). Empty string drops it. */
export function canonicalWord(word: string): string {
  const lower = word.toLowerCase();
  if (GENERIC_TOKENS.has(lower)) return lower;
  if (lower in ABBREVIATIONS) {
    const expanded = ABBREVIATIONS[lower];
    return expanded
      .split(' ')
      .map(w => SYNONYMS[w] ?? w)
      .join(' ');
  }
  const s = stem(lower);
  if (s in ABBREVIATIONS && ABBREVIATIONS[s]) return ABBREVIATIONS[s];
  return SYNONYMS[s] ?? SYNONYMS[lower] ?? s;
}

/** Column name → canonical tokens, in order, e.g. `cust_id` → [customer, identifier]. */
export function normaliseName(name: string): string[] {
  const out: string[] = [];
  for (const raw of splitIdentifier(name)) {
    if (/^\d+$/.test(raw)) continue;
    for (const w of canonicalWord(raw).split(' ')) {
      if (w && out[out.length - 1] !== w) out.push(w);
    }
  }
  return out;
}

/** The non-generic tokens of a name: what business concept it carries. */
export function conceptTokens(tokens: string[]): string[] {
  return tokens.filter(t => !GENERIC_TOKENS.has(t) && t.length > 1);
}

/** Free text → canonical content terms (stopwords removed, stemmed, synonyms applied). */
export function textTerms(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)) {
    if (!raw || raw.length < 2 || /^\d+$/.test(raw) || STOPWORDS.has(raw))
      continue;
    for (const w of canonicalWord(raw).split(' ')) {
      if (w && w.length > 1 && !STOPWORDS.has(w)) out.push(w);
    }
  }
  return out;
}

export type TypeFamily =
  | 'string'
  | 'integer'
  | 'number'
  | 'date'
  | 'timestamp'
  | 'boolean'
  | 'unknown';

/** Logical / physical type → a coarse family for compatibility checks. */
export function typeFamily(
  logicalType?: string,
  physicalType?: string,
): TypeFamily {
  const probe = (t?: string): TypeFamily => {
    const s = (t ?? '').toLowerCase();
    if (!s) return 'unknown';
    if (/bool|bit\b/.test(s)) return 'boolean';
    if (/timestamp|datetime|time/.test(s)) return 'timestamp';
    if (/date/.test(s)) return 'date';
    if (/^(tiny|small|big|medium)?int|integer|serial|long/.test(s))
      return 'integer';
    if (/numeric|decimal|number|float|double|real|money/.test(s))
      return 'number';
    if (/char|string|text|varchar|uuid|clob|enum/.test(s)) return 'string';
    return 'unknown';
  };
  const logical = probe(logicalType);
  const physical = probe(physicalType);
  // `number` logical with an integer physical type is an integer
  if (logical === 'number' && physical === 'integer') return 'integer';
  return logical !== 'unknown' ? logical : physical;
}

export type TypeCompatibility =
  | 'same'
  | 'castable'
  | 'incompatible'
  | 'unknown';

export function typeCompatibility(
  a: TypeFamily,
  b: TypeFamily,
): TypeCompatibility {
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  if (a === b) return 'same';
  if (a === 'integer')
    return b === 'number' || b === 'string' ? 'castable' : 'incompatible';
  if (b === 'integer')
    return a === 'number' || a === 'string' ? 'castable' : 'incompatible';
  if (
    (a === 'date' && b === 'timestamp') ||
    (a === 'timestamp' && b === 'date')
  )
    return 'castable';
  return 'incompatible';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const ISO_TS = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const IP = /^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-f:]+::?[0-9a-f:]*$/i;

/**
 * The shape of one example value: `uuid`, `email`, `timestamp`, `date`,
 * `integer`/`decimal`, `ip`, or a character-class pattern with runs collapsed
 * (`SO-2024-000123` → `A-9-9`, `TSH-BLK-M-001` → `A-A-A-9`).
 */
export function valueShape(value: string): string {
  const v = value.trim();
  if (!v) return 'empty';
  if (UUID.test(v)) return 'uuid';
  if (EMAIL.test(v)) return 'email';
  if (ISO_TS.test(v)) return 'timestamp';
  if (ISO_DATE.test(v)) return 'date';
  if (NUMBER.test(v)) return v.includes('.') ? 'decimal' : 'integer';
  if (IP.test(v) && /[.:]/.test(v)) return 'ip';
  if (/\s/.test(v) && v.split(/\s+/).length > 2) return 'text';
  return v
    .replace(/[A-Z]+/g, 'A')
    .replace(/[a-z]+/g, 'a')
    .replace(/\d+/g, '9')
    .replace(/\s+/g, ' ');
}

/** Shapes common to unrelated columns (numbers, dates, single words) do not block or count as evidence. */
export function isSelectiveShape(shape: string): boolean {
  if (shape === 'uuid' || shape === 'email') return true;
  if (
    ['empty', 'timestamp', 'date', 'integer', 'decimal', 'ip', 'text'].includes(
      shape,
    )
  )
    return false;
  // at least two segments (letters and digits, or separated parts)
  return shape.length >= 2 && !/^[Aa ]+$/.test(shape) && shape !== '9';
}

/** Example values specific enough that sharing one says something (no dates, small numbers, short codes). */
export function isSelectiveValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 6) return false;
  const shape = valueShape(v);
  return (
    !['timestamp', 'date', 'decimal', 'text'].includes(shape) &&
    !(shape === 'integer' && v.length < 8)
  );
}

/**
 * Code list documented in a description: `1 = placed, 2 = paid` or
 * `A = active, S = suspended` → the codes (upper-cased).
 */
export function codeList(description: string | undefined): string[] {
  if (!description) return [];
  const codes = new Set<string>();
  for (const m of description.matchAll(
    /(?:^|[\s:;,(])([A-Za-z0-9_]{1,16})\s*=\s*[A-Za-z]/g,
  )) {
    codes.add(m[1].toUpperCase());
  }
  return codes.size >= 2 ? [...codes].sort() : [];
}

/** FNV-1a hash of a short string (for character n-gram ids). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Character trigrams of a name (lower-cased, each word padded with `#`),
 * hashed to sorted unique ids: `admittime` and `admit_time` share most.
 */
export function charNgrams(name: string): Int32Array {
  const ids = new Set<number>();
  for (const w of splitRaw(name)) {
    const p = `#${w}#`;
    for (let i = 0; i + 3 <= p.length; i++) ids.add(hash(p.slice(i, i + 3)));
  }
  return Int32Array.from(ids).sort();
}

/** Dice coefficient of two sorted id arrays. */
export function sortedDice(a: Int32Array, b: Int32Array): number {
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < la && j < lb) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * n) / (la + lb);
}

const JW_BUFFER = 128;
const jwA = new Uint8Array(JW_BUFFER);
const jwB = new Uint8Array(JW_BUFFER);

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  if (la > JW_BUFFER || lb > JW_BUFFER)
    return a.slice(0, JW_BUFFER) === b.slice(0, JW_BUFFER) ? 0.95 : 0;
  const ma = jwA.fill(0, 0, la);
  const mb = jwB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        ma[i] = mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix])
    prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
