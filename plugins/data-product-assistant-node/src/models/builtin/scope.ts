/**
 * Whether a question is this product's to answer, from general mechanisms only
 * (no topic word lists): prompt-injection patterns; lexicon-backed topic
 * similarity of the question's subject words to the product's own vocabulary
 * and its domain's configured scope; and, for requests ("write …", "give me
 * …"), whether the thing asked for is something the product knows about.
 */
import type { Fact } from '../types';
import {
  contentTerms,
  lemma,
  lexicon,
  normaliseTerm,
  perObject,
  rawTerms,
  stem,
} from '../../text';
import { detectInjection } from '../../validator/injection';
import { specificity } from '../../context/entityIndex';
import { asksForColumn } from '../../context/intent';

/**
 * The assistant's own vocabulary for metadata: words that say what kind of
 * metadata is asked for, never what it is about. A question using one of the
 * nouns is about the data product even when its subject is unknown to it.
 */
const METADATA_NOUNS = new Set(
  (
    'data dataset datasets product products column columns field fields attribute attributes table tables ' +
    'schema contract port ports record records row rows key keys grain granularity code codes value values ' +
    'type types sla slas freshness retention latency quality classification pii lineage metadata ' +
    'example examples description definition documentation'
  )
    .split(' ')
    .map(w => normaliseTerm(w) ?? w),
);

/**
 * Words of asking, and the words the assistant's own capabilities are asked
 * about with (freshness, owners, access, lineage, quality, keys, types): they
 * say what is asked, never what it is about.
 */
const ASKING = new Set(
  (
    'mean meaning means contain contains hold holds store stored stores include includes represent ' +
    'use used using find know need want best good name names describe explain define tell show give ' +
    'list share help make get let please like can could would will should ' +
    'fresh refresh refreshed update updated often frequency frequent delay late available availability ' +
    'keep kept long history retain deleted own owns owned responsible maintain maintains contact ' +
    'support reach ask approve approves grant request permission depend depends feed feeds consume ' +
    'come derive derived build built input check checked validate test tested null complete ' +
    'accurate consistent duplicate personal sensitive classify classified confidential restricted ' +
    'private privacy identify identifies unique uniquely primary foreign refer refers reference ' +
    'references point points link links linked join joins format kind many number count total ' +
    'purpose limitation limitations summary overview difference different possible allowed valid ' +
    'owner owners team steward role roles access approver approvers rule rules upstream downstream ' +
    'source sources consumer consumers doc docs'
  )
    .split(' ')
    .map(w => normaliseTerm(w) ?? w),
);

/** Verbs that open a request rather than a question ("Write me a poem …"). */
const INTERROGATIVE =
  /^(what|which|who|whom|whose|where|when|why|how|is|are|was|were|does|do|did|has|have|had|can|could|should|would|will|may|might|shall|am)\b/i;

export interface ScopeCheck {
  refuse: boolean;
  reason?: 'injection' | 'off-topic' | 'off-scope';
}

interface Vocabulary {
  lemmas: Set<string>;
  /** Stems of the longer lemmas, made when first needed. */
  stems: () => Set<string>;
}

const vocabularies = new WeakMap<Fact[], Vocabulary>();
const factTerms = perObject((f: Fact): readonly string[] =>
  contentTerms(`${f.text} ${f.table ?? ''} ${f.column ?? ''}`),
);

/** The product's own words (lineage names other products, whose topics are not this one's). */
function vocabulary(facts: Fact[]): Vocabulary {
  let vocab = vocabularies.get(facts);
  if (!vocab) {
    const lemmas = new Set<string>();
    for (const f of facts) {
      if (f.kind === 'lineage') continue;
      for (const t of factTerms(f)) lemmas.add(t);
    }
    let stems: Set<string> | undefined;
    vocab = {
      lemmas,
      stems: () => {
        if (!stems) {
          stems = new Set();
          for (const l of lemmas) if (l.length > 3) stems.add(stem(l));
        }
        return stems;
      },
    };
    vocabularies.set(facts, vocab);
  }
  return vocab;
}

/**
 * Whether a word is the product's: its lemma, stem, a WordNet synonym or
 * derived form. (Broader terms are too broad here: a tip is an end, a week a period.)
 */
function related(term: string, vocab: Vocabulary, extra: Set<string>): boolean {
  const has = (w: string) => vocab.lemmas.has(w) || extra.has(w);
  if (has(term)) return true;
  if (term.length > 3 && vocab.stems().has(stem(term))) return true;
  if (/\d/.test(term)) return false;
  const lx = lexicon();
  for (const w of lx.family(term)) if (has(w)) return true;
  for (const w of lx.synonyms(term)) if (has(w)) return true;
  return false;
}

/** Share of the subject words (weighted by specificity) that are the product's. */
function similarity(
  terms: readonly string[],
  vocab: Vocabulary,
  extra: Set<string>,
): number {
  let total = 0;
  let hit = 0;
  for (const t of terms) {
    const w = specificity(t);
    total += w;
    if (related(t, vocab, extra)) hit += w;
  }
  return total ? hit / total : 1;
}

/** A word WordNet knows only as a verb ("exist", "contain"): it says what happens, not to what. */
function isOnlyVerb(term: string): boolean {
  const pos = lexicon().partsOfSpeech(term);
  return pos.length > 0 && pos.every(p => p === 'v');
}

/**
 * The thing a request asks to be produced: the content words after its verb,
 * up to the first preposition ("give me legal advice about …" → legal, advice).
 */
function requested(question: string): string[] | undefined {
  const q = question
    .trim()
    .replace(/^(please|kindly)\s+/i, '')
    .replace(/^(can|could|would|will) you\s+(please\s+)?/i, '');
  if (INTERROGATIVE.test(q) && q === question.trim()) return undefined;
  const words = q.split(/\s+/);
  const verb = lemma(words[0].toLowerCase().replace(/[^a-z]/g, ''));
  if (!verb || !lexicon().synonyms(verb, { pos: 'v' }).length) {
    if (!lexicon().isWord(verb)) return undefined;
  }
  const object: string[] = [];
  for (const w of words.slice(1)) {
    const lower = w.toLowerCase().replace(/[^\p{L}\p{N}_-]/gu, '');
    if (/^(about|for|on|of|in|against|with|from|to|into|at|by)$/.test(lower))
      break;
    const t = normaliseTerm(lower);
    if (t && !ASKING.has(t)) object.push(t);
  }
  return object;
}

/**
 * Decides whether a question is outside what this product's model answers.
 * Refused: prompt injections; requests for something the product does not
 * know about ("write a limerick", "give me a stock tip"); and questions that
 * name no table or column, use no metadata noun and whose subject (what is
 * left once the words of asking are set aside) is mostly foreign to the
 * product's vocabulary and its domain's scope. With a configured scope, a
 * subject foreign to both is refused even when phrased as metadata.
 */
export function checkScope(
  question: string,
  facts: Fact[],
  options: {
    scope?: string[];
    domain?: string;
    /** The domain model's scope words (already normalised): in scope, never a reason to refuse. */
    domainTerms?: readonly string[];
    hasMentions: boolean;
  },
): ScopeCheck {
  if (detectInjection(question).some(f => f.severity === 'block'))
    return { refuse: true, reason: 'injection' };
  const scopeTerms = new Set(
    [...(options.scope ?? []), options.domain ?? ''].flatMap(s =>
      contentTerms(s),
    ),
  );
  for (const t of options.domainTerms ?? []) scopeTerms.add(t);
  // (the packed facts differ per question: their vocabulary is made only when a subject needs it)
  let vocab: Vocabulary | undefined;
  const similarTo = (terms: readonly string[]) =>
    similarity(terms, (vocab ??= vocabulary(facts)), scopeTerms);
  const object = requested(question);
  if (object?.length) {
    // the thing to produce must be one of the product's: "write a poem about orders" asks for a poem
    const head = object.filter(t => !METADATA_NOUNS.has(t));
    if (head.length && similarTo(head) < 0.5)
      return { refuse: true, reason: 'off-topic' };
  }
  if (options.hasMentions) return { refuse: false };

  const terms = contentTerms(question);
  const anchored = terms.some(t => METADATA_NOUNS.has(t));
  // what the question is about: its words past the asking, verbs left aside ("which roles exist")
  const subject = terms.filter(
    t => !METADATA_NOUNS.has(t) && !ASKING.has(t) && !isOnlyVerb(t),
  );
  if (!subject.length) return { refuse: false };
  const share = similarTo(subject);
  if (options.scope?.length && share < 0.3)
    return { refuse: true, reason: 'off-scope' };
  if (!anchored && share < 0.5) return { refuse: true, reason: 'off-topic' };
  return { refuse: false };
}

/** Nouns a "how many …" question may count in the metadata. */
const COUNTABLE = new Set(
  (
    'table column field attribute dataset role rule check output port key code value row type sla ' +
    'owner approver consumer source product contract tag'
  )
    .split(' ')
    .map(w => normaliseTerm(w) ?? w),
);

const PERIOD =
  /\b(?:last|this|next|previous|past|current) (?:week|month|quarter|year|day)\b|\byesterday\b|\btoday\b|\btomorrow\b|\bin (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(?:19|20)\d\d\b/;

const AGGREGATE =
  /\bwhat (?:was|is|were|are) (?:the|our|their|its) (?:total|sum|average|mean|median|count|amount)\b|\bhow much (?:does|did|do|is|was|were|are|will)\b/;

/**
 * Whether the question asks for figures of the data itself, which metadata
 * cannot answer: a count of things that are not metadata ("how many vendors"),
 * an aggregate ("what was the total …", "how much does …"), or a period.
 */
export function asksForDataValues(question: string): boolean {
  const q = question.toLowerCase();
  // "which column holds last year's sales" asks where a figure is kept, not for the figure
  if (asksForColumn(q)) return false;
  if (AGGREGATE.test(q) || PERIOD.test(q)) return true;
  const many = /\bhow many ([\p{L}\s-]+)/u.exec(q);
  if (many) {
    // "how many primary key columns" counts metadata; "how many vendors" counts data
    const counted = rawTerms(many[1])
      .map(normaliseTerm)
      .filter((t): t is string => !!t)
      .slice(0, 3);
    if (counted.length && !counted.some(t => COUNTABLE.has(t))) return true;
  }
  return false;
}
