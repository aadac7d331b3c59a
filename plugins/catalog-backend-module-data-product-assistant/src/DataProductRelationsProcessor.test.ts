import { describe, expect, it, vi } from 'vitest';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { AcceptedInteropRelationship } from '@dpa/plugin-data-product-assistant-common';
import {
  CachedAcceptedRelationships,
  HttpAcceptedRelationshipsSource,
} from './AcceptedRelationshipsSource';
import { DataProductRelationsProcessor } from './DataProductRelationsProcessor';

const logger = mockServices.logger.mock();
const location = { type: 'file', target: '/catalog-info.yaml' };

const entity = (name: string, namespace = 'default'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace },
  spec: { type: 'data-product' },
});

const accepted = (
  from: string,
  to: string,
  id = `${from}>${to}`,
): AcceptedInteropRelationship => ({
  suggestionId: id,
  fromEntityRef: from,
  toEntityRef: to,
  from: { product: from, table: 't', column: 'a' },
  to: { product: to, table: 'u', column: 'b' },
  kind: 'join-key',
  decidedAt: '2026-11-26T00:00:00.000Z',
});

async function relationsOf(
  processor: DataProductRelationsProcessor,
  e: Entity,
) {
  const emit = vi.fn();
  const result = await processor.postProcessEntity(e, location, emit);
  expect(result).toBe(e);
  return emit.mock.calls.map(([r]) => r);
}

describe('DataProductRelationsProcessor', () => {
  const list = [
    accepted(
      'component:default/sales-orders',
      'component:default/customer-profiles',
    ),
    // A second accepted mapping between the same two products: still one relation.
    accepted(
      'component:default/customer-profiles',
      'component:default/sales-orders',
      'second',
    ),
    accepted('component:default/sales-orders', 'resource:finance/invoices'),
  ];
  const processor = new DataProductRelationsProcessor({
    source: { list: async () => list },
    logger,
  });

  it('emits interoperatesWith from each side to the other', async () => {
    expect(await relationsOf(processor, entity('sales-orders'))).toEqual([
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'Component',
            namespace: 'default',
            name: 'sales-orders',
          },
          target: {
            kind: 'component',
            namespace: 'default',
            name: 'customer-profiles',
          },
          type: 'interoperatesWith',
        },
      },
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'Component',
            namespace: 'default',
            name: 'sales-orders',
          },
          target: { kind: 'resource', namespace: 'finance', name: 'invoices' },
          type: 'interoperatesWith',
        },
      },
    ]);
    expect(await relationsOf(processor, entity('customer-profiles'))).toEqual([
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'Component',
            namespace: 'default',
            name: 'customer-profiles',
          },
          target: {
            kind: 'component',
            namespace: 'default',
            name: 'sales-orders',
          },
          type: 'interoperatesWith',
        },
      },
    ]);
  });

  it('emits nothing for unrelated entities', async () => {
    expect(await relationsOf(processor, entity('payments'))).toEqual([]);
    expect(
      await relationsOf(processor, entity('sales-orders', 'other')),
    ).toEqual([]);
  });

  it('processes the entity without relations when the list cannot be had', async () => {
    const failing = new DataProductRelationsProcessor({
      source: { list: async () => Promise.reject(new Error('down')) },
      logger,
    });
    expect(await relationsOf(failing, entity('sales-orders'))).toEqual([]);
  });
});

describe('CachedAcceptedRelationships', () => {
  it('serves the list for the TTL, shares fetches and survives a failing source', async () => {
    let now = 0;
    const source = {
      list: vi.fn(async () => [
        accepted('component:default/a', 'component:default/b'),
      ]),
    };
    const cached = new CachedAcceptedRelationships(source, {
      ttlMs: 1000,
      logger,
      now: () => now,
    });
    const [first, second] = await Promise.all([cached.list(), cached.list()]);
    expect(second).toBe(first);
    expect(source.list).toHaveBeenCalledTimes(1);
    now = 500;
    await cached.list();
    expect(source.list).toHaveBeenCalledTimes(1);
    now = 1500;
    source.list.mockRejectedValueOnce(new Error('down'));
    expect(await cached.list()).toBe(first);
    expect(source.list).toHaveBeenCalledTimes(2);
    await cached.list();
    expect(source.list).toHaveBeenCalledTimes(3);
  });

  it('fails while it has never had a list', async () => {
    const cached = new CachedAcceptedRelationships(
      { list: async () => Promise.reject(new Error('down')) },
      { ttlMs: 1000, logger },
    );
    await expect(cached.list()).rejects.toThrow('down');
  });
});

describe('HttpAcceptedRelationshipsSource', () => {
  it('calls the plugin with a service token for the plugin', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify([
            accepted('component:default/a', 'component:default/b'),
          ]),
        ),
    );
    const source = new HttpAcceptedRelationshipsSource({
      discovery: mockServices.discovery(),
      auth: mockServices.auth({ pluginId: 'catalog' }),
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    const list = await source.list();
    expect(list).toHaveLength(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(
      'http://localhost:0/api/data-product-assistant/interop/accepted',
    );
    expect((init.headers as Record<string, string>).Authorization).toMatch(
      /^Bearer .*data-product-assistant/,
    );
  });

  it('throws the response error', async () => {
    const source = new HttpAcceptedRelationshipsSource({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch: (async () =>
        new Response(
          JSON.stringify({ error: { name: 'NotAllowedError', message: 'no' } }),
          {
            status: 403,
            headers: { 'content-type': 'application/json' },
          },
        )) as typeof globalThis.fetch,
    });
    await expect(source.list()).rejects.toThrow(/403/);
  });
});
