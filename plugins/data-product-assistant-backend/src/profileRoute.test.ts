import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mockCredentials,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { demoProducts } from './__testUtils__/demoEntities';
import { startPluginBackend } from './__testUtils__/startPluginBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'profile route on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startPluginBackend>>['server'];

    beforeAll(async () => {
      ({ server } = await startPluginBackend(
        databases,
        databaseId as TestDatabaseId,
      ));
    });

    afterAll(async () => {
      await server?.close();
    });

    const get = (ref: string) =>
      request(server)
        .get(`/api/data-product-assistant/products/${ref}/profile`)
        .set('Authorization', mockCredentials.user.header());

    it('returns the profile of a demo data product', async () => {
      const res = await get('default/component/sales-orders');
      expect(res.status).toBe(200);
      expect(res.body.entityRef).toBe('component:default/sales-orders');
      expect(res.body.owner).toBe('group:default/sales-team');
      expect(res.body.domain).toBe('sales');
      expect(res.body.dependsOn).toEqual([
        'component:default/customer-profiles',
      ]);
      expect(res.body.dependents).toEqual(['component:default/invoices']);
      const [contract] = res.body.contracts;
      expect(contract.source).toMatch(
        /^file:.*sales-orders\/contract\.odcs\.yaml$/,
      );
      const orders = contract.tables.find((t: any) => t.name === 'orders');
      expect(orders.primaryKey).toEqual(['order_id']);
      expect(orders.columns.some((c: any) => c.pii && c.classification)).toBe(
        true,
      );
      expect(res.body.docs).toMatch(/\w+/);
    });

    it('serves every demo product', async () => {
      for (const entity of demoProducts()) {
        const res = await get(`default/component/${entity.metadata.name}`);
        expect(res.status, entity.metadata.name).toBe(200);
        expect(res.body.contracts[0].tables.length).toBeGreaterThan(0);
      }
    });

    it('serves the same profile again from the stored snapshot', async () => {
      const first = await get('default/component/payments');
      const second = await get('default/component/payments');
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
    });

    it('answers 404 for an unknown entity', async () => {
      const res = await get('default/component/no-such-product');
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        'No entity component:default/no-such-product in the catalog',
      );
    });

    it('answers 400 for an entity that is not a data product', async () => {
      const res = await get('default/component/checkout-service');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /is not a data product: its spec.type is "service"/,
      );
    });

    it('answers 400 for a data product without a contract annotation', async () => {
      const res = await get('default/component/unannotated-product');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /no data-products\/contract annotation/,
      );
    });

    it('answers 422 with the schema errors of an invalid contract', async () => {
      for (let i = 0; i < 2; i++) {
        // The second read comes from the stored snapshot and must say the same.
        const res = await get('default/component/broken-product');
        expect(res.status).toBe(422);
        expect(res.body.error.name).toBe('ContractValidationError');
        expect(res.body.source).toMatch(/broken-contract\.odcs\.yaml$/);
        expect(res.body.issues).toEqual(
          expect.arrayContaining([
            { path: '/', message: 'is missing required field "id"' },
            {
              path: '/schema/0/properties/0/primaryKey',
              message: 'must be of type boolean',
            },
          ]),
        );
      }
    });

    it('answers 422 when the contract cannot be read', async () => {
      const res = await get('default/component/missing-contract-product');
      expect(res.status).toBe(422);
      expect(res.body.issues[0].message).toMatch(
        /could not be read \(not found\)/,
      );
    });

    it('refuses callers with an invalid token', async () => {
      const res = await request(server)
        .get(
          '/api/data-product-assistant/products/default/component/sales-orders/profile',
        )
        .set('Authorization', mockCredentials.user.invalidHeader());
      expect(res.status).toBe(401);
    });
  },
);
