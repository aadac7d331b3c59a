import { describe, expect, it, vi } from 'vitest';
import { ResponseError } from '@backstage/errors';
import { DataProductAssistantClient } from './DataProductAssistantClient';
import { ReviewRejectedError } from './ReviewRejectedError';
import { ContractValidationError } from './ContractValidationError';
import {
  customersInteropItem,
  flaggedReviewItem,
} from '../__testUtils__/fixtures';

const baseUrl = 'http://localhost:7007/api/data-product-assistant';

function setup(response: Response) {
  const fetch = vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response,
  );
  const client = new DataProductAssistantClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch },
  });
  return { client, fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const bodyOf = (init?: RequestInit) => JSON.parse(String(init?.body));

describe('DataProductAssistantClient review', () => {
  it('gets the queue with every filter and paging', async () => {
    const queue = {
      items: [flaggedReviewItem],
      total: 1,
      products: ['component:default/orders'],
    };
    const { client, fetch } = setup(json(200, queue));

    const result = await client.getReviewQueue({
      product: { kind: 'Component', namespace: 'default', name: 'orders v2' },
      verdict: 'blocked',
      state: 'approved',
      order: 'oldest',
      limit: 10,
      offset: 20,
    });

    expect(result).toEqual(queue);
    const [url, init] = fetch.mock.calls[0];
    const parsed = new URL(String(url));
    expect(`${parsed.origin}${parsed.pathname}`).toBe(`${baseUrl}/review`);
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      product: 'component:default/orders v2',
      verdict: 'blocked',
      state: 'approved',
      order: 'oldest',
      limit: '10',
      offset: '20',
    });
    expect(init?.method).toBeUndefined();
  });

  it('gets the whole queue without a query string', async () => {
    const { client, fetch } = setup(
      json(200, { items: [], total: 0, products: [] }),
    );
    await client.getReviewQueue();
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/review`);
  });

  it('gets the pending suggestions of one product or all, a page at a time, in the order asked', async () => {
    const body = {
      items: [customersInteropItem],
      total: 3,
      pendingMappings: 5,
    };
    const one = setup(json(200, body));
    expect(
      await one.client.getReviewInterop({
        product: 'component:default/orders',
        sort: 'product',
        limit: 1,
        offset: 2,
      }),
    ).toEqual(body);
    expect(one.fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/review/interop?product=component%3Adefault%2Forders&sort=product&limit=1&offset=2`,
    );

    const all = setup(json(200, { items: [], total: 0, pendingMappings: 0 }));
    await all.client.getReviewInterop();
    expect(all.fetch.mock.calls[0][0]).toBe(`${baseUrl}/review/interop`);
  });

  it('gets the summary for a product or for everything', async () => {
    const summary = {
      canReview: true,
      pendingAnswers: 2,
      pendingSuggestions: 1,
    };
    const one = setup(json(200, summary));
    expect(
      await one.client.getReviewSummary({
        kind: 'Component',
        namespace: 'default',
        name: 'orders',
      }),
    ).toEqual(summary);
    expect(one.fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/review/summary?product=component%3Adefault%2Forders`,
    );

    const all = setup(json(200, summary));
    await all.client.getReviewSummary();
    expect(all.fetch.mock.calls[0][0]).toBe(`${baseUrl}/review/summary`);
  });

  it('posts an approval with a trimmed comment', async () => {
    const updated = { ...flaggedReviewItem, state: 'approved' };
    const { client, fetch } = setup(json(200, updated));

    const result = await client.reviewAsk('ask/2', {
      action: 'approve',
      comment: '  Checked against the contract ',
    });

    expect(result).toEqual(updated);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/review/asks/ask%2F2`);
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Content-Type')).toBe(
      'application/json',
    );
    expect(bodyOf(init)).toEqual({
      action: 'approve',
      comment: 'Checked against the contract',
    });
  });

  it('posts a correction with its answer and saveAsNote, without an empty comment', async () => {
    const { client, fetch } = setup(json(200, flaggedReviewItem));
    await client.reviewAsk('a2', {
      action: 'correct',
      answer: ' Join on customer_id after aggregating. ',
      comment: ' ',
      saveAsNote: true,
    });
    expect(bodyOf(fetch.mock.calls[0][1])).toEqual({
      action: 'correct',
      answer: 'Join on customer_id after aggregating.',
      saveAsNote: true,
    });
  });

  it('sends no answer nor saveAsNote with a rejection', async () => {
    const { client, fetch } = setup(json(200, flaggedReviewItem));
    await client.reviewAsk('a2', {
      action: 'reject',
      comment: 'Wrong key',
      answer: 'ignored',
      saveAsNote: true,
    });
    expect(bodyOf(fetch.mock.calls[0][1])).toEqual({
      action: 'reject',
      comment: 'Wrong key',
    });
  });

  it('maps a 422 with a verdict to a ReviewRejectedError carrying it', async () => {
    const verdict = {
      status: 'blocked',
      reasons: [
        {
          code: 'pii-disclosure',
          message: 'The answer reveals values of a PII column',
          severity: 'error',
        },
      ],
      groundedness: 0.2,
    };
    const { client } = setup(
      json(422, {
        error: {
          name: 'ReviewRejectedError',
          message: 'The validator blocked the corrected answer',
        },
        response: { statusCode: 422 },
        verdict,
      }),
    );

    const error = await client
      .reviewAsk('a2', { action: 'correct', answer: 'x' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ReviewRejectedError);
    expect(ReviewRejectedError.isReviewRejectedError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(ContractValidationError);
    expect(error.statusCode).toBe(422);
    expect(error.message).toBe('The validator blocked the corrected answer');
    expect(error.verdict).toEqual(verdict);
  });

  it('rejects a 409 with the backend message as a ResponseError', async () => {
    const { client } = setup(
      json(409, {
        error: {
          name: 'ConflictError',
          message: 'ask a2 was already reviewed by user:default/alice',
        },
      }),
    );
    const error = await client
      .reviewAsk('a2', { action: 'approve' })
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe(
      'ask a2 was already reviewed by user:default/alice',
    );
  });

  it('lists the verified answers of a product', async () => {
    const record = {
      id: 'v1',
      entityRef: 'component:default/orders',
      askId: 'a1',
      question: 'q',
      answer: 'a',
      verifiedBy: 'user:default/alice',
      verifiedAt: '2025-01-01T00:00:00.000Z',
      claims: [],
      citations: [],
      verdict: { status: 'approved', reasons: [], groundedness: 1 },
      status: 'active',
    };
    const { client, fetch } = setup(json(200, { items: [record] }));
    expect(await client.listVerified('component:default/orders v2')).toEqual([
      record,
    ]);
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/products/default/component/orders%20v2/verified`,
    );
  });
});
