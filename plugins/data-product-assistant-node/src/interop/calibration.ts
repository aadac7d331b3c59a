/**
 * Calibrated confidence: the log-odds after selection (selection.ts) mapped
 * to the share of pairs scoring like it that were real relationships in
 * labelled data (Platt scaling, fitted by evals/scripts/interop-calibration.ts).
 */
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export type CalibrationRegime = 'structured' | 'bare';

/** Platt parameters: confidence = sigmoid(scale · score + shift). */
export const CALIBRATION: Record<
  CalibrationRegime,
  { scale: number; shift: number }
> = {
  /** Pairs with types, examples, keys or glossary links. */
  structured: { scale: 0.341, shift: -3.355 },
  /** Pairs where either column has only its name and description. */
  bare: { scale: 0.369, shift: -4.082 },
};

/** The calibrated log-odds of a pair: what pairs of both regimes rank by. */
export function calibratedLogOdds(score: number, bare: boolean): number {
  const p = bare ? CALIBRATION.bare : CALIBRATION.structured;
  return p.scale * score + p.shift;
}

/** The confidence shown for a pair, rounded to 3 decimals. */
export function calibratedConfidence(score: number, bare: boolean): number {
  return Math.round(sigmoid(calibratedLogOdds(score, bare)) * 1000) / 1000;
}
