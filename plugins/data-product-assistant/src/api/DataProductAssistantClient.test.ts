import { describe, expect, it, vi } from 'vitest';
import { ResponseError } from '@backstage/errors';
import { DataProductAssistantClient } from './DataProductAssistantClient';
import { ContractValidationError } from './ContractValidationError';
import {
  acceptedOrderIdMapping,
  approvedAsk,
  orderProfile,
  ordersInterop,
} from '../__testUtils__/fixtures';

const baseUrl = 'http://localhost:7007/api/data-product-assistant';

function setup(response: Response) {
  const fetch = vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response,
  );
  const getBaseUrl = vi.fn(async (_pluginId: string) => baseUrl);
  const client = new DataProductAssistantClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch },
  });
  return { client, fetch, getBaseUrl };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('DataProductAssistantClient', () => {
  it('gets the profile through fetchApi at the products URL', async () => {
    const { client, fetch, getBaseUrl } = setup(json(200, orderProfile));

    const profile = await client.getProfile({
      kind: 'Component',
      namespace: 'Default',
      name: 'orders v2',
    });

    expect(profile).toEqual(orderProfile);
    expect(getBaseUrl).toHaveBeenCalledWith('data-product-assistant');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/products/default/component/orders%20v2/profile`,
    );
  });

  it('maps a 422 to a ContractValidationError with every issue and the source', async () => {
    const { client } = setup(
      json(422, {
        error: {
          name: 'ContractValidationError',
          message: 'Contract does not match ODCS v3.1.0',
        },
        source: 'https://example.com/orders.odcs.yaml',
        issues: [
          {
            path: '/schema/0/properties/1/logicalType',
            message: 'must be equal to one of the allowed values',
          },
          { path: '/status', message: "must have required property 'status'" },
        ],
      }),
    );

    const error = await client
      .getProfile({ kind: 'component', namespace: 'default', name: 'orders' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ContractValidationError);
    expect(ContractValidationError.isContractValidationError(error)).toBe(true);
    expect(error.message).toBe('Contract does not match ODCS v3.1.0');
    expect(error.statusCode).toBe(422);
    expect(error.source).toBe('https://example.com/orders.odcs.yaml');
    expect(error.issues).toHaveLength(2);
    expect(error.issues[1]).toEqual({
      path: '/status',
      message: "must have required property 'status'",
    });
  });

  it('rejects other failures with a ResponseError carrying the backend message', async () => {
    const { client } = setup(
      json(404, {
        error: {
          name: 'NotFoundError',
          message: 'No entity component:default/nope',
        },
      }),
    );

    const error = await client
      .getProfile({ kind: 'component', namespace: 'default', name: 'nope' })
      .catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(404);
    expect(error.cause.message).toBe('No entity component:default/nope');
  });

  it('keeps the message of a full Backstage error body', async () => {
    const { client } = setup(
      json(400, {
        error: {
          name: 'InputError',
          message: 'component:default/x is not a data product',
        },
        request: {
          method: 'GET',
          url: '/products/default/component/x/profile',
        },
        response: { statusCode: 400 },
      }),
    );
    const error = await client
      .getProfile({ kind: 'component', namespace: 'default', name: 'x' })
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.cause.name).toBe('InputError');
    expect(error.cause.message).toBe(
      'component:default/x is not a data product',
    );
  });

  it('falls back to a ResponseError for a 422 that is not a contract error', async () => {
    const { client } = setup(
      json(422, { error: { name: 'InputError', message: 'odd' } }),
    );
    const error = await client
      .getProfile({ kind: 'component', namespace: 'default', name: 'x' })
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error).not.toBeInstanceOf(ContractValidationError);
  });

  describe('asking', () => {
    const bodyOf = (init?: RequestInit) => JSON.parse(String(init?.body));

    it('posts the question with the entity ref to /ask', async () => {
      const { client, fetch } = setup(json(201, approvedAsk));

      const record = await client.ask(
        { kind: 'Component', namespace: 'default', name: 'orders' },
        'How fresh is the data?',
      );

      expect(record).toEqual(approvedAsk);
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(`${baseUrl}/ask`);
      expect(init?.method).toBe('POST');
      expect(bodyOf(init)).toEqual({
        entityRef: 'component:default/orders',
        question: 'How fresh is the data?',
      });
      expect(new Headers(init?.headers).get('Content-Type')).toBe(
        'application/json',
      );
    });

    it('accepts a string entity ref', async () => {
      const { client, fetch } = setup(json(201, approvedAsk));
      await client.ask('component:default/orders', 'Who owns it?');
      expect(bodyOf(fetch.mock.calls[0][1]).entityRef).toBe(
        'component:default/orders',
      );
    });

    it('surfaces the backend message of a 400 and a 429', async () => {
      const tooLong = await setup(
        json(400, {
          error: {
            name: 'InputError',
            message: 'question is too long: the limit is 2000 characters',
          },
        }),
      )
        .client.ask('component:default/orders', 'x')
        .catch(e => e);
      expect(ResponseError.is(tooLong)).toBe(true);
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.cause.message).toBe(
        'question is too long: the limit is 2000 characters',
      );

      const limited = await setup(
        json(429, {
          error: {
            name: 'TooManyRequestsError',
            message: 'Rate limit of 10 questions a minute; resets in 42 s',
          },
        }),
      )
        .client.ask('component:default/orders', 'x')
        .catch(e => e);
      expect(limited.statusCode).toBe(429);
      expect(limited.cause.message).toBe(
        'Rate limit of 10 questions a minute; resets in 42 s',
      );
    });

    it('maps a 422 from /ask to a ContractValidationError', async () => {
      const { client } = setup(
        json(422, {
          error: { name: 'ContractValidationError', message: 'bad contract' },
          issues: [{ path: '/status', message: 'required' }],
        }),
      );
      const error = await client
        .ask('component:default/orders', 'x')
        .catch(e => e);
      expect(error).toBeInstanceOf(ContractValidationError);
      expect(error.issues).toHaveLength(1);
    });

    it('lists past questions with limit and offset', async () => {
      const page = { items: [approvedAsk], total: 7 };
      const { client, fetch } = setup(json(200, page));

      const result = await client.listAsks(
        { kind: 'Component', namespace: 'default', name: 'orders v2' },
        { limit: 5, offset: 10 },
      );

      expect(result).toEqual(page);
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(
        `${baseUrl}/products/default/component/orders%20v2/asks?limit=5&offset=10`,
      );
      expect(init?.method).toBeUndefined();
    });

    it('lists past questions of a string ref without paging', async () => {
      const { client, fetch } = setup(json(200, { items: [], total: 0 }));
      await client.listAsks('component:default/orders');
      expect(fetch.mock.calls[0][0]).toBe(
        `${baseUrl}/products/default/component/orders/asks`,
      );
    });

    it('posts feedback to the ask', async () => {
      const stored = {
        helpful: false,
        comment: 'Missing the tax part',
        userRef: 'user:default/guest',
        createdAt: '2025-01-01T00:00:00.000Z',
      };
      const { client, fetch } = setup(json(201, stored));

      const result = await client.sendFeedback('ask/1', {
        helpful: false,
        comment: 'Missing the tax part',
      });

      expect(result).toEqual(stored);
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(`${baseUrl}/asks/ask%2F1/feedback`);
      expect(init?.method).toBe('POST');
      expect(bodyOf(init)).toEqual({
        helpful: false,
        comment: 'Missing the tax part',
      });
    });

    it('leaves out an empty comment', async () => {
      const { client, fetch } = setup(json(201, {}));
      await client.sendFeedback('a1', { helpful: true, comment: '  ' });
      expect(bodyOf(fetch.mock.calls[0][1])).toEqual({ helpful: true });
    });

    it('gets one ask by id', async () => {
      const { client, fetch } = setup(json(200, approvedAsk));
      expect(await client.getAsk('a1')).toEqual(approvedAsk);
      expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/asks/a1`);
    });
  });

  describe('interoperability', () => {
    const bodyOf = (init?: RequestInit) => JSON.parse(String(init?.body));

    it('gets the suggestions of a product with top', async () => {
      const { client, fetch } = setup(json(200, ordersInterop));

      const result = await client.getInterop(
        { kind: 'Component', namespace: 'Default', name: 'orders v2' },
        { top: 5 },
      );

      expect(result).toEqual(ordersInterop);
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(
        `${baseUrl}/products/default/component/orders%20v2/interop?top=5`,
      );
      expect(init?.method).toBeUndefined();
      expect(new Headers(init?.headers).get('Accept')).toBe('application/json');
    });

    it('gets the suggestions of a string ref without top', async () => {
      const { client, fetch } = setup(json(200, ordersInterop));
      await client.getInterop('component:default/orders');
      expect(fetch.mock.calls[0][0]).toBe(
        `${baseUrl}/products/default/component/orders/interop`,
      );
    });

    it('surfaces the backend message of a 400 and a 404', async () => {
      const notProduct = await setup(
        json(400, {
          error: {
            name: 'InputError',
            message: 'component:default/x is not a data product',
          },
        }),
      )
        .client.getInterop('component:default/x')
        .catch(e => e);
      expect(ResponseError.is(notProduct)).toBe(true);
      expect(notProduct.statusCode).toBe(400);
      expect(notProduct.cause.message).toBe(
        'component:default/x is not a data product',
      );

      const missing = await setup(
        json(404, { error: { message: 'No entity component:default/y' } }),
      )
        .client.getInterop('component:default/y')
        .catch(e => e);
      expect(ResponseError.is(missing)).toBe(true);
      expect(missing.statusCode).toBe(404);
      // a body without an error name still keeps the backend's message
      expect(missing.cause.message).toBe('No entity component:default/y');
    });

    it('posts a decision with a trimmed comment', async () => {
      const decision = acceptedOrderIdMapping.decision!;
      const { client, fetch } = setup(json(201, decision));

      const result = await client.decideInterop(
        { kind: 'Component', namespace: 'default', name: 'orders' },
        {
          suggestionId: 'm-order-id',
          decision: 'accept',
          comment: '  Used by logistics ',
        },
      );

      expect(result).toEqual(decision);
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(
        `${baseUrl}/products/default/component/orders/interop/decisions`,
      );
      expect(init?.method).toBe('POST');
      expect(new Headers(init?.headers).get('Content-Type')).toBe(
        'application/json',
      );
      expect(bodyOf(init)).toEqual({
        suggestionId: 'm-order-id',
        decision: 'accept',
        comment: 'Used by logistics',
      });
    });

    it('leaves out an empty comment', async () => {
      const { client, fetch } = setup(json(201, {}));
      await client.decideInterop('component:default/orders', {
        suggestionId: 's1',
        decision: 'reject',
        comment: ' ',
      });
      expect(bodyOf(fetch.mock.calls[0][1])).toEqual({
        suggestionId: 's1',
        decision: 'reject',
      });
    });

    it('rejects a non-owner with the 403 message as is', async () => {
      const { client } = setup(
        json(403, {
          error: {
            name: 'NotAllowedError',
            message: 'Only the owners of component:default/orders may decide',
          },
        }),
      );
      const error = await client
        .decideInterop('component:default/orders', {
          suggestionId: 's1',
          decision: 'accept',
        })
        .catch(e => e);
      expect(ResponseError.is(error)).toBe(true);
      expect(error.statusCode).toBe(403);
      expect(error.cause.name).toBe('NotAllowedError');
      expect(error.cause.message).toBe(
        'Only the owners of component:default/orders may decide',
      );
    });
  });

  it('gets the model scorecards', async () => {
    const body = { domains: [] };
    const { client, fetch } = setup(json(200, body));
    expect(await client.getScorecards()).toEqual(body);
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/scorecards`);
  });
});
