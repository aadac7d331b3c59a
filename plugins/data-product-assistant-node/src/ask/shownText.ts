import type { VerdictReasonCode } from '@dpa/plugin-data-product-assistant-common';
import type { AnswerOutput, VerdictReason } from '../models/types';

/**
 * The engine's own words for what a model must not say itself: shown
 * instead of a hosted model's free text, abstentions, refusals and reasons,
 * which no validator checks.
 */
export const ABSTAINED_MESSAGE =
  "This data product's metadata does not answer that question. Ask about its columns, keys, freshness, quality, access or owners, or ask the data product owner.";
export const REFUSED_MESSAGE =
  'That question is outside what this data product covers, so the assistant does not answer it. Ask the data product owner or the assistant of the product it is about.';
export const UNAVAILABLE_MESSAGE =
  'The assistant could not answer this question right now. Please try again later or ask the data product owner.';
// Neutral about where it went: the backend queues it for the owners, the CLI
// does not, and the reader may be an owner.
export const WITHHELD_MESSAGE =
  'This answer was withheld by the validator; its reasons say why.';

/**
 * A hosted model's output as it may be shown: the answer is its claims'
 * texts joined (each one checked by the validator against its citations);
 * an answer without claims is an abstention with a fixed message.
 */
export function composeFromClaims(raw: AnswerOutput): AnswerOutput {
  if (raw.refused) {
    return {
      answer: REFUSED_MESSAGE,
      claims: [],
      abstained: true,
      refused: true,
    };
  }
  const claims = raw.claims
    .map(c => ({ ...c, text: c.text.trim() }))
    .filter(c => c.text.length > 0);
  if (raw.abstained || claims.length === 0) {
    return { answer: ABSTAINED_MESSAGE, claims: [], abstained: true };
  }
  return {
    answer: claims.map(c => c.text).join(' '),
    claims,
    abstained: false,
  };
}

const REASON_MESSAGES: Record<
  Exclude<VerdictReasonCode, 'validator-other'>,
  string
> = {
  ungrounded: 'A claim is not supported by the facts it cites.',
  pii: "The answer contains personal data the reader's clearance does not cover.",
  secret: 'The answer contains a credential or secret.',
  'restricted-value':
    "The answer contains a value classified above the reader's clearance.",
  scope: "The question or the answer is outside this data product's scope.",
  injection: 'The answer shows signs of prompt injection.',
  'validator-error': 'The answer could not be validated.',
  'answer-model-error': 'The answer model could not answer.',
  verified: 'A verified answer was reused.',
};
const OTHER: VerdictReasonCode = 'validator-other';

/**
 * Reasons with fixed messages per code: what a hosted model writes (a
 * validator's messages and codes, quotes of an answer model's claims) is
 * never shown. Unknown codes become `validator-other`.
 */
export function fixedReasons(reasons: VerdictReason[]): VerdictReason[] {
  return reasons.map(r => {
    const known = Object.hasOwn(REASON_MESSAGES, r.code);
    const claim =
      typeof r.claim === 'number' && Number.isInteger(r.claim) && r.claim >= 0
        ? r.claim
        : undefined;
    let message = known
      ? REASON_MESSAGES[r.code as keyof typeof REASON_MESSAGES]
      : 'The validator raised a concern about this answer.';
    if (r.code === 'ungrounded' && claim !== undefined) {
      message = `Claim ${claim + 1} is not supported by the facts it cites.`;
    }
    return {
      code: known ? r.code : OTHER,
      message,
      severity: r.severity,
      ...(claim !== undefined ? { claim } : {}),
    };
  });
}
