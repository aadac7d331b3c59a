/** Bounds of what a model may return: past them the output is unusable, not stored. */
export const OUTPUT_LIMITS = {
  answerChars: 8000,
  claims: 30,
  claimChars: 2000,
  citations: 20,
  idChars: 200,
  reasons: 50,
  reasonChars: 2000,
} as const;
