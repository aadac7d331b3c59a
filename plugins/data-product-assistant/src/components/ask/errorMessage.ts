import { ResponseError } from '@backstage/errors';

/** The backend's own message for a failed call, else the error's message. */
export function errorMessage(error: Error): string {
  if (ResponseError.is(error) && error.cause?.message) {
    return error.cause.message;
  }
  return error.message;
}

/** The HTTP status of a failed call, when it has one. */
export function errorStatus(error: Error): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}
