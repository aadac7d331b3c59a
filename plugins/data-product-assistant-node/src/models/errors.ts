import type { Usage } from './types';

/** A model could not be called: network, timeout, rate limit after retries, HTTP error, bad configuration. */
export class ModelCallError extends Error {
  readonly name = 'ModelCallError';
  constructor(
    readonly code:
      | 'timeout'
      | 'rate-limit'
      | 'http'
      | 'connection'
      | 'config'
      | 'aborted'
      | 'unknown',
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A model answered, but its output is unusable: not JSON, wrong shape, or citing facts it was not given. */
export class ModelOutputError extends Error {
  readonly name = 'ModelOutputError';
  constructor(
    readonly code:
      | 'malformed-json'
      | 'schema-mismatch'
      | 'unknown-citation'
      | 'refusal'
      | 'empty'
      | 'too-large',
    message: string,
    /** The raw content, for the record (may hold placeholders, never unmasked values). */
    readonly content?: string,
    /** What the call cost, when the endpoint reported it: an unusable reply is still paid for. */
    readonly usage?: Usage,
  ) {
    super(message);
  }
}

export function isModelError(
  e: unknown,
): e is ModelCallError | ModelOutputError {
  return e instanceof ModelCallError || e instanceof ModelOutputError;
}
