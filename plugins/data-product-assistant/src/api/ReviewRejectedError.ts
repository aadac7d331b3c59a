import { ReviewVerdict } from '@dpa/plugin-data-product-assistant-common';

/** The backend's 422 body when the validator blocks a reviewed text. */
export interface ReviewRejectedErrorBody {
  error: { name?: string; message: string };
  verdict: ReviewVerdict;
}

/**
 * The validator blocked the text a reviewer approved or wrote. Carries the
 * verdict so the UI can list its reasons next to the reviewer's text.
 */
export class ReviewRejectedError extends Error {
  readonly name = 'ReviewRejectedError' as const;
  /** HTTP status of the response, 422. */
  readonly statusCode: number;
  readonly verdict: ReviewVerdict;

  constructor(options: {
    message: string;
    verdict: ReviewVerdict;
    statusCode?: number;
  }) {
    super(options.message);
    this.verdict = options.verdict;
    this.statusCode = options.statusCode ?? 422;
  }

  static isReviewRejectedError(error: unknown): error is ReviewRejectedError {
    return (
      error instanceof ReviewRejectedError ||
      (typeof error === 'object' &&
        error !== null &&
        (error as { name?: unknown }).name === 'ReviewRejectedError' &&
        isReviewVerdict((error as { verdict?: unknown }).verdict))
    );
  }
}

/** Whether a value looks like a {@link ReviewVerdict}. */
export function isReviewVerdict(value: unknown): value is ReviewVerdict {
  if (typeof value !== 'object' || value === null) return false;
  const { status, reasons } = value as { status?: unknown; reasons?: unknown };
  return typeof status === 'string' && Array.isArray(reasons);
}
