import type {
  AskFeedback,
  AskRecord,
  AskReview,
  ReviewReason,
  ReviewState,
} from '@dpa/plugin-data-product-assistant-common';
import type { SealedAnswer } from '@dpa/plugin-data-product-assistant-node';

/**
 * A stored ask plus what only reviewers see: the model output as produced.
 * Its texts are at everyone's clearance; `sealed` reveals more per reader.
 */
export interface StoredAsk extends AskRecord {
  output: {
    answer: string;
    claims: Array<{ text: string; citations: string[] }>;
    abstained: boolean;
    refused?: boolean;
  };
  /** The texts with sensitive values as placeholders; absent on asks stored before sealing. */
  sealed?: SealedAnswer;
  /** The product's `spec.domain` when asked (budgets sum cost per domain); not returned to askers. */
  domain?: string;
  /** Set for answers that go to their owners' review (flagged, blocked, demoted). */
  reviewState?: ReviewState;
  reviewReason?: ReviewReason;
  review?: AskReview;
  /** The verified answer the ask was served from. */
  verifiedAnswerId?: string;
}

export interface ReviewListQuery {
  entityRefs: string[];
  state: ReviewState;
  reason?: ReviewReason;
  /** By when the question was asked; newest first by default. */
  order?: 'newest' | 'oldest';
  limit: number;
  offset: number;
}

export interface AskStore {
  /**
   * Stores an ask and, in the same write, settles its budget ledger entry
   * (reserved under the ask's id, if any) at what the ask cost.
   */
  insert(ask: StoredAsk): Promise<void>;
  get(id: string): Promise<StoredAsk | undefined>;
  /** Newest first. */
  listForEntity(
    entityRef: string,
    options: { limit: number; offset: number },
  ): Promise<{ items: StoredAsk[]; total: number }>;
  setFeedback(askId: string, feedback: AskFeedback): Promise<void>;
  getFeedback(askId: string, userRef: string): Promise<AskFeedback | undefined>;
  /** Asks of the given products in a review state, newest (or oldest) first. */
  listForReview(
    query: ReviewListQuery,
  ): Promise<{ items: StoredAsk[]; total: number }>;
  /** Pending reviews per product. */
  countPendingReviews(entityRefs: string[]): Promise<Map<string, number>>;
  /**
   * Records a review if the ask is still pending; false when someone else
   * reviewed it first (nothing changes then).
   */
  completeReview(askId: string, review: AskReview): Promise<boolean>;
  /** Amends the recorded review (e.g. with the note a correction became). */
  updateReview(askId: string, review: AskReview): Promise<void>;
  /** Sends an ask back to review, e.g. when its verified answer was contradicted. */
  reopenReview(askId: string, reason: ReviewReason): Promise<void>;
}
