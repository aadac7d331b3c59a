import { retrieveFacts } from '../context/retrieve';
import type { AnswerOutput, Fact } from '../models/types';

const SENTENCE = /[^.!?]+(?:[.!?]+(?=\s|$)|$)/g;

/**
 * Turns a free-text answer (one written by a person or another system) into
 * claims, each citing the facts that best match it, so the validator can
 * check every sentence against specific facts rather than the whole context.
 */
export function attributeClaims(
  answer: string,
  facts: Fact[],
  perClaim = 3,
): AnswerOutput {
  const sentences = (answer.match(SENTENCE) ?? [])
    .map(s => s.trim())
    .filter(s => s.length > 0);
  const claims = sentences.map(text => ({
    text,
    citations: retrieveFacts(text, facts)
      .slice(0, perClaim)
      .map(r => r.fact.id),
  }));
  return { answer, claims, abstained: false };
}
