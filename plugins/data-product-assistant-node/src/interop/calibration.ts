/**
 * Calibrated confidence: the log-odds after selection (selection.ts) mapped
 * to the share of pairs scoring like it that were real relationships in
 * labelled data (Platt scaling, fitted by evals/scripts/interop-calibration.ts),
 * capped at what the number of labelled relationships supports (Laplace's
 * rule of succession: (N+ + 1) / (N+ + 2)). The meaning is documented in
 * plugins/data-product-assistant-common/README.md ("Interop confidence").
 */
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export type CalibrationRegime = 'structured' | 'bare';

/** Platt parameters: confidence = min(ceiling, sigmoid(scale · score + shift)). */
export const CALIBRATION: Record<
  CalibrationRegime,
  { scale: number; shift: number; ceiling: number }
> = {
  /** Pairs with types, examples, keys or glossary links. */
  structured: { scale: 0.335, shift: -3.298, ceiling: 0.9706 },
  /** Pairs where either column has only its name and description. */
  bare: { scale: 0.223, shift: -3.116, ceiling: 0.9828 },
};

/** The calibrated log-odds of a pair: what pairs of both regimes rank by. */
export function calibratedLogOdds(score: number, bare: boolean): number {
  const p = bare ? CALIBRATION.bare : CALIBRATION.structured;
  return p.scale * score + p.shift;
}

/** The confidence shown for a pair, rounded to 3 decimals. */
export function calibratedConfidence(score: number, bare: boolean): number {
  const { ceiling } = bare ? CALIBRATION.bare : CALIBRATION.structured;
  const p = Math.min(ceiling, sigmoid(calibratedLogOdds(score, bare)));
  return Math.round(p * 1000) / 1000;
}
