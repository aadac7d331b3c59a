/**
 * Person names from general evidence, never from a dataset's names:
 *   - what a text says about a name: "my name is …", "Name: …", "Dear …", titles (Dr., Ms. …);
 *   - what the sentence around a capitalised run says (the English model's parts of speech, and
 *     WordNet's categories of the words next to it): a word for a person before or after it
 *     ("the secretary to X", "X, our engineer", "X's daughter"), a verb it is the subject of,
 *     "he"/"she" later in that sentence;
 *   - what its words are: not English vocabulary, a name WordNet knows as a person's, or one the
 *     general list of personal names knows (text/personalNames.ts); against: a place (WordNet
 *     location names, "in"/"at" before it, all capitals), an organisation (a legal form or group
 *     word at its end), a nationality, an interjection, or ordinary English words;
 *   - a name found once is found again where its words are mentioned alone, and text written
 *     all in lower case gets capitals for the names the list knows first (truecase.ts).
 */
import {
  annotate,
  isKnownName,
  isStopword,
  lexicon,
  type NlpToken,
} from '../text';
import { isAddressWord, isStreetTypeWord } from './addressWords';
import { detectStreetAddresses } from './streetAddress';
import { casedForNames } from './truecase';
import { matchAll, PiiSpan, resolveOverlaps, span } from './types';

/** Titles and forms of address written before a name. */
const TITLES = new Set(
  `mr mrs ms miss mx dr doctor prof professor sir dame lady lord madam madame mme mlle monsieur
herr frau señor señora senor senora sr sra signor signora rev reverend fr father sister brother
capt captain col colonel gen general lt lieutenant sgt sergeant cpl corporal hon judge justice
mayor senator president governor officer detective inspector agent coach nurse`.split(
    /\s+/,
  ),
);

/** Forms of address that are never a name's word ("Mr", "Dr"): one starts a new name. */
const SHORT_TITLES = new Set('mr mrs ms miss mx dr prof'.split(' '));
const LEADING_TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?[ \t]+(?=\p{Lu})/iu;

// Statements that introduce a name, whatever its case.
const STRONG_CUE =
  /\b(?:my name is|my name's|(?:first |last |full |sur|given |family |user ?)?name\s*[:=]|(?:first |last |full |sur|given |family )name is|i am called|i'm called|(?:signed|sincerely|regards)[ \t]*(?:[,:]|(?=\n))|(?:best|cheers|thanks|thank you|yours|warmly|love)[ \t]*,[ \t]*(?=\n)|dear)[ \t]*(?:\n[ \t]*)?/giu;
// Statements that introduce a name written with capitals.
const CUE =
  /\b(?:name(?:\s+\p{L}+){0,4}?\s+is|name\?|name(?=\s+\p{Lu})|called|named|known as|call me|calls me|i am|i'm|this is|hello|hi|hey|good (?:morning|afternoon|evening)|welcome|goodbye|bye|thank you|thanks|attn:?|c\/o|(?:author|customer|patient|contact|recipient|sender|employee|owner|guest|passenger|applicant|account holder|card ?holder|policy ?holder|beneficiary|payee|insured|tenant|borrower)\s*:)[ \t]*(?:\n[ \t]*)?/giu;

const PARTICLES = new Set(
  'van von der den de da di del della du dos das la le bin ibn al ter ten st'.split(
    ' ',
  ),
);
const POSTNOMINAL =
  /^(?:Jr|Sr|II|III|IV|MD|PhD|DDS|DVM|Esq|CPA|RN|DO|MBA|MSc|BSc|OBE|MBE|CBE)\.?$/;
// A name word: capitalised, letters, apostrophes and hyphens ("O'Neil", "Smith-Jones", "McConnan").
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’-]*(?:\p{Lu}[\p{Ll}'’-]+)?|\p{Lu}\.?)$/u;
const WORDS = /[\p{L}][\p{L}'’.-]*/gu;

/** Last words of organisation names. */
const ORG_WORDS = new Set(
  `inc ltd llc llp plc gmbh ag sa srl bv nv oy ab as co corp corporation company group holdings
bank university college institute school foundation association society agency ministry department
solutions systems technologies technology services partners associates consulting labs laboratories
industries international enterprises ventures capital insurance media records studios club team`.split(
    /\s+/,
  ),
);

interface Run {
  start: number;
  end: number;
  words: Array<{ text: string; start: number; end: number }>;
  /** A title stood before it (and is not part of the span). */
  title: boolean;
}

const lower = (s: string) => s.toLocaleLowerCase();
// "I'm", "You're", "We'll": a pronoun and a verb
const CONTRACTION = /^\p{L}+['’](?:m|re|ve|ll|d)$/u;
const stripDot = (s: string) => s.replace(/\.$/, '');

/**
 * A street type, a unit, or a word ending like a one-word street name, as a name's word: a
 * listed personal name is no one-word street ("Daniela" ends like "iela", Latvian for street).
 */
function streetWord(word: string): boolean {
  return (
    isStreetTypeWord(word) ||
    (isAddressWord(word) && !isKnownName(stripDot(word)))
  );
}

/** Whether a capitalised word is an ordinary English word rather than a name. */
function vocabulary(word: string): boolean {
  const c = lexicon().categories(word);
  return c.common.length > 0 && !c.proper.includes('noun.person');
}

const isSpace = (c: string) => /\s/.test(c);

/** Whether only white space, holding a line break, stands between the start of a line and `at`. */
function lineStartAt(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isSpace(text[i - 1])) {
    if (text[i - 1] === '\n') return true;
    i--;
  }
  return i === 0;
}

/**
 * Whether `at` opens a sentence: the start of the text or of a line, past a full stop (and
 * any closing quotes or brackets) and white space, or past an opening quote or bracket.
 * (Read backwards from `at`: a pattern anchored at the end would scan the whole text before it.)
 */
function sentenceStartAt(text: string, at: number): boolean {
  if (at === 0) return true;
  let i = at;
  while (i > 0 && isSpace(text[i - 1])) {
    if (text[i - 1] === '\n') return true;
    i--;
  }
  if (i > 0 && '"“('.includes(text[i - 1])) return true;
  if (i === at) return false;
  while (i > 0 && '"”’\')]'.includes(text[i - 1])) i--;
  return i > 0 && '.!?:;'.includes(text[i - 1]);
}

/** Runs of name words: capitalised words, initials and particles between them ("Ludwig van Beethoven"). */
function nameRuns(text: string): Run[] {
  const words = [...matchAll(WORDS, text)].flatMap(m => {
    let raw = m[0];
    // a possessive ends the name: "Orla Brennick's Collected Letters"
    const possessive = /['’]s$/.test(raw);
    raw = raw
      .replace(/['’]s$/, '')
      .replace(/[.'’-]+$/, w => (/^\p{Lu}\.$/u.test(m[0]) ? w : ''));
    return [
      { text: raw, start: m.index, end: m.index + raw.length, possessive },
    ];
  });
  const runs: Run[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (!NAME_WORD.test(w.text) || /\d|_/.test(w.text)) {
      i++;
      continue;
    }
    let title = false;
    let j = i;
    // leading titles are cues, not part of the name
    while (j + 1 < words.length && TITLES.has(lower(stripDot(words[j].text)))) {
      if (!/^\.?\s+$/.test(text.slice(words[j].end, words[j + 1].start))) break;
      title = true;
      j++;
    }
    const run: Run['words'] = [];
    let k = j;
    for (; k < words.length; k++) {
      const cur = words[k];
      if (run.length) {
        const prev = run[run.length - 1];
        const gap = text.slice(prev.end, cur.start);
        // a full stop inside a name only after an initial or a title: "Orla M. Brennick"
        const stop = /^\.[ \t]/.test(gap) && stripDot(prev.text).length > 1;
        if (!/^\.?[ \t]+$|^-$/.test(gap) || stop || words[k - 1].possessive)
          break;
      }
      // a street type or a unit ends a name: "Harrow Street", "Brennick Apt. 12"; not a
      // surname WordNet knows after a name that is no English word ("Soo-jin Park")
      if (
        run.length &&
        streetWord(cur.text) &&
        !(
          wordKind(cur.text) === 'surname' &&
          isNameKind(wordKind(run[run.length - 1].text))
        )
      )
        break;
      // a form of address starts a name of its own: "Dear Ms. Vance"
      if (run.length && SHORT_TITLES.has(lower(cur.text))) break;
      // a generation or a degree closes a name: "Orla Brennick Jr.", "Tomasz Wielgus MD"
      if (run.length && POSTNOMINAL.test(cur.text)) {
        run.push(cur);
        k++;
        break;
      }
      if (NAME_WORD.test(cur.text) && !/\d|_/.test(cur.text)) run.push(cur);
      else if (PARTICLES.has(lower(cur.text)) && run.length) {
        // particles before a name word, one or more: "Ana de la Cruz", "Pieter van der Berg"
        let p = k;
        while (p < words.length && PARTICLES.has(lower(words[p].text))) p++;
        const spaced = (a: number) =>
          /^[ \t]+$/.test(text.slice(words[a].end, words[a + 1]?.start));
        let ok = p < words.length && NAME_WORD.test(words[p].text);
        for (let a = k; a < p && ok; a++) ok = spaced(a);
        if (!ok) break;
        for (; k < p; k++) run.push(words[k]);
        k--;
      } else break;
    }
    // a capitalised English word opening a sentence is no part of a name ("Yesterday Oriane …")
    // (unless the run is one name WordNet knows: "Sri Lanka")
    if (
      run.length > 1 &&
      sentenceStartAt(text, run[0].start) &&
      wordKind(run[0].text) === 'english' &&
      !lexicon().categories(run.map(x => stripDot(x.text)).join('_')).proper
        .length
    )
      run.shift();
    // function words at the edges are not part of a name ("The Czech …", "When I", "I'm Tomasz")
    while (
      run.length &&
      (isStopword(run[0].text) ||
        CONTRACTION.test(run[0].text) ||
        PARTICLES.has(lower(run[0].text)))
    )
      run.shift();
    while (
      run.length &&
      (isStopword(run[run.length - 1].text) ||
        PARTICLES.has(lower(run[run.length - 1].text)))
    )
      run.pop();
    // Internal capitals make identifiers (`BusinessEntityID`), not names (`McConnan` stays).
    const identifier = run.some(x =>
      /\p{Ll}\p{Lu}.*\p{Lu}|\p{Ll}\p{Lu}{2,}/u.test(
        x.text.replace(/^(?:Mc|Mac|O['’]|D['’])/, ''),
      ),
    );
    if (run.length && !identifier && run.some(x => stripDot(x.text).length > 1))
      runs.push({
        start: run[0].start,
        end: run[run.length - 1].end,
        words: run,
        title,
      });
    i = Math.max(k, i + 1);
  }
  return runs;
}

interface Context {
  tokens: NlpToken[];
  text: string;
  /** Whether the text is a dialogue (see `addressed`), once per text. */
  dialogue?: boolean;
}

// A redaction standing for a value: "<PERSON>", "⟦PERSON_1⟧", "[NAME]", "{{name}}".
const PLACEHOLDER = /[<⟦[{]+[\p{L}_]+\d*[>⟧\]}]+/gu;

/**
 * The model's tokens, with a redaction read as one opaque word (tag X): "<PERSON>" is no word
 * for a person beside a name, it only stands where one was.
 */
function withPlaceholders(text: string): NlpToken[] {
  const holes = [...matchAll(PLACEHOLDER, text)].map(m => [
    m.index,
    m.index + m[0].length,
  ]);
  const tokens = annotate(text);
  if (!holes.length) return tokens;
  return tokens.map(t =>
    holes.some(([a, b]) => t.start >= a && t.end <= b)
      ? { ...t, pos: 'X', lemma: '' }
      : t,
  );
}

/** The model's tokens before (nearest first) and after a span. */
function tokensAround(ctx: Context, start: number, end: number) {
  const before: NlpToken[] = [];
  const after: NlpToken[] = [];
  for (const t of ctx.tokens) {
    if (t.end <= start) before.push(t);
    else if (t.start >= end) after.push(t);
  }
  return { before: before.reverse(), after };
}

const firstCategory = (word: string, pos: 'n' | 'v') =>
  lexicon().categories(word, { pos, senses: 1 }).common[0];

const isPersonNoun = (t: NlpToken | undefined) =>
  !!t &&
  (t.pos === 'NOUN' || t.pos === 'PROPN') &&
  firstCategory(t.lemma || t.text, 'n') === 'noun.person';
const isWorkNoun = (t: NlpToken | undefined) =>
  !!t &&
  (t.pos === 'NOUN' || t.pos === 'PROPN') &&
  firstCategory(t.lemma || t.text, 'n') === 'noun.communication';
const isGroupNoun = (t: NlpToken | undefined) =>
  !!t &&
  t.pos === 'NOUN' &&
  firstCategory(t.lemma || t.text, 'n') === 'noun.group';
/** The head of the first noun phrase: "agency" in "a design agency". */
function headNoun(tokens: NlpToken[]): NlpToken | undefined {
  const isNoun = (t: NlpToken | undefined) => t?.pos === 'NOUN';
  let i = tokens.findIndex(isNoun);
  if (i < 0) return undefined;
  while (isNoun(tokens[i + 1])) i++;
  return tokens[i];
}
/** The tokens before the first verb: an apposition's noun phrase, not a clause. */
function nounPhrase(tokens: NlpToken[]): NlpToken[] {
  const v = tokens.findIndex(t => t.pos === 'VERB' || t.pos === 'AUX');
  return v < 0 ? tokens : tokens.slice(0, v);
}
const isVerb = (t: NlpToken | undefined) =>
  !!t && (t.pos === 'VERB' || t.pos === 'AUX');
const verbCategory = (t: NlpToken) => firstCategory(t.lemma || t.text, 'v');

/** What a person has and a text about personal data names: "X's phone", "X's birthday". */
const PERSONAL_DATA = new Set(
  'phone mobile address email birthday salary passport licence license signature account profile password number card iban ssn'.split(
    ' ',
  ),
);

/** Pronouns that stand for a person, never for a thing. */
const PERSONAL_PRONOUNS = new Set(
  'he she him his her hers himself herself'.split(' '),
);

/** Verbs whose object is mostly a person: asking, thanking, loving someone (not "support", "join": firms too). */
const PERSON_VERBS = new Set(['verb.communication', 'verb.emotion']);

/**
 * A former role before a name: "ex-Beatle X", "her ex-partner X" ("ex-" makes words for people;
 * not "Ex-Works Pricing", a term opening a sentence).
 */
const EX_ROLE = /(?<![\p{L}-])ex-\p{L}+[ \t]+$/u;

/** Verbs of handing something to someone (not "ship", "mail": places get those too). */
const HANDING_VERBS = new Set(
  'send give hand pass forward lend show introduce assign refer'.split(' '),
);

/** Verbs of working somewhere: the capitalised words after "at"/"for" are an employer. */
const EMPLOYMENT_VERBS = new Set(
  'work intern volunteer consult spend serve employ'.split(' '),
);

const PLACE_PREPOSITIONS = new Set(
  'in at from near into across via towards toward around outside inside within'.split(
    ' ',
  ),
);

type WordKind =
  | 'initial'
  | 'name'
  | 'person'
  | 'known'
  | 'rare'
  | 'surname'
  | 'given'
  | 'place'
  | 'other'
  | 'english';

/** A kind that says the word is a name: no English word, or one the lists know as a name. */
function isNameKind(k: WordKind): boolean {
  return k === 'name' || k === 'known' || k === 'person';
}

/**
 * What a word of a run says: a name ('person' when WordNet knows it as one, 'known' when the list
 * of personal names does), a place or thing that is also a given name ('given': "Sydney"), a
 * place, ordinary English ('surname' when WordNet knows it as a name too: "Cooper"; 'rare' when
 * the list does and it is rare as a word), or another proper noun.
 */
function wordKind(word: string): WordKind {
  const bare = stripDot(word);
  if (bare.length === 1 || POSTNOMINAL.test(word)) return 'initial';
  if (bare.length > 2 && bare === bare.toUpperCase()) return 'place';
  // a compound of English words opening a sentence ("Append-only", "Out-of-stock"), not "Smith-Jones"
  if (
    bare.includes('-') &&
    bare
      .split('-')
      .every(p => isStopword(p) || lexicon().categories(p).common.length > 0)
  )
    return 'english';
  const c = lexicon().categories(bare);
  const english = c.common.length > 0;
  const known = isKnownName(bare);
  // a nationality ("Dane", "Swede") is a person noun with an adjective beside it, not a name
  const nationality = c.proper.includes('adj.pert');
  if (c.proper[0] === 'noun.person' && !nationality)
    return english ? 'surname' : 'person';
  // an English word that is also a surname ("Cooper"), or a known name and rare as a word
  if (english) {
    if (c.proper.includes('noun.person')) return 'surname';
    return known && lexicon().frequency(bare) === 0 ? 'rare' : 'english';
  }
  if (c.proper.length) {
    // a known name WordNet also knows as a place or a thing ("Sydney", "Virginia");
    // not a day or month, a language, an organisation, a nationality, a continent or a planet
    const named = ![
      'noun.time',
      'noun.communication',
      'noun.group',
      'noun.object',
    ].some(x => c.proper.includes(x));
    if (known && named && !nationality) return 'given';
    return c.proper[0] === 'noun.location' ? 'place' : 'other';
  }
  return known ? 'known' : 'name';
}

/** Evidence about a run from its own words, in [-1, 1]. */
function shapeScore(run: Run, atSentenceStart: boolean): number {
  const names = run.words.filter(w => !PARTICLES.has(lower(w.text)));
  let kinds = names.map(w => wordKind(w.text));
  const n = kinds.filter(k => k !== 'initial').length;
  if (!n) return -1;
  const count = (k: WordKind) => kinds.filter(x => x === k).length;
  const given = count('given');
  // a place that is also a given name ("Sydney", "Virginia"): no verdict alone, a name beside names
  if (given && count('name') + count('person') + count('known'))
    kinds = kinds.map(k => (k === 'given' ? 'name' : k));
  const name = count('name') + count('person') + count('known');
  // a name WordNet knows as a whole: "Los Angeles" is a place
  if (names.length > 1) {
    const whole = lexicon().categories(
      names.map(w => stripDot(w.text)).join('_'),
    );
    if (whole.proper.length && whole.proper[0] !== 'noun.person') return -0.6;
  }
  if (given && given === n) return n === 1 ? 0.1 : 0.2;
  // many given names are places too ("Charlotte", "Sydney"): with a name beside them, no verdict
  if (count('place') || count('other'))
    return name && names.length > 1 ? 0.2 : -0.6;
  // "Brown", "Park": English words that are also surnames
  if (!name) {
    const surnames = count('surname') + count('rare');
    // (a rare word the list knows, alone at the start of a sentence, is just a word there)
    if (n === 1 && count('rare') && atSentenceStart) return -0.5;
    if (surnames && n === surnames) return 0.1;
    return n === 1 ? -0.5 : -0.6;
  }
  let score: number;
  if (n === 1) score = atSentenceStart ? 0.15 : 0.3;
  else if (!count('english')) score = 0.55;
  // a given name before English words ("Orla King"); not an English word first ("Credit Union")
  else score = isNameKind(kinds.find(k => k !== 'initial')!) ? 0.4 : 0.3;
  // a name the list knows, except one word opening a sentence: the list holds greetings and slang too
  if (count('person') || (count('known') && !(n === 1 && atSentenceStart)))
    score += 0.15;
  return score;
}

/**
 * Whether a run reads as a given name and a surname: two or more words, one of them a listed
 * name or a person's WordNet knows, none English, a place or another thing WordNet knows.
 */
function fullName(run: Run): boolean {
  const kinds = run.words
    .filter(w => !PARTICLES.has(lower(w.text)))
    .map(w => wordKind(w.text))
    .filter(k => k !== 'initial');
  return (
    kinds.length > 1 && kinds.every(isNameKind) && kinds.some(k => k !== 'name')
  );
}

/** Evidence about a run from the sentence around it (a group's: the words before its first run, after its last), in [-1, 1]. */
function contextScore(run: Run, ctx: Context, from: Run, ahead: Run): number {
  const { text } = ctx;
  const { before } = tokensAround(ctx, from.start, from.end);
  const { after } = tokensAround(ctx, ahead.start, ahead.end);
  let score = 0;
  // "the secretary to X", "my kid X", "our founders: X" (not across a sentence or a number)
  for (const t of before.slice(0, 4)) {
    if (isPersonNoun(t)) {
      score += 0.6;
      break;
    }
    // "the new tenant is X": a word for a person and "is"
    if (t.lemma === 'be' && t === before[0]) continue;
    // "the agency X", "our supplier's firm X": a word for a group
    if (isGroupNoun(t)) {
      score -= 0.6;
      break;
    }
    if (t.pos === 'PUNCT' && !/^[,:]$/.test(t.text)) break;
    // (an engineer "at", "in", "from" X works there: X is no person)
    if (t.pos === 'ADP' && !['to', 'of'].includes(lower(t.text))) break;
    if (!['DET', 'ADP', 'PRON', 'PART', 'ADJ', 'PUNCT'].includes(t.pos)) break;
  }
  const [a0] = after;
  // "worked at X as a nurse", "works for X": an employer, and the role is the subject's
  const employer =
    ['at', 'for'].includes(lower(before[0]?.text ?? '')) &&
    before
      .slice(1, 5)
      .some(t => isVerb(t) && EMPLOYMENT_VERBS.has(t.lemma || lower(t.text)));
  // "X's daughter", "X's novel"; "X, our engineer"; "X is the keynote speaker"
  if (/^['’]s\b/.test(text.slice(ahead.end))) {
    const owned = after
      .filter(t => t.start > ahead.end + 2)
      .slice(0, 3)
      .filter(t => t.pos === 'NOUN' || t.pos === 'PROPN');
    if (owned.some(isPersonNoun)) score += 0.5;
    else if (owned.some(isWorkNoun)) score += 0.3;
  } else if (
    (a0?.text === ',' || (a0?.lemma === 'as' && !employer)) &&
    after.slice(1, 4).some(isPersonNoun)
  )
    score += 0.5;
  else if (isWorkNoun(a0)) score += 0.3; // "the Brennick novel"
  else if (
    a0?.text === ',' &&
    isGroupNoun(headNoun(nounPhrase(after.slice(1, 5))))
  )
    score -= 0.6; // "X, a design agency" (not "X, who opened the meeting")
  else {
    // "X (from Y) is the keynote speaker"; "X is a design agency"
    const be = after.slice(0, 5).findIndex(t => t.lemma === 'be');
    const told = be >= 0 ? after.slice(be + 1, be + 5) : [];
    if (told.some(isPersonNoun)) score += 0.45;
    else if (isGroupNoun(headNoun(told))) score -= 0.6;
  }
  // "X said", "says X": people speak and think
  const b0 = before[0];
  const speech = (t: NlpToken | undefined) =>
    isVerb(t) &&
    ['verb.communication', 'verb.cognition'].includes(verbCategory(t!));
  // the speaker after a quotation: '"…," says X'
  const inverted = speech(b0) && /^[,"”'’!?]$/.test(before[1]?.text ?? '');
  // (past an adverb: "X just left", "X never said")
  const [v0, v1] = a0?.pos === 'ADV' ? after.slice(1) : after;
  if (speech(v0) || (v0?.pos === 'AUX' && speech(v1)) || inverted)
    score += 0.35;
  else if (isVerb(v0) && v0!.lemma !== 'be') score += 0.2;
  // a listed name opening a sentence as the subject of a verb: "Orla works at …"
  if (
    run.words.length === 1 &&
    sentenceStartAt(text, from.start) &&
    wordKind(run.words[0].text) === 'known' &&
    v0?.pos === 'VERB'
  )
    score += 0.15;
  // the one something is handed to: "sent the files to X", "introduced me to X"
  if (
    b0?.lemma === 'to' &&
    before.slice(1, 5).some(t => isVerb(t) && HANDING_VERBS.has(t.lemma))
  )
    score += 0.1;
  // the agent of a passive: "was reviewed by X"
  if (b0?.lemma === 'by' && before[1]?.pos === 'VERB') score += 0.15;
  // a former role before the name
  if (
    EX_ROLE.test(text.slice(Math.max(0, from.start - 40), from.start)) &&
    run.words.some(w => wordKind(w.text) !== 'english')
  )
    score += 0.3;
  // the subject of a sentence that goes on about him or her: "X left early, taking her notes"
  if (isVerb(a0) && sentenceStartAt(text, from.start)) {
    const end = after.findIndex(t => /^[.!?]$/.test(t.text));
    const rest = end < 0 ? after : after.slice(0, end);
    if (rest.some(t => PERSONAL_PRONOUNS.has(lower(t.text)))) score += 0.25;
  }
  score += addressed(run, ctx, from, ahead);
  // a line of its own above a country's or a region's name is a town: "…\nVila Nova de X\nPortugal"
  const below = /^[ \t]*\n[ \t]*([\p{L}][\p{L} .'’-]*?)[ \t]*(?:\n|$)/u.exec(
    text.slice(ahead.end),
  );
  if (
    below &&
    lineStartAt(text, from.start) &&
    lexicon()
      .categories(below[1].replace(/\s+/g, '_'))
      .proper.includes('noun.location')
  )
    score -= 0.5;
  // "ask X", "thank X", "marry X", "pay X": the one a verb between people is about
  if (
    b0?.pos === 'VERB' &&
    b0.end <= from.start &&
    /^\s*$/.test(text.slice(b0.end, from.start)) &&
    PERSON_VERBS.has(verbCategory(b0))
  )
    score += 0.2;
  // a place: "in X", "from X", "flew to X"
  if (b0 && !run.title) {
    const prep = lower(b0.text);
    // (less so for a given name and a surname: "a message from X Y", "the award went to X Y";
    // not before a number, a postcode: "in Vila de X 4410")
    const weight =
      fullName(run) && !/^[ \t]*\d/.test(text.slice(ahead.end)) ? 0.4 : 1;
    if (PLACE_PREPOSITIONS.has(prep)) score -= 0.35 * weight;
    else if (prep === 'to') {
      // "flew to X" is a place; "ship it to X" may be a person
      const verb = before[1];
      if (verb?.pos === 'VERB' && verbCategory(verb) === 'verb.motion')
        score -= 0.5 * weight;
    }
    if (employer) score -= 0.35;
  }
  return score;
}

/** The parties of a chat transcript, not names: "User: …", "Bot: …". */
const CHAT_ROLES = new Set(
  'user bot assistant agent system operator moderator admin customer client'.split(
    ' ',
  ),
);

/** A listed name that could be a speaker rather than a field's label (a role, a message, an act, a place). */
const spokenName = (word: string) =>
  isKnownName(word) &&
  !CHAT_ROLES.has(lower(word)) &&
  ![
    'noun.person',
    'noun.communication',
    'noun.act',
    'noun.location',
    'noun.artifact',
  ].includes(firstCategory(word, 'n'));

/** Words that greet, thank or apologise to the one named after them. */
const GREETINGS = new Set(
  'sorry thanks congratulations congrats welcome cheers'.split(' '),
);

/** Labels of speakers in a dialogue: "X: …" after a line or sentence break. */
const SPEAKER_LABEL =
  /(?:^|[.!?]["”]?\s+|\n\s*)\p{Lu}[\p{L}'’-]*\s*:\s*["“]?\p{Lu}/gu;

/**
 * Evidence said of people only, in [0, 1): addressed by name, a speaker's label, where one is
 * from, one's phone or address. It holds for a listed name that is also an English word ("Ivy").
 */
function addressed(run: Run, ctx: Context, from: Run, ahead: Run): number {
  const { text } = ctx;
  const { before } = tokensAround(ctx, from.start, from.end);
  const { after } = tokensAround(ctx, ahead.start, ahead.end);
  const [b0] = before;
  const [a0, a1] = after;
  let score = 0;
  // "See you on Monday, X!", "Thank you, X.": addressed by name (one name, not the end of a
  // list: "Columns: Name, Email Address, Postal Code")
  if (
    from === ahead &&
    b0?.text === ',' &&
    (!a0 ||
      /^[!?]$/.test(a0.text) ||
      (a0.text === '.' && lower(before[1]?.text ?? '') === 'you'))
  )
    score += 0.35;
  // "Sorry X, …", "Welcome X!": a greeting or an apology opening a sentence, then the name
  if (
    b0 &&
    sentenceStartAt(text, b0.start) &&
    (b0.pos === 'INTJ' || GREETINGS.has(lower(b0.text))) &&
    /^[,!]$/.test(a0?.text ?? '')
  )
    score += 0.35;
  // "X, could you …": addressed by name at the start of a request
  if (
    sentenceStartAt(text, from.start) &&
    a0?.text === ',' &&
    (lower(a1?.text ?? '') === 'you' ||
      lower(a1?.text ?? '') === 'please' ||
      a1?.pos === 'AUX')
  )
    score += 0.4;
  // the one spoken to: 'said Orla to X', "I spoke to X"
  const speaks = (t: NlpToken | undefined) =>
    t?.pos === 'VERB' && verbCategory(t) === 'verb.communication';
  if (b0?.lemma === 'to' && before.slice(1, 4).some(speaks)) score += 0.35;
  // "X and I will …", "X and me": one of a pair with the writer
  if (
    /^\s+and\s+(?:I|me|myself)\b/u.test(text.slice(ahead.end)) &&
    !/^\s+and\s+I\s*\.\s/u.test(text.slice(ahead.end))
  )
    score += 0.35;
  // "X was born …", "X lives in …": said of people
  if (
    /^[ \t]+(?:(?:was|were|is)[ \t]+)?born\b|^[ \t]+(?:lives|lived)\b/iu.test(
      text.slice(ahead.end),
    )
  )
    score += 0.35;
  // "X and her brother", "X and his wife": one of a family
  if (/^[ \t]+and[ \t]+(?:his|her)[ \t]/u.test(text.slice(ahead.end)))
    score += 0.35;
  // "Who is X?"
  if (b0?.lemma === 'be' && lower(before[1]?.text ?? '') === 'who')
    score += 0.35;
  // "X is from …": where a person comes from
  if (a0?.lemma === 'be' && a1?.lemma === 'from') score += 0.35;
  // "X's phone", "X's address": what a person has
  if (/^['’]s\b/.test(text.slice(ahead.end))) {
    const owned = after.filter(t => t.start > ahead.end + 2).slice(0, 3);
    if (owned.some(t => PERSONAL_DATA.has(t.lemma || lower(t.text))))
      score += 0.35;
  }
  // a speaker's label: "X: …" at the start of a line, or of a sentence in a dialogue
  // (not a field's label before a value, "Fax: 555 …", nor a plain English word: "Mobile:",
  // unless the dialogue's other labels make it a speaker the name list knows: "Ivy: …")
  const dialogue = (ctx.dialogue ??=
    (text.match(SPEAKER_LABEL) ?? []).length > 1);
  // what follows is said: a quotation, or words with "I", "me", "you" ("Status: Active." is a field)
  const speech =
    /^\s*:\s*(?:["“]|[^.!?\n]*\b(?:I|I'm|me|my|you|your|we|us|our)\b)/iu.test(
      text.slice(run.end),
    );
  if (
    (lineStartAt(text, run.start) ||
      (dialogue && sentenceStartAt(text, run.start))) &&
    /^\s*:\s*["“]?[^\d\s+(]/u.test(text.slice(run.end)) &&
    run.words.some(
      w =>
        !['english', 'surname', 'rare'].includes(wordKind(w.text)) ||
        (dialogue && speech && spokenName(stripDot(w.text))),
    )
  )
    score += 0.4;
  return score;
}

/** The name a cue introduces: capitalised words, or (after strong cues) up to three words that are not English. */
function cuedName(
  text: string,
  at: number,
  lowerCaseAllowed: boolean,
): [number, number] | undefined {
  const rest = text.slice(at, at + 80);
  const m =
    /^[\p{L}][\p{L}'’.-]*(?:[ \t]+(?:[\p{L}][\p{L}'’.-]*|\p{Lu}\.?)){0,3}/u.exec(
      rest,
    );
  if (!m) return undefined;
  const words = m[0].split(/[ \t]+/);
  const kept: string[] = [];
  for (const w of words) {
    // a name in capitals after a cue ("Card holder: ORLA BRENNICK") is read as a name
    const raw = w.replace(/[.'’]+$/, '');
    const bare = /^\p{Lu}{2,}$/u.test(raw)
      ? raw[0] + raw.slice(1).toLocaleLowerCase()
      : raw;
    const capital = /^\p{Lu}/u.test(bare);
    // "Customer: Zorblatt GmbH" names a firm
    if (ORG_WORDS.has(lower(bare))) return undefined;
    if (capital && NAME_WORD.test(bare.replace(/\.$/, '')) && !vocabulary(bare))
      kept.push(w);
    else if (
      capital &&
      (lexicon().categories(bare).proper.includes('noun.person') ||
        (isKnownName(bare) && lexicon().frequency(bare) === 0) ||
        /^\p{Lu}\.?$/u.test(bare))
    )
      kept.push(w);
    else if (
      lowerCaseAllowed &&
      /^\p{Ll}/u.test(bare) &&
      (bare.length === 1 || (!lexicon().isWord(bare) && !isStopword(bare)))
    )
      kept.push(w);
    else break;
  }
  while (
    kept.length &&
    /^\p{L}\.?$/u.test(kept[kept.length - 1]) &&
    kept.length > 1 &&
    !lowerCaseAllowed
  )
    kept.pop();
  if (!kept.length) return undefined;
  const len =
    rest.indexOf(kept[kept.length - 1]) +
    kept[kept.length - 1].replace(/[.,]+$/, '').length;
  return len >= 2 ? [at, at + len] : undefined;
}

/**
 * The line just above a postal address, when it is two to four name words and nothing else:
 * the recipient, as postal addresses are written ("ORLA BRENNICK\n12 Harrow Street …").
 */
function recipientLine(
  text: string,
  addressStart: number,
): [number, number] | undefined {
  const m = /(?:^|\n|:)[ \t]*([^\n:]+?)[ \t]*\n\s*$/u.exec(
    text.slice(Math.max(0, addressStart - 80), addressStart),
  );
  if (!m || m[1].split(/[ \t]+/).length < 2) return undefined;
  const start = addressStart - m[0].length + m[0].indexOf(m[1]);
  const name = cuedName(text, start, false);
  return name && name[1] === start + m[1].length ? name : undefined;
}

/**
 * Person names: cues, titles, and capitalised runs the sentence and the lexicon say are names.
 * `discarded`: names (their text and offsets) the caller sets aside; when nothing but such
 * runs is found, no run is weighed (the costly part) and none is returned.
 */
export function detectPersonNames(
  source: string,
  discarded?: (name: string, start: number, end: number) => boolean,
): PiiSpan[] {
  const text = casedForNames(source);
  const out: PiiSpan[] = [];
  for (const [re, strong] of [
    [STRONG_CUE, true],
    [CUE, false],
  ] as const) {
    for (const m of matchAll(re, text)) {
      // (past a form of address: "Dear Ms. Vance")
      const title = LEADING_TITLE.exec(text.slice(m.index + m[0].length));
      // (in text written all in lower case, a cue that only people get: "call me jurgovan")
      const lowerCase =
        !/\p{Lu}/u.test(source) &&
        /^(?:call(?:s)? me|i am|i'm)\s+$/iu.test(m[0]) &&
        !/^[\p{L}'’-]+[_./:@\d]/u.test(text.slice(m.index + m[0].length));
      const r = cuedName(
        text,
        m.index + m[0].length + (title?.[0].length ?? 0),
        strong || lowerCase,
      );
      if (r) out.push(span('person', text, r[0], r[1], strong ? 0.85 : 0.75));
    }
  }
  const addresses = detectStreetAddresses(source);
  for (const a of addresses) {
    const r = recipientLine(text, a.start);
    if (r) out.push(span('person', text, r[0], r[1], 0.7));
  }
  const runs = nameRuns(text).filter(
    r =>
      !addresses.some(a => r.start < a.end && a.start < r.end) &&
      !streetWord(r.words[0].text) &&
      !ORG_WORDS.has(lower(stripDot(r.words[r.words.length - 1].text))),
  );
  // (a span found in a run is the run or its end: its words are the run's)
  if (
    discarded &&
    !out.length &&
    runs.every(r => discarded(source.slice(r.start, r.end), r.start, r.end))
  )
    return [];
  if (runs.length) {
    const ctx: Context = { tokens: withPlaceholders(text), text };
    // an imperative opening a sentence is no part of a name: "Tell Orla …", "Ask Orla …";
    // nor is a greeting: "Hey Orla, …"
    for (const run of runs) {
      const head = ctx.tokens.find(t => t.start === run.start);
      if (
        run.words.length > 1 &&
        ((head?.pos === 'VERB' &&
          sentenceStartAt(text, run.start) &&
          lexicon().categories(stripDot(run.words[0].text)).common.length) ||
          (head?.pos === 'INTJ' && head.end === run.words[0].end))
      ) {
        run.words.shift();
        run.start = run.words[0].start;
      }
    }
    // Names joined by "and" or commas ("Novak and Brennick were reviewers") share the evidence
    // of the group: the words before the first and after the last are every member's context.
    const groups: Run[][] = [];
    for (const run of runs) {
      const g = groups[groups.length - 1];
      const prev = g?.[g.length - 1];
      // (not after one English word: "Thanks, X!" is no list of names)
      if (
        prev &&
        !(
          prev.words.length === 1 && wordKind(prev.words[0].text) === 'english'
        ) &&
        /^\s*(?:,|,?\s+and|,?\s+or|&)\s*$/.test(text.slice(prev.end, run.start))
      )
        g.push(run);
      else groups.push([run]);
    }
    const rejected: Run[] = [];
    for (const g of groups) {
      const [first, last] = [g[0], g[g.length - 1]];
      const scored = g
        .filter(run => !functionWord(run, ctx))
        .map(run => {
          // in text written in lower case, the capital is the list's, not the sentence's
          const shaped = shapeScore(
            run,
            text === source && sentenceStartAt(text, run.start),
          );
          // a name the list knows, spoken to or speaking, is a name even if also a word ("Ivy");
          // not several English words the list happens to hold ("refer to Sales Orders")
          const shape =
            addressed(run, ctx, first, last) > 0 &&
            run.words.every(w => isKnownName(stripDot(w.text))) &&
            (run.words.length === 1 ||
              run.words.some(w => wordKind(w.text) !== 'english'))
              ? Math.max(shaped, 0.15)
              : shaped;
          const context = contextScore(run, ctx, first, last);
          return { run, shape, score: (run.title ? 0.9 : 0) + shape + context };
        });
      // a list of three or more names, two of them listed names: "Hedda, Ximena and Radomir"
      const named = scored.filter(x => x.shape >= 0.15);
      const listed = scored.filter(x =>
        x.run.words.every(w => ['known', 'person'].includes(wordKind(w.text))),
      );
      // (not one firm named after its partners: "Glover, Ruiz and Armstrong is …")
      const singular = /^[ \t]+(?:is|was|has|does)\b/u.test(
        text.slice(last.end),
      );
      if (g.length > 2 && named.length > 2 && listed.length > 1 && !singular)
        for (const x of scored) x.score += 0.2;
      const best = Math.max(...scored.map(x => x.score));
      for (const { run, shape, score } of scored) {
        // a member shares the group's evidence when its words could be names ("Novak and Cooper")
        const shares =
          shape >= 0 || run.words.every(w => isKnownName(stripDot(w.text)));
        const s = g.length > 1 && shares ? Math.max(score, best - 0.1) : score;
        if (s >= 0.5)
          out.push(span('person', text, run.start, run.end, Math.min(0.95, s)));
        else rejected.push(run);
      }
    }
    out.push(...mentionsOfNames(text, out, rejected));
  }
  return resolveOverlaps(out).map(s => ({
    ...s,
    text: source.slice(s.start, s.end),
  }));
}

/** Parts of speech no name takes: "Yep", "Lol" (interjections), "Hey", pronouns, prepositions. */
const FUNCTION_TAGS = new Set(
  'INTJ PRON DET ADP AUX CCONJ SCONJ PART NUM ADV'.split(' '),
);

/** Whether the English model reads every word of a run as a function word or an interjection. */
function functionWord(run: Run, ctx: Context): boolean {
  const tags = ctx.tokens.filter(t => t.start >= run.start && t.end <= run.end);
  return tags.length > 0 && tags.every(t => FUNCTION_TAGS.has(t.pos));
}

/** The words of a name found once: "Orla … Orla Brennick", "Brennick's Letters … early Brennick". */
function mentionsOfNames(
  text: string,
  found: readonly PiiSpan[],
  runs: readonly Run[],
): PiiSpan[] {
  const known = new Set(
    found.flatMap(f =>
      (f.text.match(WORDS) ?? [])
        .map(w => stripDot(w.replace(/['’]s$/, '')))
        .filter(w => /^\p{Lu}/u.test(w) && w.length > 1 && !isStopword(w))
        .map(lower),
    ),
  );
  return runs
    .filter(r => {
      const words = r.words.filter(w => stripDot(w.text).length > 1);
      return (
        words.length > 0 && words.every(w => known.has(lower(stripDot(w.text))))
      );
    })
    .map(r => span('person', text, r.start, r.end, 0.6));
}
