import { MAX_QUESTION_LENGTH } from '@dpa/plugin-data-product-assistant-common';
import { costOf, maxTokensOf } from '../models/cost';
import type { ModelSpec } from '../models/types';

/** Tokens of the fixed prompt text (rules, fences, scope) around the facts and the question. */
const PROMPT_OVERHEAD_TOKENS = 1000;

/**
 * The most one ask can cost with these models, in USD: the facts budget, the
 * longest question and the prompt around them in, the reply cap out; the
 * validator also reads the answer. Reserved against a domain's cost cap
 * before the ask runs, so parallel asks cannot overspend it.
 */
export function maxAskCostUsd(
  answer: ModelSpec,
  validator: ModelSpec,
  tokenBudget: number,
): number {
  const prompt = tokenBudget + MAX_QUESTION_LENGTH + PROMPT_OVERHEAD_TOKENS;
  const bill = (spec: ModelSpec, extraIn = 0) =>
    spec.provider === 'builtin'
      ? 0
      : costOf(spec, prompt + extraIn, maxTokensOf(spec));
  return bill(answer) + bill(validator, maxTokensOf(answer));
}
