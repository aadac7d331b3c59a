/**
 * Column vocabulary for interoperability matching, on the engine's text
 * toolkit: names split and abbreviations expanded from general resources
 * (WordNet and the catalog's own descriptions), words lemmatised, related
 * words from WordNet; plus type families, value shapes and code lists.
 * Everything here is pure and deterministic.
 */
// Direct imports, not the barrel: scan workers load this file and nothing more of the toolkit.
import { Abbreviations } from '../text/abbreviations';
import { BoundedCache } from '../text/boundedCache';
import { splitIdentifier } from '../text/identifiers';
import { lemma } from '../text/lemma';
import { lexicon } from '../text/lexicon';
import { isStopword } from '../text/stopwords';

/** Kinds of generic tail word; two names ending in different kinds describe different things. */
export const TAIL_CLASSES: Readonly<Record<string, string>> = {
  identifier: 'id',
  id: 'id',
  key: 'id',
  ref: 'id',
  reference: 'id',
  no: 'id',
  number: 'id',
  code: 'id',
  date: 'time',
  time: 'time',
  timestamp: 'time',
  at: 'time',
  on: 'time',
  create: 'time',
  update: 'time',
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

/** Tail words long enough to split off a glued word, longest first (`timestamp` before `time`). */
const TAIL_WORDS = Object.keys(TAIL_CLASSES)
  .filter(w => w.length >= 4)
  .sort((a, b) => b.length - a.length);

/** The kind of the last generic word of a name (`order_ts` → time), if it ends in one. */
export function tailClass(tokens: string[]): string | undefined {
  const last = tokens[tokens.length - 1];
  return last === undefined ? undefined : TAIL_CLASSES[last];
}

/** Words that make any name an identifier's (`order_id`, `customer_ref`, `fk_customer`). */
export const IDENTIFIER_WORDS: ReadonlySet<string> = new Set([
  'identifier',
  'id',
  'key',
  'ref',
  'reference',
  'fk',
  'pk',
  'uuid',
  'guid',
]);

/** Name tails that mark an identifier column (those words, and `invoice_no`, `phone_number`, `country_code`). */
export const IDENTIFIER_TOKENS: ReadonlySet<string> = new Set([
  ...IDENTIFIER_WORDS,
  'no',
  'number',
  'code',
]);

export const GENERIC_TOKENS = new Set([
  'identifier',
  'id',
  'key',
  'ref',
  'reference',
  'no',
  'fk',
  'pk',
  'uuid',
  'guid',
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
  'create',
  'update',
  'modify',
  'change',
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

// Words that frame a column description rather than say what it holds.
const FRAME = new Set(
  'column field table row rows record records data set contains contain containing value values null empty used use using given see kept always never'.split(
    ' ',
  ),
);

/**
 * What a catalog's abbreviations stand for: learnt from each column's own
 * business name and description first, else from the words of all its
 * descriptions and names, counted.
 */
export function catalogAbbreviations(
  texts: Iterable<string | undefined>,
  columns: Iterable<{ name: string; context: string }> = [],
): Abbreviations {
  const counts = new Map<string, number>();
  for (const text of texts) {
    if (!text) continue;
    for (const raw of text
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z]+/)) {
      if (raw.length < 4 || isStopword(raw)) continue;
      const w = lemma(raw);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const abbreviations = new Abbreviations(counts);
  for (const c of columns)
    for (const part of splitIdentifier(c.name))
      abbreviations.learn(part, c.context);
  return abbreviations;
}

/** One word of a name → its lemmas, or those of what it abbreviates (`cust` → customer). */
function nameWords(word: string, abbreviations?: Abbreviations): string[] {
  // column-role words (`ref`, `no`, `fk`) are what they are, not abbreviations of the catalog's words
  if (GENERIC_TOKENS.has(word)) return [word];
  const expanded = abbreviations?.expand(word);
  return (expanded ?? word).split(' ').map(lemma);
}

/**
 * Column name → lemmatised words, in order, abbreviations expanded:
 * `cust_ids` → [customer, id].
 */
export function normaliseName(
  name: string,
  abbreviations?: Abbreviations,
): string[] {
  const out: string[] = [];
  for (const part of splitIdentifier(name)) {
    if (/^\d+$/.test(part)) continue;
    for (const raw of splitTail(part))
      for (const w of nameWords(raw, abbreviations))
        if (w && out[out.length - 1] !== w) out.push(w);
  }
  return out;
}

/**
 * A glued word that did not split into words (`recvdate`, `indate`) but ends in a
 * column-role word (TAIL_CLASSES: time, date, type, code …): the role word apart, so
 * the rest can expand as an abbreviation and the tail class is seen.
 */
function splitTail(word: string): string[] {
  if (word.length < 6 || TAIL_CLASSES[word] || lexicon().isWord(word))
    return [word];
  for (const tail of TAIL_WORDS)
    if (word.length - tail.length >= 2 && word.endsWith(tail))
      return [word.slice(0, -tail.length), tail];
  return [word];
}

/** The non-generic tokens of a name: what business concept it carries. */
export function conceptTokens(tokens: string[]): string[] {
  return tokens.filter(t => !GENERIC_TOKENS.has(t) && t.length > 1);
}

/** Free text → lemmatised content terms (stop words and description frame words removed). */
export function textTerms(
  text: string | undefined,
  abbreviations?: Abbreviations,
): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)) {
    if (!raw || raw.length < 2 || /^\d+$/.test(raw)) continue;
    if (isStopword(raw) || FRAME.has(raw)) continue;
    for (const w of nameWords(raw, abbreviations))
      if (w.length > 1 && !FRAME.has(w)) out.push(w);
  }
  return out;
}

const related = new BoundedCache<string, readonly string[]>(50_000);
const relatedSets = new BoundedCache<string, ReadonlySet<string>>(50_000);

/**
 * Words WordNet relates to a name word: synonyms of its two commonest noun
 * senses and the broader term of the commonest (`patient` → case, person …).
 * They add to text similarity at a reduced weight and keep two identifiers
 * of related concepts from counting as different; they never make names equal.
 */
export function relatedWords(word: string): readonly string[] {
  if (word.length < 3 || /\d/.test(word)) return [];
  const cached = related.get(word);
  if (cached) return cached;
  const lx = lexicon();
  const words = [
    ...new Set([
      ...lx.synonyms(word, { pos: 'n' }),
      ...lx.hypernyms(word, { pos: 'n', senses: 1, depth: 2 }),
    ]),
  ].filter(w => w !== word && w.length > 2);
  related.set(word, words);
  relatedSets.set(word, new Set(words));
  return words;
}

const families = new BoundedCache<string, readonly string[]>(50_000);

/**
 * Other words for the same thing as a name word: its WordNet family (synonyms
 * of the commonest sense and derived forms: `person` → individual, someone …;
 * `shipment` → ship). A description that uses one of them mentions the word
 * (`member_ref`: "an individual shopper" mentions `person`).
 */
export function familyWords(word: string): readonly string[] {
  if (word.length < 3 || /\d/.test(word)) return [];
  const cached = families.get(word);
  if (cached) return cached;
  const words = [...lexicon().family(word)].filter(
    w => w !== word && w.length > 2,
  );
  families.set(word, words);
  return words;
}

/** Related and family words of a vocabulary, to hand to a worker thread. */
export type RelatedTable = Array<
  [string, readonly string[], readonly string[]]
>;

export function relatedTable(words: Iterable<string>): RelatedTable {
  return [...new Set(words)].map(w => [w, relatedWords(w), familyWords(w)]);
}

/** Installs related words computed elsewhere (a worker thread gets them from the main thread). */
export function primeRelated(table: RelatedTable): void {
  for (const [w, words, family] of table) {
    related.set(w, words);
    relatedSets.set(w, new Set(words));
    families.set(w, family);
  }
}

/** `relatedWords` as a set (cached). */
export function relatedSet(word: string): ReadonlySet<string> {
  const hit = relatedSets.get(word);
  if (hit) return hit;
  relatedWords(word);
  return relatedSets.get(word) ?? new Set();
}

/** Two name words are related (see relatedWords), not equal. */
export function areRelated(a: string, b: string): boolean {
  if (a === b) return false;
  if (!relatedSets.has(a)) relatedWords(a);
  if (!relatedSets.has(b)) relatedWords(b);
  return !!(relatedSets.get(a)?.has(b) || relatedSets.get(b)?.has(a));
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
