import type { Fact } from '../types';
import type { DomainExpansion, DomainModelArtifact } from './artifact';
import {
  isForeign,
  productVocabulary,
  questionWords,
} from './productVocabulary';

/**
 * The question in the product's own words: each word the product does not
 * know and the domain model learned from verified answers is replaced by
 * what it stands for ("basket row" → "order lines row"). Words the product
 * knows are never touched, so a product's own vocabulary always wins.
 */
export function expandQuestion(
  question: string,
  facts: readonly Fact[],
  artifact: Pick<DomainModelArtifact, 'expansions'>,
): string {
  return rewrite(question, facts, artifact.expansions);
}

/** `expandQuestion` with the expansions alone (training tries them before there is an artifact). */
export function rewrite(
  question: string,
  facts: readonly Fact[],
  expansions: Readonly<Record<string, DomainExpansion>>,
): string {
  const vocab = productVocabulary(facts);
  let out = '';
  let at = 0;
  for (const w of questionWords(question)) {
    const term = w.terms[0];
    if (!term || !Object.hasOwn(expansions, term)) continue;
    if (!isForeign(term, vocab)) continue;
    const expansion = expansions[term];
    out += question.slice(at, w.start) + expansion.to;
    at = w.start + w.word.length;
  }
  return out + question.slice(at);
}
