import { describe, expect, it, vi } from 'vitest';
import { ResponseError } from '@backstage/errors';
import { DataProductAssistantClient } from './DataProductAssistantClient';
import { ContractValidationError } from './ContractValidationError';
import { orderProfile } from '../__testUtils__/fixtures';

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
});
