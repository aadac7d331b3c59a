/**
 * A compound question in its parts: "What is the primary key of vendor, and
 * how fresh is its data?" asks two things, each answered (or not) on its own.
 * A part starts where a conjunction or a question mark is followed by a new
 * question word; "orders and customers" stays whole.
 */
const QUESTION_WORD =
  'what|which|who|whom|whose|where|when|why|how|is|are|was|were|does|do|did|can|could|should|will|would|has|have|list|show|tell|give|name|explain|describe';

const SPLIT = new RegExp(
  `(?:\\s*[,;]\\s*(?:and|but|also|plus)?|\\s+(?:and|but|plus|also))\\s+(?=(?:${QUESTION_WORD})\\b)|[?;]\\s+(?=\\S)`,
  'gi',
);

export function questionParts(question: string): string[] {
  const parts = question
    .split(SPLIT)
    .map(p => p.trim().replace(/^(?:and|but|also|plus)\s+/i, ''))
    .filter(p => /[\p{L}\p{N}]/u.test(p));
  return parts.length ? parts : [question.trim()];
}

/** Whether a part leans on an earlier one ("its type", "what does it mean", "there"). */
export function refersBack(part: string): boolean {
  return /\b(it|its|it's|this|that|these|those|they|them|their|there|same)\b/i.test(
    part,
  );
}
