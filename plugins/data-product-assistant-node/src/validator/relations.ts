/**
 * Entity- and relation-level grounding cues that word coverage misses:
 * - named spans ("Lake Erie State Park") must occur as spans in the cited text, not just word by word;
 * - two names a claim relates ("Stanford University is in Chestnut Hill") must be mentioned together
 *   in one sentence of a cited fact (or in the next sentence when it refers back with a pronoun);
 * - logic words (negation, "both", comparatives) state something word overlap cannot see,
 *   so the cited text has to use them too.
 */

/** Lower-case words that may sit inside a name: "Rock and Roll Hall of Fame", "Marquis de Lafayette". */
const CONNECTORS = new Set([
  'of',
  'the',
  'de',
  'du',
  'da',
  'del',
  'della',
  'di',
  'von',
  'van',
  'der',
  'den',
  'la',
  'le',
  'bei',
  'y',
  'and',
  '&',
]);

/** Capitalised words that start a sentence without naming anything. */
const LEADING_FUNCTION = new Set([
  'the',
  'a',
  'an',
  'both',
  'yes',
  'no',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'it',
  'its',
  'he',
  'she',
  'they',
  'his',
  'her',
  'their',
  'this',
  'that',
  'these',
  'those',
  'there',
  'neither',
  'either',
  'all',
  'each',
  'one',
  'only',
  'as',
  'and',
  'but',
  'or',
  'so',
  'if',
  'when',
  'while',
  'after',
  'before',
  'since',
  'although',
  'however',
  'also',
  'not',
  'we',
  'you',
  'i',
  'our',
  'your',
  'my',
  'some',
  'many',
  'most',
  'every',
  'which',
  'what',
  'who',
  'where',
]);

/** Heads too generic to locate a name by on their own ("Stanford University" is not "a research university"). */
const GENERIC_HEADS = new Set([
  'university',
  'college',
  'school',
  'institute',
  'academy',
  'city',
  'county',
  'state',
  'states',
  'united',
  'river',
  'lake',
  'park',
  'street',
  'road',
  'church',
  'company',
  'records',
  'music',
  'pictures',
  'film',
  'films',
  'series',
  'band',
  'group',
  'club',
  'team',
  'league',
  'association',
  'national',
  'international',
  'american',
  'british',
  'new',
  'north',
  'south',
  'east',
  'west',
  'saint',
  'st',
  'mount',
  'island',
  'the',
  'of',
  'and',
  'center',
  'centre',
  'hall',
  'house',
  'museum',
  'airport',
  'base',
  'air',
  'force',
  'award',
  'awards',
  'prize',
  'game',
  'games',
  'show',
]);

/** Dates are not names to relate ("born on July 7"). */
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

const ABBREVIATIONS = new Set([
  'st',
  'dr',
  'mr',
  'mrs',
  'ms',
  'jr',
  'sr',
  'co',
  'inc',
  'ltd',
  'vs',
  'etc',
  'no',
  'mt',
  'lt',
  'col',
  'gen',
  'prof',
  'ft',
  'approx',
  'fig',
]);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
const PRONOUN_START =
  /^(?:\W*\S+\W+){0,3}?(?:he|she|it|they|his|her|its|their)\b/i;

const normalised = new Map<string, string>();

export function normaliseSpan(s: string): string {
  let n = normalised.get(s);
  if (n === undefined) {
    // sentences are normalised once per check, not once per name looked up in them
    if (normalised.size > 20_000) normalised.clear();
    n = ` ${s
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()} `;
    normalised.set(s, n);
  }
  return n;
}

/**
 * Splits text into sentences. Also splits glued sentences ("…Whale".David Lee Roth …"), but not
 * after initials ("S. P. L. Sørensen") or common abbreviations ("St. Louis").
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["”’')\]]*(?=\s+["“(]?\p{Lu}|["“]?\p{Lu}\p{Ll})|\n+/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index! + m[0].length;
    if (m[0][0] === '.') {
      const before = text.slice(start, m.index!);
      const last = /([\p{L}\p{N}]+)\W*$/u.exec(before)?.[1] ?? '';
      if (/^\p{Lu}$/u.test(last) || ABBREVIATIONS.has(last.toLowerCase()))
        continue;
    }
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

export interface NameSpan {
  /** The span as written, e.g. "Rock and Roll Hall of Fame". */
  text: string;
  /** Its parts when it joins names with "and" ("David Lee Roth and Cia Berg"). */
  parts: string[];
}

/**
 * Capitalised multi-word names of a claim, and single capitalised words not at the start of a sentence.
 * A single capitalised word at the start of a sentence counts only when `isKnownName` says so.
 */
export function nameSpans(
  text: string,
  isKnownName: (word: string) => boolean = () => false,
): NameSpan[] {
  const words = [...text.matchAll(WORD)].map(m => ({
    raw: m[0],
    index: m.index!,
    end: m.index! + m[0].length,
  }));
  const spans: NameSpan[] = [];
  let i = 0;
  const cap = (w: string) => /^\p{Lu}/u.test(w);
  const gapOk = (a: { end: number }, b: { index: number }) =>
    /^[\s-]*$/.test(text.slice(a.end, b.index));
  while (i < words.length) {
    if (!cap(words[i].raw)) {
      i++;
      continue;
    }
    let j = i;
    // Extend over capitalised words and connectors followed by a capitalised word.
    for (;;) {
      let k = j + 1;
      while (
        k < words.length &&
        CONNECTORS.has(words[k].raw.toLowerCase()) &&
        gapOk(words[k - 1], words[k])
      )
        k++;
      if (
        k < words.length &&
        cap(words[k].raw) &&
        gapOk(words[k - 1], words[k])
      )
        j = k;
      else break;
    }
    let first = i;
    const sentenceStart = (w: { index: number }) =>
      /(^|[.!?:;]["”’)]*\s+|\n\s*|["“(]\s*)$/.test(text.slice(0, w.index));
    while (
      first <= j &&
      (LEADING_FUNCTION.has(words[first].raw.toLowerCase()) ||
        CONNECTORS.has(words[first].raw.toLowerCase()))
    ) {
      if (!cap(words[first].raw) && first > i) break;
      first++;
    }
    if (first <= j) {
      const single = first === j;
      const initial = sentenceStart(words[first]) || first > i;
      if (!single || !initial || isKnownName(words[first].raw)) {
        const span = text
          .slice(words[first].index, words[j].end)
          .replace(/['’]s$/, '');
        const parts = span
          .split(/\s+(?:and|&)\s+/)
          .map(p => p.trim())
          .filter(Boolean);
        spans.push({ text: span, parts });
      }
    }
    i = j + 1;
  }
  return spans;
}

/** Whether `span` occurs in `haystack` as a whole span (case and punctuation ignored). */
export function containsSpan(haystack: string, span: string): boolean {
  const n = normaliseSpan(span).replace(/^ the /, ' ');
  return n.trim().length > 0 && normaliseSpan(haystack).includes(n);
}

/** Names of the claim that do not occur as spans in the evidence (each "and" part checked on its own). */
export function missingSpans(
  claim: string,
  evidence: string,
  isKnownName?: (w: string) => boolean,
): string[] {
  const missing: string[] = [];
  for (const s of nameSpans(claim, isKnownName)) {
    if (s.text.split(/\s+/).length < 2) continue;
    if (containsSpan(evidence, s.text)) continue;
    for (const p of s.parts)
      if (p.split(/\s+/).length >= 2 && !containsSpan(evidence, p))
        missing.push(p);
  }
  return missing;
}

const wordPatterns = new Map<string, RegExp>();
/** A whole-word pattern for a word (cached: the same names are looked up in every sentence). */
function wordPattern(w: string): RegExp {
  let re = wordPatterns.get(w);
  if (!re) {
    if (wordPatterns.size > 10_000) wordPatterns.clear();
    re = new RegExp(
      `(?<![\\p{L}\\p{N}])${w
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/[’']/g, "['’]")}(?![\\p{L}\\p{N}])`,
      'u',
    );
    wordPatterns.set(w, re);
  }
  return re;
}

function mentions(sentence: string, name: string): boolean {
  if (containsSpan(sentence, name)) return true;
  // A distinctive word of the name, capitalised in the sentence ("Olsen" for "Carsten Olsen").
  const words = name.match(WORD) ?? [];
  return words.some(
    w =>
      /^\p{Lu}/u.test(w) &&
      w.length >= 3 &&
      !GENERIC_HEADS.has(w.toLowerCase()) &&
      wordPattern(w).test(sentence),
  );
}

/**
 * Pairs of names the claim relates that no cited fact mentions together: not in one sentence, nor in
 * adjacent sentences where the second refers back with a pronoun. Names found in different facts are
 * fine (the claim combines the facts it cites); names a fact never mentions are left to other checks.
 */
export function unrelatedNames(
  claim: string,
  factTexts: readonly string[],
  isKnownName?: (w: string) => boolean,
): Array<[string, string]> {
  const names = [
    ...new Set(nameSpans(claim, isKnownName).flatMap(s => s.parts)),
  ].filter(n => !CALENDAR.test(n));
  if (names.length < 2) return [];
  const facts = factTexts.map(t => splitSentences(t));
  const where = (n: string) => facts.map(ss => ss.map(s => mentions(s, n)));
  const loc = new Map(names.map(n => [n, where(n)]));
  const out: Array<[string, string]> = [];
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      const [na, nb] = [names[a], names[b]];
      if (
        normaliseSpan(na).includes(normaliseSpan(nb)) ||
        normaliseSpan(nb).includes(normaliseSpan(na))
      )
        continue;
      const la = loc.get(na)!;
      const lb = loc.get(nb)!;
      const inFact = (l: boolean[][]) => l.map(ss => ss.some(Boolean));
      const fa = inFact(la);
      const fb = inFact(lb);
      if (!fa.some(Boolean) || !fb.some(Boolean)) continue;
      // Found in different facts: the claim combines what it cites.
      if (fa.some((x, i) => x && fb.some((y, j) => y && j !== i))) continue;
      let together = false;
      for (let f = 0; f < facts.length && !together; f++) {
        const ss = facts[f];
        for (let i = 0; i < ss.length && !together; i++) {
          if (la[f][i] && lb[f][i]) together = true;
          else if (
            i > 0 &&
            PRONOUN_START.test(ss[i]) &&
            ((la[f][i - 1] && lb[f][i]) || (lb[f][i - 1] && la[f][i]))
          )
            together = true;
        }
      }
      if (!together) out.push([na, nb]);
    }
  }
  return out;
}

/**
 * Words of a claim that its cited facts state only about something else: the
 * claim names N and says w, and the facts say w, but never in a sentence
 * about N (nor in the next one when it refers back with a pronoun). "The
 * Chinese Crested Dog is the extinct breed" where the facts call another breed
 * extinct. Only for claims naming one thing: a claim naming several may
 * combine what the facts say of each.
 */
export function displacedWords(
  claim: string,
  factTexts: readonly string[],
  words: ReadonlyArray<{ raw: string; supportedBy: (text: string) => boolean }>,
  isKnownName?: (w: string) => boolean,
): string[] {
  const names = [
    ...new Set(nameSpans(claim, isKnownName).flatMap(s => s.parts)),
  ].filter(n => !CALENDAR.test(n));
  if (names.length !== 1 || !words.length) return [];
  const [name] = names;
  const sentences = factTexts.flatMap(t => splitSentences(t));
  if (sentences.length < 2) return [];
  const about: string[] = [];
  sentences.forEach((s, i) => {
    if (mentions(s, name)) {
      about.push(s);
      const next = sentences[i + 1];
      if (next && PRONOUN_START.test(next)) about.push(next);
    }
  });
  // A name the facts never mention is for other checks to report.
  if (!about.length) return [];
  const window = about.join('\n');
  const nameWords = new Set(normaliseSpan(name).trim().split(' '));
  return words
    .filter(w => !nameWords.has(w.raw.toLowerCase()))
    .filter(
      w => !w.supportedBy(window) && sentences.some(s => w.supportedBy(s)),
    )
    .map(w => w.raw);
}

/** Words whose meaning word overlap cannot check: negation, quantifiers over several things, comparisons. */
const NEGATIONS = new Set([
  'not',
  "n't",
  'never',
  'neither',
  'nor',
  'none',
  'nobody',
  'nothing',
  'no',
]);
const COMPARISONS = new Set([
  'both',
  'same',
  'either',
  'more',
  'fewer',
  'than',
  'younger',
  'older',
  'larger',
  'smaller',
  'bigger',
  'longer',
  'shorter',
  'instead',
  'unlike',
  'whereas',
]);
const NEGATION_FORMS =
  /\b(?:not|never|no|none|neither|nor|without|cannot)\b|n['’]t\b/i;

export interface LogicWord {
  word: string;
  /** `polar`: a leading "no" answering the question; `negation`: a negation inside the claim; `comparison`: quantifiers and comparatives. */
  kind: 'polar' | 'negation' | 'comparison';
  /** The claim's words after it (for negations: what is negated). */
  following: string[];
}

/**
 * Logic words in the claim that the evidence does not use. A bare "yes"/"no" (a polar answer with
 * nothing else to check) is left alone; negations pass when the evidence negates something too.
 */
export function unsupportedLogicWords(
  claim: string,
  evidence: string,
): LogicWord[] {
  const words = (
    claim.toLowerCase().match(/[\p{L}\p{N}]+(?:['’]t)?/gu) ?? []
  ).map(w => (/n['’]t$/.test(w) ? "n't" : w));
  const content = words.filter(
    w => !['yes', 'no', 'the', 'a', 'an'].includes(w),
  );
  if (!content.length) return [];
  const ev = new Set(evidence.toLowerCase().match(/[\p{L}]+/gu) ?? []);
  const evNegated = NEGATION_FORMS.test(evidence);
  const out: LogicWord[] = [];
  const seen = new Set<string>();
  words.forEach((w, i) => {
    if (seen.has(w) || ev.has(w)) return;
    if (NEGATIONS.has(w)) {
      if (evNegated) return;
      seen.add(w);
      out.push({
        word: w,
        kind: i === 0 && w === 'no' ? 'polar' : 'negation',
        following: words.slice(i + 1, i + 5),
      });
    } else if (COMPARISONS.has(w)) {
      seen.add(w);
      out.push({
        word: w,
        kind: 'comparison',
        following: words.slice(i + 1, i + 5),
      });
    }
  });
  return out;
}
