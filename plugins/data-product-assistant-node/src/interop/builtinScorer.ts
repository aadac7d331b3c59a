import type { ColumnEntry } from './columnFeatures';
import { cosine } from './columnFeatures';
import { jaroWinkler, typeCompatibility, type TypeCompatibility } from './text';
import type { RelationshipKind } from './types';

/**
 * The built-in relationship model: a logistic combination of pair features.
 *
 * confidence = sigmoid(BIAS + Σ weight_f · feature_f)
 *
 * Weights were set on the demo catalog (examples/catalog, dev data): started
 * from hand-set values, then checked with `evals/scripts/interop-figures.ts`
 * (recall of the intended relationships, no trap suggested as a join key).
 * Nothing from the MIMIC→OMOP answer key was used. A pair is suggested when
 * confidence ≥ SUGGEST_THRESHOLD.
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
} as const;

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
  headMismatch: boolean;
}

export interface PairScore {
  confidence: number;
  logit: number;
  kind: RelationshipKind;
  features: PairFeatures;
}

function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  return a.length >= 5 && b.length >= 5 && jaroWinkler(a, b) >= 0.94;
}

function dice(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  let matched = 0;
  for (const x of a) if (b.some(y => wordsMatch(x, y))) matched++;
  return (2 * matched) / (a.length + b.length);
}

function coverage(words: string[], a: ColumnEntry): number {
  if (!words.length) return 0;
  let found = 0;
  for (const w of words) if (a.descTerms.has(w) || a.concept.includes(w)) found++;
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

export function pairFeatures(a: ColumnEntry, b: ColumnEntry, skipText = false): PairFeatures {
  const conceptOverlap = dice(a.concept, b.concept);
  const codes: PairFeatures['codes'] =
    a.codes.length && b.codes.length
      ? countShared(a.codes, b.codes) / Math.max(a.codes.length, b.codes.length) >= 0.6
        ? 'agree'
        : 'differ'
      : 'none';
  const piiA = a.column.piiTypes;
  return {
    glossary: firstShared(a.glossary, b.glossary),
    canonicalName: a.concept.length > 0 && a.canonical === b.canonical,
    conceptOverlap,
    crossMention: Math.max(coverage(a.concept, b), coverage(b.concept, a)) * (conceptOverlap < 1 ? 1 : 0.5),
    sameHead: !!a.head && a.head === b.head,
    text: skipText ? 0 : cosine(a.vector, b.vector),
    table: skipText ? 0 : cosine(a.tableInfo.vector, b.tableInfo.vector),
    type: typeCompatibility(a.family, b.family),
    keyReference: (a.keyKind === 'unique' && b.idLike) || (b.keyKind === 'unique' && a.idLike),
    bothIdentifiers: a.idLike && b.idLike,
    shape: firstShared(a.selectiveShapes, b.selectiveShapes),
    shapeMismatch: a.shapes.length > 0 && b.shapes.length > 0 && !a.shapes.some(s => b.shapes.includes(s)),
    values: countShared(a.values, b.values),
    codes,
    genericName: a.concept.length === 0 || b.concept.length === 0,
    samePiiType: piiA.length ? firstShared(piiA, b.column.piiTypes) : undefined,
    tailMismatch: !!a.tail && !!b.tail && a.tail !== b.tail,
    headMismatch: !!a.head && !!b.head && !wordsMatch(a.head, b.head),
  };
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
  if (f.tailMismatch) z += w.tailMismatch;
  if (f.headMismatch) z += w.headMismatch;
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Kind from the features: a join key needs identifier-like columns on both
 * sides, compatible types, no PII attribute (e-mail, phone) as the key, and
 * either a key on one side, a shared glossary term or shared values.
 * Otherwise a confident pair is the same concept.
 */
export function kindOf(a: ColumnEntry, b: ColumnEntry, f: PairFeatures, confidence: number): RelationshipKind {
  if (confidence < SUGGEST_THRESHOLD) return 'none';
  const piiAttribute = (a.pii && !a.idLike) || (b.pii && !b.idLike);
  if (
    a.idLike &&
    b.idLike &&
    f.type !== 'incompatible' &&
    !piiAttribute &&
    !f.genericName &&
    (a.keyKind !== 'none' || b.keyKind !== 'none' || f.glossary || f.values > 0 || f.sameHead)
  ) {
    return 'join-key';
  }
  return 'same-concept';
}

/** Most the text features can add to the log-odds. */
const TEXT_HEADROOM = SCORER_WEIGHTS.text + SCORER_WEIGHTS.table;

/**
 * Scores a pair. With `prune`, a pair that cannot reach the suggestion
 * threshold even with perfect text similarity is returned as `none` without
 * computing the text features (its confidence is then a lower bound).
 */
export function scorePair(a: ColumnEntry, b: ColumnEntry, options: { prune?: boolean } = {}): PairScore {
  if (options.prune) {
    const partial = pairFeatures(a, b, true);
    const zPartial = logit(partial);
    if (zPartial + TEXT_HEADROOM < 0) {
      return { confidence: sigmoid(zPartial), logit: zPartial, kind: 'none', features: partial };
    }
  }
  const features = pairFeatures(a, b);
  const z = logit(features);
  const confidence = sigmoid(z);
  return { confidence, logit: z, kind: kindOf(a, b, features, confidence), features };
}

/** Human-readable evidence for a scored pair, strongest first. Never quotes example values. */
export function evidenceFor(a: ColumnEntry, b: ColumnEntry, f: PairFeatures): string[] {
  const out: string[] = [];
  const an = a.column.name;
  const bn = b.column.name;
  if (f.glossary) out.push(`same glossary term ${f.glossary}`);
  if (an === bn) {
    if (!f.genericName) out.push(`same column name: ${an}`);
  } else if (f.canonicalName) out.push(`names match after expansion: ${an} ~ ${bn}`);
  else if (f.conceptOverlap > 0) {
    out.push(`names share the concept ${a.concept.filter(x => b.concept.some(y => wordsMatch(x, y))).join(', ') || a.concept[0]}: ${an} ~ ${bn}`);
  }
  if (f.crossMention >= 0.5 && f.conceptOverlap < 1) out.push(`the description of one column names the concept of the other`);
  if (f.text >= 0.25) out.push(`descriptions are similar (cosine ${f.text.toFixed(2)})`);
  if (f.keyReference) {
    const key = a.keyKind === 'unique' ? a : b;
    out.push(`${key.tableInfo.table.name}.${key.column.name} is the key of its table; the other side refers to it`);
  } else if (a.keyKind !== 'none' && b.keyKind !== 'none') out.push('both keys');
  else if (f.bothIdentifiers) out.push('both are identifiers');
  if (f.type === 'same' || f.type === 'castable') {
    out.push(`types compatible: ${a.family}/${b.family}${f.type === 'castable' ? ' (needs a cast)' : ''}`);
  } else if (f.type === 'incompatible') out.push(`types incompatible: ${a.family}/${b.family}`);
  if (f.shape) out.push(`example values share the shape ${f.shape}`);
  else if (f.shapeMismatch) out.push('example values have different shapes');
  if (f.values > 0) out.push(`example values overlap (${f.values} in common)`);
  if (f.codes === 'agree') out.push('documented code lists agree');
  if (f.codes === 'differ') out.push('documented code lists differ');
  if (f.genericName && !f.glossary) out.push(`generic column name (${a.concept.length === 0 ? an : bn}) carries no meaning on its own`);
  if (f.samePiiType) out.push(`both tagged pii:${f.samePiiType}`);
  if (f.headMismatch) out.push(`identifiers of different concepts (${a.head} vs ${b.head})`);
  if (f.tailMismatch) out.push(`names end in different kinds of word (${a.tail} vs ${b.tail})`);
  return out;
}
