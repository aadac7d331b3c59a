import { randomBytes } from 'node:crypto';
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { ContractValidationError } from '../profile/ContractValidationError';
import { RateLimitedError } from '../budget/RateLimitedError';
import { ReviewRejectedError } from '../review/ReviewRejectedError';

/** `@backstage/errors` classes, by name, and their status: their messages are ours to show. */
const KNOWN: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotModifiedError: 304,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
};

/** What express's body parser raises, in our words (its own name the parser's internals). */
const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.parse.failed': [400, 'The request body is not valid JSON'],
  'entity.too.large': [413, 'The request body is larger than 64 kB'],
  'encoding.unsupported': [415, 'The request body encoding is not supported'],
  'charset.unsupported': [415, 'The request body charset is not supported'],
  'request.aborted': [400, 'The request was aborted'],
  'entity.verify.failed': [400, 'The request body could not be read'],
  'request.size.invalid': [400, 'The request body could not be read'],
  'stream.encoding.set': [400, 'The request body could not be read'],
};

function send(
  req: Request,
  res: Response,
  status: number,
  error: { name: string; message: string },
  extra: Record<string, unknown> = {},
) {
  res.status(status).json({
    error,
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: status },
    ...extra,
  });
}

/**
 * Every error of the plugin's routes as a response with a status and a
 * message of ours: no stack trace, and nothing from inside the backend
 * (parser messages, endpoint URLs, SQL) in any mode. Anything unexpected is
 * a 500 whose details go to the log under an id the response names.
 */
export function errorHandler(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof ContractValidationError) {
      send(
        req,
        res,
        422,
        { name: error.name, message: error.message },
        { source: error.source, issues: error.issues },
      );
      return;
    }
    if (error instanceof ReviewRejectedError) {
      send(
        req,
        res,
        422,
        { name: error.name, message: error.message },
        { verdict: error.verdict },
      );
      return;
    }
    if (error instanceof RateLimitedError) {
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
      send(
        req,
        res,
        429,
        { name: error.name, message: error.message },
        {
          limit: error.limit,
          retryAfterSeconds: error.retryAfterSeconds,
          resetsAt: error.resetsAt.toISOString(),
        },
      );
      return;
    }
    const bodyError =
      typeof error?.type === 'string' ? BODY_ERRORS[error.type] : undefined;
    if (bodyError) {
      send(req, res, bodyError[0], {
        name: 'InputError',
        message: bodyError[1],
      });
      return;
    }
    // express: a path parameter that is not valid percent-encoding.
    if (error instanceof URIError) {
      send(req, res, 400, {
        name: 'InputError',
        message: 'The request path is not validly percent-encoded',
      });
      return;
    }
    const status = Number(error?.statusCode ?? error?.status);
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      send(req, res, status, {
        name: 'InputError',
        message: 'The request could not be read',
      });
      return;
    }
    if (isError(error) && Object.hasOwn(KNOWN, error.name)) {
      send(req, res, KNOWN[error.name], {
        name: error.name,
        message: error.message,
      });
      return;
    }
    const logId = randomBytes(8).toString('hex');
    logger.error(
      `Request ${req.method} ${req.originalUrl} failed (logId=${logId})`,
      isError(error) ? error : new Error(String(error)),
    );
    send(req, res, 500, {
      name: 'Error',
      message: `An internal error occurred; it is logged as ${logId}`,
    });
  };
}
