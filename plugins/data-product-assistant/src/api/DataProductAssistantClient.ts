import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  ReviewQueueResponse,
  ReviewSummary,
  ScorecardsResponse,
  VerifiedAnswerRecord,
} from '@dpa/plugin-data-product-assistant-common';
import {
  AskHistoryPage,
  AskHistoryQuery,
  DataProductAssistantApi,
  InteropQuery,
  ReviewInteropQuery,
  ReviewQueueQuery,
} from './DataProductAssistantApi';
import {
  ContractValidationError,
  ContractValidationErrorBody,
} from './ContractValidationError';
import {
  isReviewVerdict,
  ReviewRejectedError,
  ReviewRejectedErrorBody,
} from './ReviewRejectedError';

const PLUGIN_ID = 'data-product-assistant';

/** Talks to the Data Product Assistant backend with the user's credentials. */
export class DataProductAssistantClient implements DataProductAssistantApi {
  private readonly discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  private readonly fetchApi: Pick<FetchApi, 'fetch'>;

  constructor(options: {
    discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
    fetchApi: Pick<FetchApi, 'fetch'>;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getProfile(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductProfile> {
    return this.request<DataProductProfile>(
      `/products/${productPath(entityRef)}/profile`,
      { signal: options?.signal },
    );
  }

  async ask(
    entityRef: CompoundEntityRef | string,
    question: string,
    options?: { signal?: AbortSignal },
  ): Promise<AskRecord> {
    return this.request<AskRecord>('/ask', {
      method: 'POST',
      body: JSON.stringify({ entityRef: toRefString(entityRef), question }),
      signal: options?.signal,
    });
  }

  async listAsks(
    entityRef: CompoundEntityRef | string,
    query?: AskHistoryQuery,
    options?: { signal?: AbortSignal },
  ): Promise<AskHistoryPage> {
    const params = new URLSearchParams();
    if (query?.limit !== undefined) params.set('limit', String(query.limit));
    if (query?.offset !== undefined) params.set('offset', String(query.offset));
    const search = params.toString();
    return this.request<AskHistoryPage>(
      `/products/${productPath(toCompoundRef(entityRef))}/asks${
        search ? `?${search}` : ''
      }`,
      { signal: options?.signal },
    );
  }

  async sendFeedback(
    askId: string,
    feedback: FeedbackRequest,
  ): Promise<AskFeedback> {
    const body: FeedbackRequest = { helpful: feedback.helpful };
    if (feedback.comment !== undefined && feedback.comment.trim() !== '') {
      body.comment = feedback.comment;
    }
    return this.request<AskFeedback>(
      `/asks/${encodeURIComponent(askId)}/feedback`,
      { method: 'POST', body: JSON.stringify(body) },
    );
  }

  async getAsk(
    askId: string,
    options?: { signal?: AbortSignal },
  ): Promise<AskRecord> {
    return this.request<AskRecord>(`/asks/${encodeURIComponent(askId)}`, {
      signal: options?.signal,
    });
  }

  async getInterop(
    entityRef: CompoundEntityRef | string,
    query?: InteropQuery,
    options?: { signal?: AbortSignal },
  ): Promise<InteropResponse> {
    const search =
      query?.top !== undefined ? `?top=${encodeURIComponent(query.top)}` : '';
    return this.request<InteropResponse>(
      `/products/${productPath(toCompoundRef(entityRef))}/interop${search}`,
      { signal: options?.signal },
    );
  }

  async decideInterop(
    entityRef: CompoundEntityRef | string,
    request: InteropDecisionRequest,
  ): Promise<InteropDecision> {
    const body: InteropDecisionRequest = {
      suggestionId: request.suggestionId,
      decision: request.decision,
    };
    const comment = request.comment?.trim();
    if (comment) {
      body.comment = comment;
    }
    return this.request<InteropDecision>(
      `/products/${productPath(toCompoundRef(entityRef))}/interop/decisions`,
      { method: 'POST', body: JSON.stringify(body) },
    );
  }

  async getScorecards(options?: {
    signal?: AbortSignal;
  }): Promise<ScorecardsResponse> {
    return this.request<ScorecardsResponse>('/scorecards', {
      signal: options?.signal,
    });
  }

  async listNotes(
    entityRef: CompoundEntityRef | string,
    options?: { signal?: AbortSignal },
  ): Promise<KnowledgeNoteRecord[]> {
    const page = await this.request<{ items: KnowledgeNoteRecord[] }>(
      `/products/${productPath(toCompoundRef(entityRef))}/notes`,
      { signal: options?.signal },
    );
    return page.items;
  }

  async addNote(
    entityRef: CompoundEntityRef | string,
    note: KnowledgeNoteRequest,
  ): Promise<KnowledgeNoteRecord> {
    return this.request<KnowledgeNoteRecord>(
      `/products/${productPath(toCompoundRef(entityRef))}/notes`,
      { method: 'POST', body: JSON.stringify(noteBody(note)) },
    );
  }

  async updateNote(
    entityRef: CompoundEntityRef | string,
    id: string,
    note: KnowledgeNoteRequest,
  ): Promise<KnowledgeNoteRecord> {
    return this.request<KnowledgeNoteRecord>(
      `/products/${productPath(
        toCompoundRef(entityRef),
      )}/notes/${encodeURIComponent(id)}`,
      { method: 'PUT', body: JSON.stringify(noteBody(note)) },
    );
  }

  async deleteNote(
    entityRef: CompoundEntityRef | string,
    id: string,
  ): Promise<void> {
    await this.request<void>(
      `/products/${productPath(
        toCompoundRef(entityRef),
      )}/notes/${encodeURIComponent(id)}`,
      { method: 'DELETE' },
    );
  }

  async getReviewQueue(
    query?: ReviewQueueQuery,
    options?: { signal?: AbortSignal },
  ): Promise<ReviewQueueResponse> {
    const params = new URLSearchParams();
    if (query?.product) params.set('product', toRefString(query.product));
    if (query?.verdict) params.set('verdict', query.verdict);
    if (query?.state) params.set('state', query.state);
    if (query?.order) params.set('order', query.order);
    if (query?.limit !== undefined) params.set('limit', String(query.limit));
    if (query?.offset !== undefined) params.set('offset', String(query.offset));
    return this.request<ReviewQueueResponse>(`/review${withSearch(params)}`, {
      signal: options?.signal,
    });
  }

  async getReviewInterop(
    query?: ReviewInteropQuery,
    options?: { signal?: AbortSignal },
  ): Promise<ReviewInteropResponse> {
    const params = new URLSearchParams();
    if (query?.product) params.set('product', toRefString(query.product));
    if (query?.sort) params.set('sort', query.sort);
    if (query?.limit !== undefined) params.set('limit', String(query.limit));
    if (query?.offset !== undefined) params.set('offset', String(query.offset));
    return this.request<ReviewInteropResponse>(
      `/review/interop${withSearch(params)}`,
      { signal: options?.signal },
    );
  }

  async getReviewSummary(
    product?: CompoundEntityRef | string,
    options?: { signal?: AbortSignal },
  ): Promise<ReviewSummary> {
    const params = new URLSearchParams();
    if (product) params.set('product', toRefString(product));
    return this.request<ReviewSummary>(`/review/summary${withSearch(params)}`, {
      signal: options?.signal,
    });
  }

  async reviewAsk(
    askId: string,
    request: ReviewActionRequest,
  ): Promise<ReviewAnswerItem> {
    return this.request<ReviewAnswerItem>(
      `/review/asks/${encodeURIComponent(askId)}`,
      { method: 'POST', body: JSON.stringify(reviewBody(request)) },
    );
  }

  async listVerified(
    entityRef: CompoundEntityRef | string,
    options?: { signal?: AbortSignal },
  ): Promise<VerifiedAnswerRecord[]> {
    const page = await this.request<{ items: VerifiedAnswerRecord[] }>(
      `/products/${productPath(toCompoundRef(entityRef))}/verified`,
      { signal: options?.signal },
    );
    return page.items;
  }

  /** Sends a request to the backend and parses the JSON answer. */
  protected async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
        ...init?.headers,
      },
    });
    if (!response.ok) {
      throw await toError(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
}

/** `{text, column?}` with no empty column. */
function noteBody(note: KnowledgeNoteRequest): KnowledgeNoteRequest {
  return note.column
    ? { text: note.text, column: note.column }
    : { text: note.text };
}

/**
 * `{action, comment?, answer?, saveAsNote?}`: no empty comment, the answer
 * and `saveAsNote` only with a correction.
 */
function reviewBody(request: ReviewActionRequest): ReviewActionRequest {
  const body: ReviewActionRequest = { action: request.action };
  const comment = request.comment?.trim();
  if (comment) body.comment = comment;
  if (request.action === 'correct') {
    body.answer = request.answer?.trim() ?? '';
    if (request.saveAsNote) body.saveAsNote = true;
  }
  return body;
}

/** `?a=b` for non-empty params, else nothing. */
function withSearch(params: URLSearchParams): string {
  const search = params.toString();
  return search ? `?${search}` : '';
}

const refDefaults = { defaultKind: 'component', defaultNamespace: 'default' };

function toCompoundRef(ref: CompoundEntityRef | string): CompoundEntityRef {
  return typeof ref === 'string' ? parseEntityRef(ref, refDefaults) : ref;
}

/** `kind:namespace/name`, as the backend's `entityRef` field expects. */
function toRefString(ref: CompoundEntityRef | string): string {
  return stringifyEntityRef(toCompoundRef(ref));
}

/** `namespace/kind/name`, each part URL-encoded; kind and namespace lower-cased like the catalog. */
function productPath(ref: CompoundEntityRef): string {
  return [ref.namespace || 'default', ref.kind, ref.name]
    .map((part, i) =>
      encodeURIComponent(i < 2 ? part.toLocaleLowerCase('en-US') : part),
    )
    .join('/');
}

async function toError(response: Response): Promise<Error> {
  // Read a copy so the original stays unread for ResponseError.
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  if (response.status === 422 && isContractValidationBody(body)) {
    return new ContractValidationError({
      message: body.error.message,
      source: body.source,
      issues: body.issues,
      statusCode: response.status,
    });
  }
  if (response.status === 422 && isReviewRejectedBody(body)) {
    return new ReviewRejectedError({
      message: body.error.message,
      verdict: body.verdict,
      statusCode: response.status,
    });
  }
  if (isBareErrorBody(body)) {
    // `{ error }` without the `response` part of Backstage's error format
    // (and perhaps without a name): complete it so that ResponseError keeps
    // the backend's own message.
    return ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          ...body,
          error: { ...body.error, name: body.error.name ?? 'Error' },
          response: { statusCode: response.status },
        }),
        {
          status: response.status,
          statusText: response.statusText,
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
  }
  return ResponseError.fromResponse(response);
}

function isContractValidationBody(
  body: unknown,
): body is ContractValidationErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { error } = body as { error?: { name?: unknown } };
  return error?.name === 'ContractValidationError';
}

function isReviewRejectedBody(body: unknown): body is ReviewRejectedErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { error, verdict } = body as {
    error?: { message?: unknown };
    verdict?: unknown;
  };
  return typeof error?.message === 'string' && isReviewVerdict(verdict);
}

function isBareErrorBody(
  body: unknown,
): body is { error: { name?: string; message: string } } {
  if (typeof body !== 'object' || body === null) return false;
  const { error, response } = body as {
    error?: { name?: unknown; message?: unknown };
    response?: unknown;
  };
  return (
    response === undefined &&
    (error?.name === undefined || typeof error.name === 'string') &&
    typeof error?.message === 'string'
  );
}
