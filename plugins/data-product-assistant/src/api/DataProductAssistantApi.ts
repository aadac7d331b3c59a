import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AskFeedback,
  AskRecord,
  DataProductProfile,
  FeedbackRequest,
  InteropDecision,
  InteropDecisionRequest,
  InteropResponse,
  KnowledgeNoteRecord,
  KnowledgeNoteRequest,
  ReviewActionRequest,
  ReviewAnswerItem,
  ReviewInteropResponse,
  ReviewInteropSort,
  ReviewOrder,
  ReviewQueueResponse,
  ReviewReason,
  ReviewState,
  ReviewSummary,
  ScorecardsResponse,
  VerifiedAnswerRecord,
} from '@dpa/plugin-data-product-assistant-common';

/** One page of a data product's past questions, newest first. */
export interface AskHistoryPage {
  items: AskRecord[];
  /** How many questions the product has in all. */
  total: number;
}

/** Paging for {@link DataProductAssistantApi.listAsks}. */
export interface AskHistoryQuery {
  limit?: number;
  offset?: number;
}

/** Options for {@link DataProductAssistantApi.getInterop}. */
export interface InteropQuery {
  /** How many related products to return at most; the backend's default when left out. */
  top?: number;
}

/** Filters and paging for {@link DataProductAssistantApi.getReviewQueue}. */
export interface ReviewQueueQuery {
  /** Only this data product's answers (`kind:namespace/name`). */
  product?: CompoundEntityRef | string;
  /** Only answers waiting for this reason. */
  verdict?: ReviewReason;
  /** The backend's default is `pending`. */
  state?: ReviewState;
  /** By when the question was asked; the backend's default is `newest`. */
  order?: ReviewOrder;
  limit?: number;
  offset?: number;
}

/** Filter, order and paging for {@link DataProductAssistantApi.getReviewInterop}. */
export interface ReviewInteropQuery {
  /** Only this data product's suggestions (`kind:namespace/name`). */
  product?: CompoundEntityRef | string;
  /** Best match first (the backend's default), or by the other product's name. */
  sort?: ReviewInteropSort;
  limit?: number;
  offset?: number;
}

/**
 * What the frontend asks of the Data Product Assistant backend.
 *
 * Every method rejects with a `ResponseError` (from `@backstage/errors`) for
 * a non-2xx answer, carrying the backend's own message in `cause.message`,
 * and with a `ContractValidationError` for a 422 about an invalid contract.
 */
export interface DataProductAssistantApi {
  /**
   * The data product's profile: entity facts plus its parsed contracts.
   *
   * Rejects with a `ContractValidationError` when a contract is invalid, and
   * with a `ResponseError` for other non-2xx answers (404, 400, ...).
   */
  getProfile(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductProfile>;

  /**
   * Asks a data product a question (`POST /ask`). Resolves with the stored
   * record whatever the verdict: approved, flagged, blocked or abstained.
   * Rejects for 400 (empty or over-long question, not a data product), 404,
   * 413, 422 (invalid contract) and 429 (rate limit).
   */
  ask(
    entityRef: CompoundEntityRef | string,
    question: string,
    options?: { signal?: AbortSignal },
  ): Promise<AskRecord>;

  /** The data product's past questions, newest first. */
  listAsks(
    entityRef: CompoundEntityRef | string,
    query?: AskHistoryQuery,
    options?: { signal?: AbortSignal },
  ): Promise<AskHistoryPage>;

  /** Records the caller's feedback on an answer. */
  sendFeedback(askId: string, feedback: FeedbackRequest): Promise<AskFeedback>;

  /** One stored question, with the caller's feedback if any. */
  getAsk(askId: string, options?: { signal?: AbortSignal }): Promise<AskRecord>;

  /**
   * The data products this one fits with and the column mappings between
   * them, computed from the contracts the caller can read. Rejected
   * suggestions are left out; accepted ones carry their `decision`.
   * Rejects for 400 (not a data product, bad `top`) and 404.
   */
  getInterop(
    entityRef: CompoundEntityRef | string,
    query?: InteropQuery,
    options?: { signal?: AbortSignal },
  ): Promise<InteropResponse>;

  /**
   * Accepts or rejects one suggested mapping. Only the product's owners may:
   * rejects with a 403 `ResponseError` (`NotAllowedError`) for anyone else,
   * 400 for a bad body and 404 for an unknown suggestion.
   */
  decideInterop(
    entityRef: CompoundEntityRef | string,
    request: InteropDecisionRequest,
  ): Promise<InteropDecision>;

  /**
   * Every domain's serving answer model and validator (from the promotion
   * registry, else app-config), their metrics and the promotion history.
   */
  getScorecards(options?: {
    signal?: AbortSignal;
  }): Promise<ScorecardsResponse>;

  /** The product's owner knowledge notes, oldest first (anyone who can read the product). */
  listNotes(
    entityRef: CompoundEntityRef | string,
    options?: { signal?: AbortSignal },
  ): Promise<KnowledgeNoteRecord[]>;

  /**
   * Adds a knowledge note. Owners only: rejects with a 403 `ResponseError`
   * for anyone else, 400 for empty or over-long text or an unknown column.
   */
  addNote(
    entityRef: CompoundEntityRef | string,
    note: KnowledgeNoteRequest,
  ): Promise<KnowledgeNoteRecord>;

  /** Replaces a note's text and column (owners only; 404 for an unknown note). */
  updateNote(
    entityRef: CompoundEntityRef | string,
    id: string,
    note: KnowledgeNoteRequest,
  ): Promise<KnowledgeNoteRecord>;

  /** Deletes a note (owners only; 404 for an unknown note). */
  deleteNote(entityRef: CompoundEntityRef | string, id: string): Promise<void>;

  /**
   * Flagged, blocked and demoted answers on the data products the caller
   * owns, newest first (`GET /review`), with the products the caller reviews.
   */
  getReviewQueue(
    query?: ReviewQueueQuery,
    options?: { signal?: AbortSignal },
  ): Promise<ReviewQueueResponse>;

  /**
   * Pending relationship suggestions on the products the caller owns, one
   * item per pair of products, a page at a time.
   */
  getReviewInterop(
    query?: ReviewInteropQuery,
    options?: { signal?: AbortSignal },
  ): Promise<ReviewInteropResponse>;

  /** Whether the caller reviews anything, and how much waits (for one product if given). */
  getReviewSummary(
    product?: CompoundEntityRef | string,
    options?: { signal?: AbortSignal },
  ): Promise<ReviewSummary>;

  /**
   * Approves, corrects or rejects a queued answer; resolves with the updated
   * item. Rejects with a `ReviewRejectedError` (carrying the verdict) when
   * the validator blocks the approved or corrected text (422), and with a
   * `ResponseError` for 400, 403 (not an owner), 404 and 409 (already reviewed).
   */
  reviewAsk(
    askId: string,
    request: ReviewActionRequest,
  ): Promise<ReviewAnswerItem>;

  /** The product's verified answers (active and demoted). */
  listVerified(
    entityRef: CompoundEntityRef | string,
    options?: { signal?: AbortSignal },
  ): Promise<VerifiedAnswerRecord[]>;
}

export const dataProductAssistantApiRef = createApiRef<DataProductAssistantApi>(
  {
    id: 'plugin.data-product-assistant.service',
  },
);
