/**
 * The validator's vocabulary, shared by the engine (which decides), the
 * backend (which stores and serves), the portal and the CLI (which show).
 */

/** What the validator decided about an answer, strongest last. */
export const verdictStatuses = [
  'approved',
  'flagged',
  'blocked',
  'abstained',
] as const;

/** `approved` shown; `flagged` shown with a warning and queued; `blocked` withheld and queued; `abstained` the metadata does not hold the answer. */
export type VerdictStatus = (typeof verdictStatuses)[number];

/**
 * Why: the reason codes engines and the pipeline emit. A hosted validator's
 * unknown codes are shown as `validator-other`.
 */
export const verdictReasonCodes = [
  /** A claim is not supported by the facts it cites. */
  'ungrounded',
  /** Personal data above the reader's clearance. */
  'pii',
  /** A credential or secret. */
  'secret',
  /** A value of a column classified above the reader's clearance. */
  'restricted-value',
  /** The question or the answer is outside the product's scope. */
  'scope',
  /** Signs of prompt injection. */
  'injection',
  /** The validator failed or its output was unusable: never approved (fail closed). */
  'validator-error',
  /** The answer model failed. */
  'answer-model-error',
  /** An owner-verified answer was reused. */
  'verified',
  /** A code a hosted validator used that this vocabulary does not know. */
  'validator-other',
] as const;

export type VerdictReasonCode = (typeof verdictReasonCodes)[number];

/** Reasons that withhold values the reader's access role would show. */
export const accessReasonCodes: readonly VerdictReasonCode[] = [
  'pii',
  'restricted-value',
];

/** How heavily a reason weighs: `block` withholds the answer. */
export type VerdictReasonSeverity = 'info' | 'warning' | 'block';

/** One reason for a verdict. */
export interface VerdictReason {
  /** Machine-readable; one of {@link verdictReasonCodes} for the built-in engines. */
  code: string;
  message: string;
  /** Index of the claim the reason is about. */
  claim?: number;
  severity: VerdictReasonSeverity;
}
