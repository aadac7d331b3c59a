import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import type { Fact, VerdictReason } from '../models/types';
import { stripExamples } from '../context/buildFacts';
import { detectPii } from '../pii/detectPii';
import { perObject } from '../text/perObject';
import type { PiiSpan, PiiType } from '../pii/types';
import {
  classificationRank,
  effectiveClassification,
  extractFactValues,
  isPublicFact,
} from '../privacy/factValues';

export interface GovernanceOptions {
  /** PII detectors on the answer (default true). */
  pii?: boolean;
  /** Secret detectors on the answer (default true). */
  secrets?: boolean;
  /** Values of columns above the user's clearance (default true). */
  restrictedValues?: boolean;
  /** Person-name hits below this score warn instead of block (default 0.75). */
  personBlockScore?: number;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const alnum = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const digitsOnly = (s: string) => s.replace(/\D/g, '');

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// Per fact object: the validator runs on every ask, over facts that stay the same per contract
// (the packed facts differ per ask, the fact objects in them do not).
const factWords = perObject(
  (f: Fact): ReadonlySet<string> => new Set(words(f.text)),
);
// What a reader below a column's classification may see of its fact: no example values.
const stripped = perObject((f: Fact) => {
  const text = stripExamples(f.text);
  return { text, words: new Set(words(text)) as ReadonlySet<string> };
});
const classOf = perObject((f: Fact) => {
  const level = effectiveClassification(f);
  return { level, rank: classificationRank(level), public: isPublicFact(f) };
});
const factValues = perObject((f: Fact) =>
  extractFactValues(f.text).map(valueForms),
);

/** An answer's forms that values are looked for in, each made once however many values there are. */
class ScannedText {
  private spacedForm?: string;
  private alnumForm?: string;
  private runs?: string[];
  private wordSet?: Set<string>;

  constructor(readonly text: string) {}

  /** Lower case, words separated by single spaces, with a space at either end. */
  get spaced(): string {
    return (this.spacedForm ??= ` ${norm(this.text).replace(
      /[^\p{L}\p{N}]+/gu,
      ' ',
    )} `);
  }

  get alnum(): string {
    return (this.alnumForm ??= alnum(this.text));
  }

  /** The digits of each run of digits (spaces, dots and dashes between them allowed). */
  get digitRuns(): string[] {
    return (this.runs ??=
      this.text.match(/\d[\d\s.-]*\d/g)?.map(digitsOnly) ?? []);
  }

  get words(): Set<string> {
    return (this.wordSet ??= new Set(words(this.text)));
  }
}

/** Whether `value` (or a distinctive part of it) appears in `answer`. */
export function leaksValue(
  value: string,
  answer: string,
  allowedWords: { has(word: string): boolean },
): string | undefined {
  return leaks(value, new ScannedText(answer), allowedWords);
}

/** A value's forms that `leaks` looks for, made once per value of a fact. */
interface ValueForms {
  value: string;
  /** Too short to look for. */
  short: boolean;
  /** Lower case, words separated by single spaces. */
  spaced: string;
  alnum: string;
  digits: string;
  /** Its distinctive words: long enough and not digits only. */
  words: string[];
}

function valueForms(value: string): ValueForms {
  const v = norm(value);
  return {
    value,
    short: v.length < 3,
    spaced: v.replace(/[^\p{L}\p{N}]+/gu, ' ').trim(),
    alnum: alnum(value),
    digits: digitsOnly(value),
    words: words(value).filter(w => w.length >= 4 && !/^\d+$/.test(w)),
  };
}

function leaks(
  value: string | ValueForms,
  scanned: ScannedText,
  allowedWords: { has(word: string): boolean },
): string | undefined {
  const f = typeof value === 'string' ? valueForms(value) : value;
  if (f.short) return undefined;
  // Whole words only: a surname "Doe" is not leaked by "does".
  if (f.spaced && scanned.spaced.includes(` ${f.spaced} `)) return f.value;
  if (f.alnum.length >= 5 && scanned.alnum.includes(f.alnum)) return f.value;
  // Digit-heavy values (accounts, cards, phone numbers): a long enough run of their digits.
  const d = f.digits;
  if (d.length >= 6) {
    const window = Math.max(6, Math.ceil(d.length * 0.6));
    const runs = scanned.digitRuns;
    for (let i = 0; i + window <= d.length; i++) {
      const piece = d.slice(i, i + window);
      if (runs.some(r => r.includes(piece))) return piece;
    }
  }
  // Distinctive words of the value (a surname, a local part) that nothing permitted explains.
  for (const w of f.words) {
    if (scanned.words.has(w) && !allowedWords.has(w)) return w;
  }
  return undefined;
}

/** How a reason names a detected value. */
const PII_WORDS: Record<string, string> = {
  person: 'a person name',
  email: 'an e-mail address',
  phone: 'a phone number',
  'payment-card': 'a payment card number',
  iban: 'an IBAN',
  'national-id': 'a national identification number',
  'ip-address': 'an IP address',
  'street-address': 'a street address',
  'date-of-birth': 'a date of birth',
};

/** Whether one fact holds the span: where a detected value comes from. */
function spanInFact(s: PiiSpan, fact: Fact): boolean {
  if (s.type === 'person') {
    const known = factWords(fact);
    return words(s.text)
      .filter(w => w.length > 1)
      .every(w => known.has(w));
  }
  const a = alnum(s.text);
  return (
    norm(fact.text).includes(norm(s.text)) ||
    (a.length >= 5 && alnum(fact.text).includes(a))
  );
}

/** Whether the reader may see a name: a published name may be written differently ("Robert Zemeckis" / "Robert L. Zemeckis"). */
function publishedName(name: string, view: ClearanceView): boolean {
  return words(name)
    .filter(w => w.length > 1)
    .every(w => view.publishedWords.has(w));
}

function spanInFacts(s: PiiSpan, view: ClearanceView): boolean {
  if (s.type === 'person') return publishedName(s.text, view);
  const t = norm(s.text);
  const a = alnum(s.text);
  return view.published.some(text => {
    const ft = norm(text);
    return ft.includes(t) || (a.length >= 5 && alnum(text).includes(a));
  });
}

/**
 * The words of several facts, looked up fact by fact: the facts differ per answer, and joining
 * their words would cost more than the few look-ups an answer needs.
 */
class WordUnion {
  private readonly sets: Array<ReadonlySet<string>> = [];

  add(set: ReadonlySet<string>) {
    this.sets.push(set);
  }

  has(word: string): boolean {
    return this.sets.some(set => set.has(word));
  }
}

interface ClearanceView {
  /**
   * What the reader may see of the facts: public facts, facts of columns at or below the
   * clearance, and the descriptions (not the example values) of unclassified columns:
   * PII written there may be shown.
   */
  published: string[];
  publishedWords: WordUnion;
  /** Words of every fact the reader may see. */
  permittedWords: WordUnion;
  /** Facts above the clearance, with their example values. */
  restricted: Array<{
    fact: Fact;
    level: Classification;
    values: ValueForms[];
  }>;
}

// Per facts array and clearance: the same for every answer about one contract.
const views = new WeakMap<
  readonly Fact[],
  Map<Classification, ClearanceView>
>();

function clearanceView(
  facts: readonly Fact[],
  clearance: Classification,
): ClearanceView {
  let byClearance = views.get(facts);
  if (!byClearance) views.set(facts, (byClearance = new Map()));
  const hit = byClearance.get(clearance);
  if (hit) return hit;
  // Personal data the reader is cleared for (public facts, and values of columns
  // at or below their clearance) may appear; anything else may not.
  const rank = classificationRank(clearance);
  const view: ClearanceView = {
    published: [],
    publishedWords: new WordUnion(),
    permittedWords: new WordUnion(),
    restricted: [],
  };
  for (const f of facts) {
    const c = classOf(f);
    const cleared =
      c.public || (f.classification !== undefined && c.rank <= rank);
    const below = c.rank <= rank;
    if (!cleared && !below) continue;
    const shown = cleared ? { text: f.text, words: factWords(f) } : stripped(f);
    view.published.push(shown.text);
    view.publishedWords.add(shown.words);
  }
  for (const f of facts) {
    const c = classOf(f);
    if (c.rank <= rank || c.public) view.permittedWords.add(factWords(f));
    else
      view.restricted.push({ fact: f, level: c.level, values: factValues(f) });
  }
  byClearance.set(clearance, view);
  return view;
}

/**
 * Governance of an answer text: secrets, PII not published in a public fact, and values
 * of columns the user's clearance does not cover (even partially).
 */
export function checkGovernance(
  text: string,
  facts: readonly Fact[],
  clearance: Classification,
  question: string,
  options: GovernanceOptions = {},
): VerdictReason[] {
  const reasons: VerdictReason[] = [];
  const types: PiiType[] = [];
  if (options.secrets !== false) types.push('secret');
  if (options.pii !== false) {
    types.push(
      'email',
      'phone',
      'payment-card',
      'iban',
      'national-id',
      'ip-address',
      'person',
      'street-address',
      'date-of-birth',
    );
  }
  const view = clearanceView(facts, clearance);
  const found = types.length
    ? detectPii(text, {
        types,
        discardedName: name => publishedName(name, view),
      })
    : [];
  for (const s of found) {
    if (s.type === 'secret') {
      reasons.push({
        code: 'secret',
        message: `The answer contains a credential (${s.subtype ?? 'secret'}).`,
        severity: 'block',
      });
      continue;
    }
    if (spanInFacts(s, view)) continue;
    const weak =
      s.type === 'person' && s.score < (options.personBlockScore ?? 0.75);
    // Where the value comes from: a column's own examples are not "unpublished".
    const source = facts.find(f => spanInFact(s, f));
    const what = PII_WORDS[s.type] ?? `a ${s.type} value`;
    let where = ' that the metadata does not publish';
    if (source?.table && source.column) {
      where = ` from ${source.table}.${
        source.column
      } (classified ${effectiveClassification(source)})`;
    } else if (source) {
      where = '';
    }
    reasons.push({
      code: 'pii',
      message: `The answer contains ${what}${where}, which the reader's clearance (${clearance}) does not cover.`,
      severity: weak ? 'warning' : 'block',
    });
  }
  if (options.restrictedValues !== false) {
    const questionWords = new Set(words(question));
    const allowedWords = {
      has: (w: string) => view.permittedWords.has(w) || questionWords.has(w),
    };
    const seen = new Set<string>();
    const scanned = new ScannedText(text);
    for (const { fact: f, level, values } of view.restricted) {
      for (const value of values) {
        const leak = leaks(value, scanned, allowedWords);
        if (!leak || seen.has(value.value)) continue;
        seen.add(value.value);
        const col =
          f.table && f.column ? `${f.table}.${f.column}` : f.column ?? f.id;
        reasons.push({
          code: 'restricted-value',
          message: `The answer contains a value of ${col}, classified ${level}, above the reader's clearance (${clearance}).`,
          severity: 'block',
        });
      }
    }
  }
  return reasons;
}
