import type { VerifiedAnswerInfo } from './review';
import type { VerdictStatus } from './verdict';

export const MAX_QUESTION_LENGTH = 2000;
export const MAX_COMMENT_LENGTH = 2000;

/** Body of `POST /ask`. */
export interface AskRequest {
  /** The data product; short forms default to `component:default`. */
  entityRef: string;
  /** Not blank, at most {@link MAX_QUESTION_LENGTH} characters. */
  question: string;
}

/** Body of `POST /asks/:id/feedback`. */
export interface FeedbackRequest {
  helpful: boolean;
  /** At most {@link MAX_COMMENT_LENGTH} characters. */
  comment?: string;
}

export interface ModelVersion {
  name: string;
  version: string;
  provider: string;
}

export interface AskFeedback {
  helpful: boolean;
  comment?: string;
  userRef: string;
  createdAt: string;
}

/**
 * What a cited fact is about, as the engine builds facts: a column, the SLA,
 * the owner, a support channel, an owner's knowledge note, ...
 */
export type CitationKind =
  | 'product'
  | 'owner'
  | 'domain'
  | 'tag'
  | 'lineage'
  | 'contract'
  | 'table'
  | 'column'
  | 'key'
  | 'classification'
  | 'quality'
  | 'sla'
  | 'role'
  | 'support'
  | 'team'
  | 'doc'
  | 'note';

/**
 * A fact an answer cites: its stable id and its text as the reader may see
 * it. `kind`, `table` and `column` are set by engines that know them (records
 * stored before they existed carry only `id` and `text`).
 */
export interface AskCitation {
  id: string;
  text: string;
  kind?: CitationKind;
  table?: string;
  column?: string;
}

/** One stored question and what the assistant did with it. */
export interface AskRecord {
  id: string;
  entityRef: string;
  question: string;
  /** What the asker is shown (a withheld notice when blocked). */
  answer: string;
  status: VerdictStatus;
  reasons: Array<{
    code: string;
    message: string;
    severity: string;
    claim?: number;
  }>;
  groundedness: number;
  claims: Array<{ text: string; citations: string[] }>;
  citations: AskCitation[];
  answerModel: ModelVersion;
  validatorModel: ModelVersion;
  usage: { promptTokens: number; completionTokens: number; costUsd: number };
  latencyMs: number;
  userRef: string;
  createdAt: string;
  /** The caller's own feedback on this answer, if any. */
  feedback?: AskFeedback;
  /** Set when the answer is an owner-verified answer, reused without a model call. */
  verified?: VerifiedAnswerInfo;
}
