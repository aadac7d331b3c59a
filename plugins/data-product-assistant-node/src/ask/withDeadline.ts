export class TimeoutError extends Error {
  readonly name = 'TimeoutError';
}

/**
 * Runs `call` with a signal that aborts after `ms`, rejecting with a
 * TimeoutError then: a model call and its retries stop at the deadline
 * instead of running on after the caller has given up.
 */
export async function withDeadline<T>(
  ms: number,
  what: string,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeoutError(`${what} timed out after ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
