import {
  INTEROP_CONFIDENCE_MEANING,
  type ScoredPair,
} from '@dpa/plugin-data-product-assistant-common';

/**
 * What the number beside a suggestion means, as the relationship model
 * documents it (`INTEROP_CONFIDENCE_MEANING`): a calibrated likelihood that
 * ranks suggestions and is never 100%.
 */
export function confidenceMeaning(pair: Pick<ScoredPair, 'confidence'>): {
  label: string;
  value: number;
  description: string;
} {
  return {
    label: 'Likelihood',
    value: pair.confidence,
    description: INTEROP_CONFIDENCE_MEANING,
  };
}
