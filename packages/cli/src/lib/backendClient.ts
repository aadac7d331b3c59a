import {
  DefaultApiClient,
  type RequestOptions,
  type TypedResponse,
} from '@dpa/plugin-data-product-assistant-common';
import { UsageError } from './UsageError';

/** Where the plugin's routes live under a Backstage backend. */
export const API_PATH = '/api/data-product-assistant';
export const DEFAULT_BACKEND_URL = 'http://localhost:7007';

export interface BackendConnectionOptions {
  backend?: string;
  token?: string;
}

/** A refused request: the backend answered with an error status. Exit 2, one line. */
export class BackendError extends UsageError {
  name = 'BackendError';

  constructor(
    message: string,
    readonly status: number,
    /** The parsed JSON body, when there was one. */
    readonly body: unknown,
  ) {
    super(message);
  }
}

/**
 * The one HTTP client of the CLI: the Data Product Assistant backend's API (the client generated
 * from its OpenAPI spec), with the caller's own Backstage token. Every failure becomes a one-line
 * UsageError (exit 2).
 */
export class BackendClient {
  private readonly api: DefaultApiClient;

  private constructor(
    readonly backendUrl: string,
    private readonly token: string,
  ) {
    this.api = new DefaultApiClient({
      discoveryApi: { getBaseUrl: async () => `${backendUrl}${API_PATH}` },
      // The global fetch, looked up when called (tests replace it).
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });
  }

  /** `--backend` (else `$DPA_BACKEND_URL`, else localhost:7007) and `--token` (else `$DPA_TOKEN`). */
  static fromOptions(
    options: BackendConnectionOptions,
    env: NodeJS.ProcessEnv = process.env,
  ): BackendClient {
    const raw = (
      options.backend ||
      env.DPA_BACKEND_URL ||
      DEFAULT_BACKEND_URL
    ).trim();
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new UsageError(
        `--backend must be an http(s) URL such as ${DEFAULT_BACKEND_URL}, not "${raw}"`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UsageError(
        `--backend must be an http(s) URL such as ${DEFAULT_BACKEND_URL}, not "${raw}"`,
      );
    }
    const token = (options.token || env.DPA_TOKEN || '').trim();
    if (!token) {
      throw new UsageError(
        'a Backstage token is required: pass --token or set $DPA_TOKEN',
      );
    }
    return new BackendClient(url.href.replace(/\/+$/, ''), token);
  }

  /**
   * Calls one operation (`operation` names it in messages, e.g. `GET /review`) and returns its
   * JSON body; an error status is a BackendError with the backend's own message.
   */
  async call<T>(
    operation: string,
    send: (
      api: DefaultApiClient,
      options: RequestOptions,
    ) => Promise<TypedResponse<T>>,
  ): Promise<T> {
    let response: TypedResponse<T>;
    try {
      response = await send(this.api, { token: this.token });
    } catch (error) {
      throw new UsageError(
        `cannot reach the backend at ${this.backendUrl}: ${describeCause(
          error,
        )}`,
      );
    }

    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (response.ok) {
      if (body === undefined && text) {
        throw new UsageError(
          `the backend at ${this.backendUrl} answered ${operation} with something other than JSON`,
        );
      }
      return body as T;
    }
    throw new BackendError(
      errorMessage(response.status, body, text),
      response.status,
      body,
    );
  }
}

/** The message a Backstage error body carries: `{error: {name, message}, response: {statusCode}}`. */
function errorMessage(status: number, body: unknown, text: string): string {
  const error = (body as { error?: { message?: unknown } } | undefined)?.error;
  const message =
    typeof error?.message === 'string' && error.message.trim()
      ? error.message.trim()
      : text.trim().slice(0, 200) || `HTTP ${status}`;
  if (status === 401) {
    return `the backend refused the token (401): ${message}; pass a valid Backstage token with --token or $DPA_TOKEN`;
  }
  if (status >= 500) return `the backend failed (${status}): ${message}`;
  if (status === 429) {
    const retry = (body as { retryAfterSeconds?: unknown } | undefined)
      ?.retryAfterSeconds;
    return typeof retry === 'number'
      ? `${message} (retry in ${retry} s)`
      : message;
  }
  return message;
}

/** fetch's own "fetch failed" hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, bad port, ...). */
function describeCause(error: unknown): string {
  let deepest = '';
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    const message = typeof e.message === 'string' ? e.message.trim() : '';
    const code = typeof e.code === 'string' ? e.code : '';
    // An AggregateError (several addresses tried) has no message of its own.
    const inner = Array.isArray(e.errors)
      ? e.errors
          .map(x => (x as { message?: unknown })?.message)
          .filter((m): m is string => typeof m === 'string' && m !== '')
          .join('; ')
      : '';
    const piece =
      (message && message !== 'fetch failed' ? message : '') || inner || code;
    if (piece)
      deepest = code && !piece.includes(code) ? `${code} ${piece}` : piece;
    current = e.cause;
  }
  return (deepest || String(error)).replace(/\s+/g, ' ').trim();
}
