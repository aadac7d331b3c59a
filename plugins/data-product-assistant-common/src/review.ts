import { z } from 'zod';
import { MAX_COMMENT_LENGTH, type AskCitation, type AskRecord } from './ask';
import type { RelatedProduct } from './interop';

export const MAX_CORRECTION_LENGTH = 2000;

/** Where a flagged or blocked answer stands in its owners' review. */
export type ReviewState = 'pending' | 'approved' | 'corrected' | 'rejected';

/** Why an answer waits for review: its verdict, or a contract change that contradicted its verified answer. */
export type ReviewReason = 'flagged' | 'blocked' | 'demoted';

/** Body of `POST /review/asks/:id`. */
export const reviewActionRequestSchema = z
  .object({
    action: z.enum(['approve', 'correct', 'reject'], {
      error: 'action must be "approve", "correct" or "reject"',
    }),
    comment: z
      .string({ error: 'comment must be a string' })
      .trim()
      .max(
        MAX_COMMENT_LENGTH,
        `comment is too long: the limit is ${MAX_COMMENT_LENGTH} characters`,
      )
      .optional(),
    answer: z
      .string({ error: 'answer must be a string' })
      .trim()
      .max(
        MAX_CORRECTION_LENGTH,
        `answer is too long: the limit is ${MAX_CORRECTION_LENGTH} characters`,
      )
      .optional(),
    /** Also keep the corrected answer as a knowledge note on the product. */
    saveAsNote: z
      .boolean({ error: 'saveAsNote must be true or false' })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.action === 'correct' && !value.answer) {
      ctx.addIssue({
        code: 'custom',
        message:
          'answer is required to correct an answer and must not be empty',
      });
    }
    if (value.action !== 'correct' && value.answer !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'answer is only accepted with action "correct"',
      });
    }
    if (value.action === 'reject' && !value.comment) {
      ctx.addIssue({
        code: 'custom',
        message: 'comment is required to reject an answer: say what is wrong',
      });
    }
  });
export type ReviewActionRequest = z.infer<typeof reviewActionRequestSchema>;

/** The validator's verdict on a text a reviewer approved or wrote. */
export interface ReviewVerdict {
  status: AskRecord['status'];
  reasons: AskRecord['reasons'];
  groundedness: number;
}

/** What a reviewer did. */
export interface AskReview {
  action: 'approve' | 'correct' | 'reject';
  state: Exclude<ReviewState, 'pending'>;
  comment?: string;
  /** The reviewer's text, for corrections. */
  correctedAnswer?: string;
  /** The validator's verdict on the approved or corrected text. */
  verdict?: ReviewVerdict;
  reviewedBy: string;
  reviewedAt: string;
  /** The verified answer the review created (approve, correct). */
  verifiedAnswerId?: string;
  /** The knowledge note a correction was saved as. */
  noteId?: string;
}

/** Shown with an answer reused from the verified answers of a product. */
export interface VerifiedAnswerInfo {
  id: string;
  verifiedBy: string;
  verifiedAt: string;
  /** The ask whose review produced it. */
  askId: string;
  /** The question that was reviewed (the asker's may differ slightly). */
  question: string;
}

/** An answer reviewed by an owner, reused for the same or a near-identical question. */
export interface VerifiedAnswerRecord extends VerifiedAnswerInfo {
  entityRef: string;
  answer: string;
  claims: Array<{ text: string; citations: string[] }>;
  /** The cited facts as they read when verified: a change to one triggers a re-check. */
  citations: AskCitation[];
  verdict: ReviewVerdict;
  status: 'active' | 'demoted';
  demotedAt?: string;
  /** Why a later contract change demoted it. */
  demotedReason?: string;
}

/** A flagged, blocked or demoted answer in the review queue, with everything a reviewer needs. */
export interface ReviewAnswerItem {
  kind: 'answer';
  /** The ask as stored; for blocked answers the withheld text is in `modelAnswer`. */
  ask: AskRecord;
  /** What the answer model wrote (values above the reviewer's clearance redacted). */
  modelAnswer: string;
  reason: ReviewReason;
  state: ReviewState;
  review?: AskReview;
  /** For `demoted`: the verified answer a contract change contradicted. */
  demoted?: VerifiedAnswerRecord;
}

/**
 * Two data products with relationship suggestions no owner has decided yet:
 * each pair of products is listed once, whichever side it was found from.
 */
export interface ReviewInteropItem {
  kind: 'interop';
  /** The caller's product the pair is listed under; decisions are made through it. */
  entityRef: string;
  /**
   * The other product and every undecided mapping between the two, oriented
   * from `entityRef` (`from.product` is `entityRef`), best first.
   */
  related: RelatedProduct;
  computedAt: string;
}

/** Order of `GET /review`: by when the question was asked. */
export type ReviewOrder = 'newest' | 'oldest';

/** Order of `GET /review/interop`: best confidence first, or by the other product's name. */
export type ReviewInteropSort = 'confidence' | 'product';

/** `GET /review`: answers waiting on the caller, newest first unless `order=oldest`. */
export interface ReviewQueueResponse {
  items: ReviewAnswerItem[];
  total: number;
  /** The data products the caller reviews (owns). */
  products: string[];
}

/** `GET /review/interop`: one page of product pairs. */
export interface ReviewInteropResponse {
  items: ReviewInteropItem[];
  /** Product pairs waiting in all. */
  total: number;
  /** Undecided mappings across every pair (not only this page). */
  pendingMappings: number;
}

/** `GET /review/summary`: what waits for the caller, for a badge or the Assistant tab. */
export interface ReviewSummary {
  /** Whether the caller reviews at least one data product (or the asked one). */
  canReview: boolean;
  pendingAnswers: number;
  pendingSuggestions: number;
}

export const reviewVerdictFilterSchema = z
  .enum(['flagged', 'blocked', 'demoted'], {
    error: 'verdict must be "flagged", "blocked" or "demoted"',
  })
  .optional();
export const reviewStateFilterSchema = z
  .enum(['pending', 'approved', 'corrected', 'rejected'], {
    error: 'state must be "pending", "approved", "corrected" or "rejected"',
  })
  .optional();
