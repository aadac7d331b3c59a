import type { ScoredPair } from '@dpa/plugin-data-product-assistant-common';
import { formatPercent } from './formatInterop';

export const MATCH_SCORE_MEANING =
  "The relationship model's match score from the columns' names, types, descriptions, keys, glossary links and example values: it ranks the suggestions (higher means stronger evidence). It is not the chance that the relationship holds; the owners' decision settles that.";

/**
 * What the number beside a suggestion means, as the relationship model
 * documents it: a calibrated probability when the model provides one
 * (`probability`), else the model's match score, which ranks suggestions
 * and is not the chance that the relationship holds.
 */
export function confidenceMeaning(
  pair: Pick<ScoredPair, 'confidence' | 'probability'>,
): { label: string; value: number; description: string } {
  if (pair.probability !== undefined && Number.isFinite(pair.probability)) {
    return {
      label: 'Likelihood',
      value: pair.probability,
      description: `Calibrated estimate that the relationship holds: ${formatPercent(
        pair.probability,
      )} (match score ${formatPercent(pair.confidence)}).`,
    };
  }
  return {
    label: 'Match score',
    value: pair.confidence,
    description: MATCH_SCORE_MEANING,
  };
}
