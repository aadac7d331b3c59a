import { CustomErrorBase } from '@backstage/errors';

/**
 * A budget or rate limit is used up; the router answers 429 with `Retry-After`.
 * (`@backstage/errors` has no 429 error class.)
 */
export class RateLimitedError extends CustomErrorBase {
  name = 'RateLimitedError' as const;

  constructor(
    message: string,
    /** Which limit: `asks-per-minute`, `asks-per-day` or `domain-daily-cost`. */
    readonly limit: 'asks-per-minute' | 'asks-per-day' | 'domain-daily-cost',
    /** Whole seconds until the limit resets (at least 1). */
    readonly retryAfterSeconds: number,
    /** When the limit resets. */
    readonly resetsAt: Date,
  ) {
    super(message);
  }
}
