import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DefaultApiClient,
  type TypedResponse,
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

/** Talks to the Data Product Assistant backend with the user's credentials. */
export class DataProductAssistantClient implements DataProductAssistantApi {
  /** Generated from the backend's OpenAPI spec; this class adds the portal's errors and defaults. */
  private readonly api: DefaultApiClient;

  constructor(options: {
    discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
    fetchApi: Pick<FetchApi, 'fetch'>;
  }) {
    this.api = new DefaultApiClient({
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi,
    });
  }

  async getProfile(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductProfile> {
    return read(
      await this.api.getProfile({ path: productPath(entityRef) }, options),
    );
  }

  async ask(
    entityRef: CompoundEntityRef | string,
    question: string,
    options?: { signal?: AbortSignal },
  ): Promise<AskRecord> {
    return read(
      await this.api.ask(
        { body: { entityRef: toRefString(entityRef), question } },
        options,
      ),
    );
  }

  async listAsks(
    entityRef: CompoundEntityRef | string,
    query?: AskHistoryQuery,
    options?: { signal?: AbortSignal },
  ): Promise<AskHistoryPage> {
    return read(
      await this.api.listAsks(
        {
          path: productPath(toCompoundRef(entityRef)),
          query: { limit: query?.limit, offset: query?.offset },
        },
        options,
      ),
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
    return read(await this.api.sendFeedback({ path: { id: askId }, body }));
  }

  async getAsk(
    askId: string,
    options?: { signal?: AbortSignal },
  ): Promise<AskRecord> {
    return read(await this.api.getAsk({ path: { id: askId } }, options));
  }

  async getInterop(
    entityRef: CompoundEntityRef | string,
    query?: InteropQuery,
    options?: { signal?: AbortSignal },
  ): Promise<InteropResponse> {
    return read(
      await this.api.getInterop(
        {
          path: productPath(toCompoundRef(entityRef)),
          query: { top: query?.top },
        },
        options,
      ),
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
    return read(
      await this.api.decideInterop({
        path: productPath(toCompoundRef(entityRef)),
        body,
      }),
    );
  }

  async getScorecards(options?: {
    signal?: AbortSignal;
  }): Promise<ScorecardsResponse> {
    return read(await this.api.getScorecards({}, options));
  }

  async listNotes(
    entityRef: CompoundEntityRef | string,
    options?: { signal?: AbortSignal },
  ): Promise<KnowledgeNoteRecord[]> {
    const page = await read(
      await this.api.listNotes(
        { path: productPath(toCompoundRef(entityRef)) },
        options,
      ),
    );
    return page.items;
  }

  async addNote(
    entityRef: CompoundEntityRef | string,
    note: KnowledgeNoteRequest,
  ): Promise<KnowledgeNoteRecord> {
    return read(
      await this.api.addNote({
        path: productPath(toCompoundRef(entityRef)),
        body: noteBody(note),
      }),
    );
  }

  async updateNote(
    entityRef: CompoundEntityRef | string,
    id: string,
    note: KnowledgeNoteRequest,
  ): Promise<KnowledgeNoteRecord> {
    return read(
      await this.api.updateNote({
        path: { ...productPath(toCompoundRef(entityRef)), id },
        body: noteBody(note),
      }),
    );
  }

  async deleteNote(
    entityRef: CompoundEntityRef | string,
    id: string,
  ): Promise<void> {
    await read(
      await this.api.deleteNote({
        path: { ...productPath(toCompoundRef(entityRef)), id },
      }),
    );
  }

  async getReviewQueue(
    query?: ReviewQueueQuery,
    options?: { signal?: AbortSignal },
  ): Promise<ReviewQueueResponse> {
    return read(
      await this.api.getReviewQueue(
        {
          query: {
            product: query?.product ? toRefString(query.product) : undefined,
            verdict: query?.verdict,
            state: query?.state,
            order: query?.order,
            limit: query?.limit,
            offset: query?.offset,
          },
        },
        options,
      ),
    );
  }

  async getReviewInterop(
    query?: ReviewInteropQuery,
    options?: { signal?: AbortSignal },
  ): Promise<ReviewInteropResponse> {
    return read(
      await this.api.getReviewInterop(
        {
          query: {
            product: query?.product ? toRefString(query.product) : undefined,
            sort: query?.sort,
            limit: query?.limit,
            offset: query?.offset,
          },
        },
        options,
      ),
    );
  }

  async getReviewSummary(
    product?: CompoundEntityRef | string,
    options?: { signal?: AbortSignal },
  ): Promise<ReviewSummary> {
    return read(
      await this.api.getReviewSummary(
        { query: { product: product ? toRefString(product) : undefined } },
        options,
      ),
    );
  }

  async reviewAsk(
    askId: string,
    request: ReviewActionRequest,
  ): Promise<ReviewAnswerItem> {
    return read(
      await this.api.reviewAsk({
        path: { id: askId },
        body: reviewBody(request),
      }),
    );
  }

  async listVerified(
    entityRef: CompoundEntityRef | string,
    options?: { signal?: AbortSignal },
  ): Promise<VerifiedAnswerRecord[]> {
    const page = await read(
      await this.api.listVerifiedAnswers(
        { path: productPath(toCompoundRef(entityRef)) },
        options,
      ),
    );
    return page.items;
  }
}

/** The JSON body of a successful response (nothing for a 204), else the backend's error. */
async function read<T>(response: TypedResponse<T>): Promise<T> {
  if (!response.ok) {
    throw await toError(response as Response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return await response.json();
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

const refDefaults = { defaultKind: 'component', defaultNamespace: 'default' };

function toCompoundRef(ref: CompoundEntityRef | string): CompoundEntityRef {
  return typeof ref === 'string' ? parseEntityRef(ref, refDefaults) : ref;
}

/** `kind:namespace/name`, as the backend's `entityRef` field expects. */
function toRefString(ref: CompoundEntityRef | string): string {
  return stringifyEntityRef(toCompoundRef(ref));
}

/** The path of a product; kind and namespace lower-cased like the catalog (the client URL-encodes each part). */
function productPath(ref: CompoundEntityRef): {
  namespace: string;
  kind: string;
  name: string;
} {
  return {
    namespace: (ref.namespace || 'default').toLocaleLowerCase('en-US'),
    kind: ref.kind.toLocaleLowerCase('en-US'),
    name: ref.name,
  };
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
