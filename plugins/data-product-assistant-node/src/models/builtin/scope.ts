import type { Fact } from '../types';
import { contentTerms, normaliseTerm, rawTerms } from '../../text';

/** Requests no data product answers: chit-chat, creative writing, general knowledge, injections. */
const OFF_TOPIC =
  /\bweather\b|\bforecast\b|\bpoems?\b|\bhaiku\b|\bjokes?\b|\bsongs?\b|\blyrics\b|\bstory\b|\bstories\b|\brecipes?\b|\bcook(ing)?\b|\bsports?\b|\bfootball\b|\bsoccer\b|\bmovies?\b|\bhoroscope\b|\bstock price\b|\bbitcoin\b|\btranslate\b|\bcapital of\b|\bwho won\b|\bpresident\b|\bwrite (me )?(a|an|some) \w+|\bignore (all |any |the )?(previous|prior|above|earlier) (instructions|rules|prompts?)\b|\bsystem prompt\b|\bpretend (to be|you are)\b|\brole-?play\b|\b(?:legal|medical|tax|financial|investment|dating|relationship) advice\b|\bstock tips?\b|\b(?:investment|investing|betting) tips?\b|\blawsuit\b|\bshould i (?:buy|sell|invest)\b/;

/**
 * Questions about the data's values rather than its metadata: totals, counts of
 * business events, figures for a period. The metadata never holds these.
 */
const DATA_VALUES =
  /\bwhat (?:was|is|were|are) the (?:total|sum|average|mean|median|number|count|amount)\b|\bhow many (?!tables?\b|columns?\b|fields?\b|attributes?\b|datasets?\b|roles?\b|rules?\b|checks?\b|output ports?\b)\w+ (?:churned|were|did|have|has|bought|ordered|signed|placed|paid|returned|shipped|visited|clicked|converted)\b|\b(?:last|this|next) (?:week|month|quarter|year)\b|\byesterday\b|\bin (?:january|february|march|april|may|june|july|august|september|october|november|december)\b/;

/** Whether the question asks for figures of the data itself, which metadata cannot answer. */
export function asksForDataValues(question: string): boolean {
  return DATA_VALUES.test(question.toLowerCase());
}

/** Words that say what kind of metadata is asked for, not what it is about. */
const METADATA_WORDS = new Set(
  (
    'data product products column columns field fields attribute attributes table tables dataset datasets ' +
    'value values mean meaning means contain contains hold holds store stored stores information info ' +
    'record records row rows use used using find know need want best good type types name names ' +
    'own owner owns owned contact team support fresh freshness update updated often frequency latency ' +
    'retention kept long sla slas quality rule rules check checks key keys primary grain granularity ' +
    'classification classified pii personal sensitive access role roles approve approver approvers ' +
    'upstream downstream lineage depend depends source sources consumer consumers many number count ' +
    'describe definition explain include includes included meant represent represents available ' +
    'question answer example examples contract port ports output'
  )
    .split(' ')
    .map(w => normaliseTerm(w) ?? w),
);

export interface ScopeCheck {
  refuse: boolean;
  reason?: 'off-topic' | 'off-scope';
}

const vocabularies = new WeakMap<Fact[], Set<string>>();

function vocabulary(facts: Fact[]): Set<string> {
  let vocab = vocabularies.get(facts);
  if (!vocab) {
    vocab = new Set<string>();
    for (const f of facts) {
      // lineage names other products; their topics are not this product's
      if (f.kind === 'lineage') continue;
      for (const token of rawTerms(
        `${f.text} ${f.table ?? ''} ${f.column ?? ''}`,
      )) {
        const t = normaliseTerm(token);
        if (t) vocab.add(t);
      }
    }
    vocabularies.set(facts, vocab);
  }
  return vocab;
}

const matches = (term: string, vocab: Set<string>) => {
  if (vocab.has(term)) return true;
  if (term.length < 4) return false;
  for (const v of vocab) if (v.startsWith(term)) return true;
  return false;
};

/**
 * Decides whether a question is outside what this product's model answers:
 * generic chit-chat or creative requests always; with a `scope`, also questions
 * whose subject words match neither the product's metadata nor the scope topics.
 */
export function checkScope(
  question: string,
  facts: Fact[],
  options: { scope?: string[]; hasIntent: boolean; hasMentions: boolean },
): ScopeCheck {
  const q = question.toLowerCase();
  if (OFF_TOPIC.test(q)) return { refuse: true, reason: 'off-topic' };
  if (options.hasMentions) return { refuse: false };

  const subject = contentTerms(question).filter(t => !METADATA_WORDS.has(t));
  const vocab = vocabulary(facts);
  const scopeTerms = new Set(
    (options.scope ?? []).flatMap(s => contentTerms(s)),
  );
  const matched = subject.filter(
    t => matches(t, vocab) || matches(t, scopeTerms),
  );

  if (options.scope?.length) {
    if (subject.length > 0 && matched.length / subject.length < 0.3) {
      return { refuse: true, reason: 'off-scope' };
    }
    return { refuse: false };
  }
  if (!options.hasIntent && subject.length > 0 && matched.length === 0) {
    return { refuse: true, reason: 'off-topic' };
  }
  return { refuse: false };
}
