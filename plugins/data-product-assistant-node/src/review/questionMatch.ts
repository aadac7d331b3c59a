/**
 * Whether two questions are the same question: the rule a verified answer
 * is reused by. Deliberately strict — a reused answer skips the models, so a
 * question that differs in a name, a number or a negation must not match.
 */
import { lemma } from '../text';

// Words that carry no meaning for matching ("what is the ..." vs "what's ...").
const STOP_WORDS = new Set(
  'a an the is are was were be been of for to in on at by with from and or what whats which who whom whose how does do did can could would should please tell me us i we you it its this that these there their about give show list'.split(
    ' ',
  ),
);

const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'except', 'nor']);

/** Lower-case lemmas of a question's words, contractions folded. */
export function questionTokens(question: string): string[] {
  return (
    question
      .normalize('NFKC')
      .toLowerCase()
      .replace(/n['’]t\b/g, ' not')
      .replace(/['’]s\b/g, '')
      // "e-mail" and "email", "re-order" and "reorder" are one word.
      .replace(/(\p{L})-(?=\p{L})/gu, '$1')
      .split(/[^\p{L}\p{N}_.]+/u)
      .map(t => t.replace(/^\.+|\.+$/g, ''))
      .filter(t => t.length > 0 && !STOP_WORDS.has(t))
      .map(t => (/^\p{L}+$/u.test(t) ? lemma(t) : t))
  );
}

/** The question reduced to its distinct tokens, sorted: equal keys are the same question. */
export function questionKey(question: string): string {
  return [...new Set(questionTokens(question))].sort().join(' ');
}

const numbersOf = (tokens: Set<string>) =>
  [...tokens]
    .filter(t => /\d/.test(t))
    .sort()
    .join(' ');
const negationsOf = (tokens: Set<string>) =>
  [...tokens]
    .filter(t => NEGATIONS.has(t))
    .sort()
    .join(' ');

/** Jaccard similarity of the token sets in [0, 1]; 0 when numbers or negations differ. */
export function questionSimilarity(a: string, b: string): number {
  const ta = new Set(questionTokens(a));
  const tb = new Set(questionTokens(b));
  if (ta.size === 0 || tb.size === 0) return 0;
  if (numbersOf(ta) !== numbersOf(tb) || negationsOf(ta) !== negationsOf(tb))
    return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** Near-identical: every content word shared, or one word of difference in a long question. */
export const NEAR_IDENTICAL = 0.8;

/** The candidate asking the same question, most similar first; none below the threshold. */
export function matchQuestion<T extends { question: string }>(
  question: string,
  candidates: readonly T[],
  threshold = NEAR_IDENTICAL,
): { candidate: T; similarity: number } | undefined {
  let best: { candidate: T; similarity: number } | undefined;
  for (const candidate of candidates) {
    const similarity = questionSimilarity(question, candidate.question);
    if (similarity >= threshold && (!best || similarity > best.similarity)) {
      best = { candidate, similarity };
    }
  }
  return best;
}
