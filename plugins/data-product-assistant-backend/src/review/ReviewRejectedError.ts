import type { ReviewVerdict } from '@dpa/plugin-data-product-assistant-common';

/** The validator blocks the text a reviewer approved or wrote: nothing is verified (HTTP 422). */
export class ReviewRejectedError extends Error {
  readonly name = 'ReviewRejectedError';

  constructor(message: string, readonly verdict: ReviewVerdict) {
    super(message);
  }
}
