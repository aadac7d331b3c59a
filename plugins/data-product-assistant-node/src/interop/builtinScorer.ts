import type { ColumnEntry } from './columnFeatures';
import { cosine } from './columnFeatures';
import { jaroWinklerAtLeast, sortedDice } from '../text/similarity';
import { areRelated, typeCompatibility, type TypeCompatibility } from './text';
import type { RelationshipKind } from './types';

/**
 * The built-in relationship model: a logistic combination of pair features.
 *
 * confidence = sigmoid(BIAS + Σ weight_f · feature_f)
 *
 * Weights were set on the demo catalog (examples/catalog, dev data): started
 * from hand-set values, then checked with `evals/scripts/interop-figures.ts`
 * (recall of the intended relationships, no trap suggested as a join key).
 * The weights of pairs without structural evidence (`*Bare`) were set on the
 * TUNE part of the MIMIC→OMOP split (evals/lib/splits.ts) and checked on the
 * demo mesh stripped to names and descriptions; the test part was never
 * looked at. A pair is suggested when sigmoid(log-odds) ≥ SUGGEST_THRESHOLD;
 * the confidence users see is calibrated from the log-odds after selection
 * (selection.ts, calibration.ts).
 */
export const SCORER_WEIGHTS = {
  bias: -4.5,
  /** Both columns link the same glossary term (`authoritativeDefinitions`). */
  glossary: 4.0,
  /** Canonical names equal after abbreviation expansion (e.g. `ord_no` ~ `order_id`). */
  canonicalName: 2.0,
  /** Dice overlap of the concept words of the names, in [0, 1]. */
  conceptOverlap: 2.5,
  /** Concept words of one name appear in the other column's description, in [0, 1]. */
  crossMention: 1.5,
  /** Both are identifiers of the same concept (`cust_id`, `customer_ref`). */
  sameHead: 1.5,
  /** tf-idf cosine of names and descriptions, in [0, 1]. */
  text: 3.0,
  /** tf-idf cosine of the two tables' names and descriptions, in [0, 1]. */
  table: 0.8,
  typeSame: 0.5,
  typeIncompatible: -3.0,
  /** One side is a unique key and the other identifier-like (a foreign key shape). */
  keyReference: 1.0,
  bothIdentifiers: 0.5,
  /** Example values share a selective shape (`AA-9-9`, uuid, email). */
  shape: 1.5,
  /** Both have examples and no shape in common. */
  shapeMismatch: -1.0,
  /** Example values in common (selective values only). */
  values: 2.0,
  /** Both document a code list and the lists agree. */
  codesAgree: 1.0,
  /** Both document a code list and the lists differ. */
  codesDiffer: -3.0,
  /** A name made of generic words only (`status`, `id`, `type`, `amount`, `code`). */
  genericName: -3.0,
  /** Both tagged with the same PII type (e.g. both e-mail addresses). */
  samePiiType: 1.0,
  /** The names end in different kinds of word (`vat_amount` vs `vat_rate`, `campaign_id` vs `campaign_name`). */
  tailMismatch: -2.0,
  /** Both are identifiers, of different concepts (`order_id` vs `invoice_no`). */
  headMismatch: -1.5,
  /**
   * The same two name-shape penalties when either column has no structural evidence: without
   * types or examples a name's last word says little about what the column holds across naming
   * conventions (a coded attribute stored as `*_concept_id`, a label as `*_source_value`); on the
   * MIMIC→OMOP tune part these penalties ranked true correspondences lower (AUC 0.76 → 0.87 without).
   */
  tailMismatchBare: 0,
  headMismatchBare: 0,
  /**
   * Without types, names ending in the same kind of word (`shiptime` ~ `delivery_end_datetime`,
   * both times) are the type evidence there is: a bonus where a mismatch costs nothing. Set on
   * the MIMIC→OMOP tune part (0.5–1.5 gave about the same MRR; 0.5 kept the hit rate at 5) and checked
   * on the dev proxy (demo mesh stripped to names and descriptions).
   */
  tailSameBare: 0.5,
  /**
   * Without types, one name ending in a time word and the other in another kind of word
   * (`shiptime` ~ `return_reason_value`): unlike the other tails, a time word says the
   * type reliably in any naming convention (a date is a date, where a `*_value` may hold a code).
   * Milder than declared incompatible types, and milder still beside the time-first selection
   * (selection.ts), which already ranks a time's time-named partners first. Set on the MIMIC→OMOP
   * tune part with that selection (0, −1, −2, −3: MRR 0.692, 0.695, 0.688, 0.688; −1 also the
   * best hit rate at 5) and checked on the dev proxy (MRR 0.70 at 0, 0.71 at −1 and −2).
   */
  timeMismatchBare: -1,
  /**
   * Without declared keys, both columns identifiers whose names recur across their products'
   * tables (`hub`: the foreign key every table carries, `customer_id`): the two products' entity
   * keys, likelier one entity than an identifier named once. Set on the MIMIC→OMOP tune part
   * (1–3 alike).
   */
  hubsBare: 2,
  /**
   * Lexical similarity (mean of name-word cosine, name + description + table-context cosine
   * and character-trigram Dice of the names, each in [0, 1]) when the pair has structural
   * evidence (types, examples, keys, glossary): those carry the decision.
   */
  lexical: 0,
  /**
   * The same lexical similarity when either column has no structural evidence (no type, no
   * examples, no glossary, no key): names and descriptions are all there is, so text carries.
   */
  lexicalBare: 8.0,
  /**
   * Extra weight of the table-context cosine when either column has no structural evidence:
   * the same foreign-key name recurs in many tables, and the tables' similarity (a parent-context
   * matcher, as in COMA) could tell which occurrence corresponds. Set on the MIMIC→OMOP tune part
   * (MRR 0.24 → 0.32) and checked on the dev proxy (demo mesh stripped to names and descriptions).
   */
  tableBare: 5,
} as const;

/** Weights inside the lexical similarity: name words, name + description + table context, name trigrams. */
export const LEXICAL_MIX = { name: 0.35, text: 0.45, grams: 0.2 } as const;

export const SUGGEST_THRESHOLD = 0.5;

export interface PairFeatures {
  glossary: string | undefined;
  canonicalName: boolean;
  conceptOverlap: number;
  crossMention: number;
  sameHead: boolean;
  text: number;
  table: number;
  type: TypeCompatibility;
  keyReference: boolean;
  bothIdentifiers: boolean;
  shape: string | undefined;
  shapeMismatch: boolean;
  values: number;
  codes: 'agree' | 'differ' | 'none';
  genericName: boolean;
  samePiiType: string | undefined;
  tailMismatch: boolean;
  /** The names end in the same kind of word (both times, both measures; identifiers by the same word). */
  tailSame: boolean;
  /** The names end in kinds of word that differ, one of them a time (a `tailMismatch`). */
  timeMismatch: boolean;
  headMismatch: boolean;
  /** Both columns are recurring identifiers of their products (`ColumnEntry.hub`). */
  hubs: boolean;
  /** Lexical similarity in [0, 1] (see LEXICAL_MIX). */
  lexical: number;
  /** Either column lacks structural evidence. */
  bare: boolean;
}

export interface PairScore {
  confidence: number;
  logit: number;
  kind: RelationshipKind;
  features: PairFeatures;
}

function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)))
    return true;
  if (a.length < 5 || b.length < 5) return false;
  // Jaro-Winkler ≥ 0.94 needs Jaro ≥ 0.9, which needs the shorter word at least 0.7 of the longer
  if (Math.min(a.length, b.length) < 0.7 * Math.max(a.length, b.length))
    return false;
  return jaroWinklerAtLeast(a, b, 0.94);
}

/** Dice overlap of two columns' concept words; a related word (patient ~ person, `areRelated`) counts half. */
function dice(a: ColumnEntry, b: ColumnEntry): number {
  const x = a.concept;
  const y = b.concept;
  if (!x.length || !y.length) return 0;
  let matched = 0;
  for (let i = 0; i < x.length; i++) {
    let m = 0;
    for (let j = 0; j < y.length; j++) {
      if (wordsMatch(x[i], y[j])) {
        m = 1;
        break;
      }
      if (
        m === 0 &&
        x[i] !== y[j] &&
        (a.conceptRelated[i].has(y[j]) || b.conceptRelated[j].has(x[i]))
      )
        m = 0.5;
    }
    matched += m;
  }
  return (2 * matched) / (x.length + y.length);
}

/**
 * Whether a column's description or name says a word, another word of its family (`individual`
 * for person) or a word WordNet relates to it (`patient` for person: `descRelated`).
 */
function mentions(
  a: ColumnEntry,
  word: string,
  family: readonly string[],
): boolean {
  if (a.descTerms.has(word) || a.concept.includes(word)) return true;
  if (a.descRelated.has(word)) return true;
  for (const f of family)
    if (a.descTerms.has(f) || a.concept.includes(f)) return true;
  return false;
}

/** Share of `x`'s concept words that `y` mentions. */
function coverage(x: ColumnEntry, y: ColumnEntry): number {
  const words = x.concept;
  if (!words.length) return 0;
  let found = 0;
  for (let i = 0; i < words.length; i++)
    if (mentions(y, words[i], x.conceptFamilies[i])) found++;
  return found / words.length;
}

function firstShared<T>(a: T[], b: T[]): T | undefined {
  for (const x of a) if (b.includes(x)) return x;
  return undefined;
}

function countShared<T>(a: T[], b: T[]): number {
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
}

/** Whether two documented code lists agree (at least 60% shared), differ, or either is missing. */
function codeListAgreement(a: string[], b: string[]): PairFeatures['codes'] {
  if (!a.length || !b.length) return 'none';
  return countShared(a, b) / Math.max(a.length, b.length) >= 0.6
    ? 'agree'
    : 'differ';
}

/** Lexical similarity of two columns in [0, 1]: name words, name + description + table context, name trigrams. */
export function lexicalSimilarity(a: ColumnEntry, b: ColumnEntry): number {
  return (
    LEXICAL_MIX.name * cosine(a.nameVector, b.nameVector) +
    LEXICAL_MIX.text * cosine(a.textVector, b.textVector) +
    LEXICAL_MIX.grams * sortedDice(a.grams, b.grams)
  );
}

export function pairFeatures(
  a: ColumnEntry,
  b: ColumnEntry,
  skipText = false,
): PairFeatures {
  const f = structuralFeatures(a, b);
  addNameFeatures(f, a, b);
  if (!skipText) addTextFeatures(f, a, b);
  return f;
}

/** Features that need no word comparison or vector product; name and text features start at 0. */
function structuralFeatures(
  a: ColumnEntry,
  b: ColumnEntry,
  into?: PairFeatures,
): PairFeatures {
  const codes = codeListAgreement(a.codes, b.codes);
  const piiA = a.column.piiTypes;
  const f: PairFeatures = into ?? ({} as PairFeatures);
  f.glossary =
    a.glossary.length && b.glossary.length
      ? firstShared(a.glossary, b.glossary)
      : undefined;
  f.canonicalName = a.concept.length > 0 && a.canonical === b.canonical;
  f.conceptOverlap = 0;
  f.crossMention = 0;
  f.sameHead = !!a.head && a.head === b.head;
  f.text = 0;
  f.table = 0;
  f.type = typeCompatibility(a.family, b.family);
  f.keyReference =
    (a.keyKind === 'unique' && b.idLike) ||
    (b.keyKind === 'unique' && a.idLike);
  f.bothIdentifiers = a.idLike && b.idLike;
  f.shape =
    a.selectiveShapes.length && b.selectiveShapes.length
      ? firstShared(a.selectiveShapes, b.selectiveShapes)
      : undefined;
  f.shapeMismatch =
    a.shapes.length > 0 &&
    b.shapes.length > 0 &&
    !sharesAny(a.shapes, b.shapes);
  f.values =
    a.values.length && b.values.length ? countShared(a.values, b.values) : 0;
  f.codes = codes;
  f.genericName = a.concept.length === 0 || b.concept.length === 0;
  f.samePiiType = piiA.length
    ? firstShared(piiA, b.column.piiTypes)
    : undefined;
  f.tailMismatch = !!a.tail && !!b.tail && a.tail !== b.tail;
  // identifiers by one word only: `zip_code` and `store_id` share a kind of tail, not what they hold
  f.tailSame =
    !!a.tail &&
    a.tail === b.tail &&
    (a.tail !== 'id' || a.tailWord === b.tailWord);
  f.timeMismatch = f.tailMismatch && (a.tail === 'time' || b.tail === 'time');
  f.hubs = a.hub && b.hub;
  // shared example values say the heads name one thing under two words (`sku` ~ `product_code`)
  f.headMismatch =
    f.values === 0 &&
    !!a.head &&
    !!b.head &&
    a.head !== b.head &&
    !wordsMatch(a.head, b.head) &&
    !areRelated(a.head, b.head);
  f.lexical = 0;
  f.bare = a.bare || b.bare;
  return f;
}

function sharesAny(a: string[], b: string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Word overlap of the names and mentions of one name's concepts in the other description. */
function addNameFeatures(
  f: PairFeatures,
  a: ColumnEntry,
  b: ColumnEntry,
): void {
  const conceptOverlap = dice(a, b);
  f.conceptOverlap = conceptOverlap;
  f.crossMention =
    Math.max(coverage(a, b), coverage(b, a)) * (conceptOverlap < 1 ? 1 : 0.5);
  // one name's concepts all in the other's description: the heads name one thing (`tracking_id` ~ "tracking reference")
  if (f.crossMention >= 1) f.headMismatch = false;
}

/** Vector similarities: description cosine, table cosine, lexical similarity (only where it weighs). */
function addTextFeatures(
  f: PairFeatures,
  a: ColumnEntry,
  b: ColumnEntry,
): void {
  f.text = cosine(a.vector, b.vector);
  f.table =
    a.tableInfo === b.tableInfo
      ? 1
      : cosine(a.tableInfo.vector, b.tableInfo.vector);
  f.lexical =
    f.bare || SCORER_WEIGHTS.lexical !== 0 ? lexicalSimilarity(a, b) : 0;
}

export function logit(f: PairFeatures): number {
  const w = SCORER_WEIGHTS;
  let z = w.bias;
  if (f.glossary) z += w.glossary;
  if (f.canonicalName) z += w.canonicalName;
  z += w.conceptOverlap * f.conceptOverlap;
  z += w.crossMention * f.crossMention;
  if (f.sameHead) z += w.sameHead;
  z += w.text * f.text;
  z += w.table * f.table;
  if (f.type === 'same') z += w.typeSame;
  if (f.type === 'incompatible') z += w.typeIncompatible;
  if (f.keyReference) z += w.keyReference;
  else if (f.bothIdentifiers) z += w.bothIdentifiers;
  if (f.shape) z += w.shape;
  else if (f.shapeMismatch) z += w.shapeMismatch;
  if (f.values > 0) z += w.values;
  if (f.codes === 'agree') z += w.codesAgree;
  if (f.codes === 'differ') z += w.codesDiffer;
  if (f.genericName && !f.glossary) z += w.genericName;
  if (f.samePiiType) z += w.samePiiType;
  if (f.tailMismatch) z += f.bare ? w.tailMismatchBare : w.tailMismatch;
  if (f.headMismatch) z += f.bare ? w.headMismatchBare : w.headMismatch;
  if (f.bare && f.tailSame) z += w.tailSameBare;
  if (f.bare && f.timeMismatch) z += w.timeMismatchBare;
  if (f.bare && f.hubs) z += w.hubsBare;
  z += (f.bare ? w.lexicalBare : w.lexical) * f.lexical;
  if (f.bare) z += w.tableBare * f.table;
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Kind from the features: a join key needs identifier-like columns on both
 * sides, compatible types, no PII attribute (e-mail, phone) as the key, and
 * either a key on one side, a shared glossary term or shared values.
 * Otherwise a confident pair is the same concept.
 */
export function kindOf(
  a: ColumnEntry,
  b: ColumnEntry,
  f: PairFeatures,
  confidence: number,
): RelationshipKind {
  if (confidence < SUGGEST_THRESHOLD) return 'none';
  const piiAttribute = (a.pii && !a.idLike) || (b.pii && !b.idLike);
  // selective values of a unique key found in another column: that column refers to it
  const holdsKeyValues =
    (a.keyKind === 'unique' || b.keyKind === 'unique') && f.values > 0;
  if (
    ((a.idLike && b.idLike) || holdsKeyValues) &&
    f.type !== 'incompatible' &&
    !piiAttribute &&
    !f.genericName &&
    (a.keyKind !== 'none' ||
      b.keyKind !== 'none' ||
      f.glossary ||
      f.values > 0 ||
      f.sameHead)
  ) {
    return 'join-key';
  }
  return 'same-concept';
}

/** Most the text features can add to the log-odds (with structural evidence / without). */
const TEXT_HEADROOM =
  SCORER_WEIGHTS.text +
  SCORER_WEIGHTS.table +
  Math.max(0, SCORER_WEIGHTS.lexical);
const TEXT_HEADROOM_BARE =
  SCORER_WEIGHTS.text +
  SCORER_WEIGHTS.table +
  Math.max(0, SCORER_WEIGHTS.lexicalBare) +
  Math.max(0, SCORER_WEIGHTS.tableBare);

/** Most the name-word features can add to the log-odds (a lifted head mismatch included). */
const NAME_HEADROOM =
  SCORER_WEIGHTS.conceptOverlap +
  SCORER_WEIGHTS.crossMention -
  SCORER_WEIGHTS.headMismatch;

function pruned(features: PairFeatures, z: number): PairScore {
  return { confidence: sigmoid(z), logit: z, kind: 'none', features };
}

/**
 * Scores a pair. With `prune`, a pair that cannot reach the suggestion
 * threshold even with perfect text similarity is returned as `none` without
 * computing the text features (its confidence is then a lower bound).
 */
export function scorePair(
  a: ColumnEntry,
  b: ColumnEntry,
  options: { prune?: boolean } = {},
): PairScore {
  const features = structuralFeatures(a, b);
  if (options.prune) {
    // staged: structural features first, then name words, then vectors; stop once the
    // threshold is out of reach even with the best possible remaining features
    const headroom = features.bare ? TEXT_HEADROOM_BARE : TEXT_HEADROOM;
    const z0 = logit(features);
    if (z0 + NAME_HEADROOM + headroom < 0) return pruned(features, z0);
    addNameFeatures(features, a, b);
    const z1 = logit(features);
    if (z1 + headroom < 0) return pruned(features, z1);
  } else addNameFeatures(features, a, b);
  return finishScore(a, b, features);
}

function finishScore(
  a: ColumnEntry,
  b: ColumnEntry,
  features: PairFeatures,
): PairScore {
  addTextFeatures(features, a, b);
  const z = logit(features);
  const confidence = sigmoid(z);
  return {
    confidence,
    logit: z,
    kind: kindOf(a, b, features, confidence),
    features,
  };
}

const scratch = {} as PairFeatures;

/**
 * `scorePair` with pruning, for scans: undefined when the pair cannot reach the threshold or
 * scores below it. Allocates no feature record: the returned `features` is a scratch record,
 * valid only until the next call (keep `logit`, `confidence` and `kind`; recompute features
 * with `pairFeatures` when needed).
 */
export function scoreCandidate(
  a: ColumnEntry,
  b: ColumnEntry,
): PairScore | undefined {
  const f = structuralFeatures(a, b, scratch);
  const headroom = f.bare ? TEXT_HEADROOM_BARE : TEXT_HEADROOM;
  if (logit(f) + NAME_HEADROOM + headroom < 0) return undefined;
  addNameFeatures(f, a, b);
  if (logit(f) + headroom < 0) return undefined;
  const s = finishScore(a, b, f);
  // the scratch record is reused: callers that keep features recompute them (pairFeatures)
  return s.kind === 'none' ? undefined : s;
}

/** Human-readable evidence for a scored pair, strongest first. Never quotes example values. */
export function evidenceFor(
  a: ColumnEntry,
  b: ColumnEntry,
  f: PairFeatures,
): string[] {
  const out: string[] = [];
  const an = a.column.name;
  const bn = b.column.name;
  if (f.glossary) out.push(`same glossary term ${f.glossary}`);
  if (an === bn) {
    if (!f.genericName) out.push(`same column name: ${an}`);
  } else if (f.canonicalName)
    out.push(`names match after expansion: ${an} ~ ${bn}`);
  else if (f.conceptOverlap > 0) {
    out.push(
      `names share the concept ${
        a.concept
          .filter(x => b.concept.some(y => wordsMatch(x, y)))
          .join(', ') || a.concept[0]
      }: ${an} ~ ${bn}`,
    );
  }
  if (f.crossMention >= 0.5 && f.conceptOverlap < 1)
    out.push(`the description of one column names the concept of the other`);
  if (f.text >= 0.25)
    out.push(`descriptions are similar (cosine ${f.text.toFixed(2)})`);
  if (f.bare && f.lexical >= 0.3)
    out.push(
      `names and descriptions are similar (lexical ${f.lexical.toFixed(
        2,
      )}; no types, examples or keys to check)`,
    );
  if (f.keyReference) {
    const key = a.keyKind === 'unique' ? a : b;
    out.push(
      `${key.tableInfo.table.name}.${key.column.name} is the key of its table; the other side refers to it`,
    );
  } else if (a.keyKind !== 'none' && b.keyKind !== 'none')
    out.push('both keys');
  else if (f.bothIdentifiers) out.push('both are identifiers');
  if (f.type === 'same' || f.type === 'castable') {
    out.push(
      `types compatible: ${a.family}/${b.family}${
        f.type === 'castable' ? ' (needs a cast)' : ''
      }`,
    );
  } else if (f.type === 'incompatible')
    out.push(`types incompatible: ${a.family}/${b.family}`);
  if (f.shape) out.push(`example values share the shape ${f.shape}`);
  else if (f.shapeMismatch) out.push('example values have different shapes');
  if (f.values > 0) out.push(`example values overlap (${f.values} in common)`);
  if (f.codes === 'agree') out.push('documented code lists agree');
  if (f.codes === 'differ') out.push('documented code lists differ');
  if (f.genericName && !f.glossary)
    out.push(
      `generic column name (${
        a.concept.length === 0 ? an : bn
      }) carries no meaning on its own`,
    );
  if (f.samePiiType) out.push(`both tagged pii:${f.samePiiType}`);
  if (f.bare && f.hubs)
    out.push(
      'both are identifiers named alike across many tables of their products (entity keys)',
    );
  if (f.headMismatch)
    out.push(`identifiers of different concepts (${a.head} vs ${b.head})`);
  if (f.tailMismatch)
    out.push(`names end in different kinds of word (${a.tail} vs ${b.tail})`);
  return out;
}
