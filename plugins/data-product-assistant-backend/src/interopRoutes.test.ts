import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  mockCredentials,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  CUSTOMER_OWNER,
  NO_CUSTOMER_DATA,
  OUTSIDER,
  SALES_OWNER,
  startPluginBackend,
} from './__testUtils__/startPluginBackend';
import { suggestionId } from './interop/suggestionId';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const SALES_ORDERS = 'component:default/sales-orders';
const CUSTOMER_PROFILES = 'component:default/customer-profiles';
const base = '/api/data-product-assistant';

describe.each(databases.eachSupportedId())(
  'interop routes on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startPluginBackend>>;

    beforeAll(async () => {
      backend = await startPluginBackend(
        databases,
        databaseId as TestDatabaseId,
      );
    });

    afterAll(async () => {
      await backend?.server.close();
    });

    const get = (path: string, user = 'user:default/alice') =>
      request(backend.server)
        .get(`${base}/products/${path}/interop`)
        .set('Authorization', mockCredentials.user.header(user));
    const decide = (path: string, body: unknown, user: string) =>
      request(backend.server)
        .post(`${base}/products/${path}/interop/decisions`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body as object);
    const custIdMapping = (body: any) =>
      body.related
        .find((r: any) => r.entityRef === CUSTOMER_PROFILES)
        ?.mappings.find(
          (m: any) =>
            m.from.column === 'cust_id' &&
            m.to.column === 'customer_id' &&
            m.to.table === 'customers',
        );

    it('suggests customer-profiles for sales-orders with the cust_id join key', async () => {
      const res = await get('default/component/sales-orders');
      expect(res.status).toBe(200);
      expect(res.body.entityRef).toBe(SALES_ORDERS);
      expect(res.body.canDecide).toBe(false);
      expect(Date.parse(res.body.computedAt)).not.toBeNaN();
      expect(res.body.stats.candidatePairs).toBeGreaterThan(0);
      expect(res.body.stats.candidatePairs).toBeLessThan(
        res.body.stats.allPairs,
      );

      const customers = res.body.related.find(
        (r: any) => r.entityRef === CUSTOMER_PROFILES,
      );
      expect(customers).toMatchObject({
        title: 'Customer Profiles',
        domain: 'customer',
        owner: 'group:default/customer-team',
      });
      const mapping = custIdMapping(res.body);
      expect(mapping).toMatchObject({
        kind: 'join-key',
        from: { product: SALES_ORDERS, table: 'orders', column: 'cust_id' },
        to: {
          product: CUSTOMER_PROFILES,
          table: 'customers',
          column: 'customer_id',
        },
      });
      expect(mapping.id).toBe(suggestionId(mapping.from, mapping.to));
      expect(mapping.id).toMatch(/^[0-9a-f]{16}$/);
      expect(mapping.decision).toBeUndefined();
      expect(mapping.explanation.sql).toMatch(/JOIN/i);
      expect(customers.bestConfidence).toBe(
        Math.max(...customers.mappings.map((m: any) => m.confidence)),
      );

      // Shape: grouped by product, best first; nothing blocked, nothing about itself.
      const confidences = res.body.related.map((r: any) => r.bestConfidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
      for (const related of res.body.related) {
        expect(related.entityRef).not.toBe(SALES_ORDERS);
        for (const m of related.mappings) {
          expect(m.validation.status).not.toBe('blocked');
          expect([m.from.product, m.to.product]).toContain(SALES_ORDERS);
          expect([m.from.product, m.to.product]).toContain(related.entityRef);
        }
      }
    });

    it('says whether the caller may decide', async () => {
      expect(
        (await get('default/component/sales-orders', SALES_OWNER)).body
          .canDecide,
      ).toBe(true);
      expect(
        (await get('default/component/sales-orders', CUSTOMER_OWNER)).body
          .canDecide,
      ).toBe(false);
    });

    it('limits the related products with top, each with every mapping to it', async () => {
      const one = await request(backend.server)
        .get(`${base}/products/default/component/sales-orders/interop?top=1`)
        .set('Authorization', mockCredentials.user.header());
      expect(one.status).toBe(200);
      expect(one.body.related).toHaveLength(1);
      const all = await get('default/component/sales-orders');
      const same = all.body.related.find(
        (r: any) => r.entityRef === one.body.related[0].entityRef,
      );
      expect(one.body.related[0].mappings).toEqual(same.mappings);
      expect(all.body.related.length).toBeGreaterThan(1);
    });

    it('shows a pair of products with the same mappings from either side, oriented from the asked product', async () => {
      // sales-orders relates to many products: with the default top its
      // mappings used to be cut per mapping, so sales-returns saw more of the
      // pair than sales-orders did.
      const ids = async (asked: string, other: string) => {
        const res = await get(`default/component/${asked}`);
        expect(res.status).toBe(200);
        const related = res.body.related.find(
          (r: any) => r.entityRef === `component:default/${other}`,
        );
        expect(related).toBeDefined();
        for (const m of related.mappings) {
          expect(m.from.product).toBe(`component:default/${asked}`);
          expect(m.to.product).toBe(`component:default/${other}`);
        }
        return related.mappings.map((m: any) => m.id).sort();
      };
      const fromOrders = await ids('sales-orders', 'sales-returns');
      const fromReturns = await ids('sales-returns', 'sales-orders');
      expect(fromOrders.length).toBeGreaterThan(1);
      expect(fromOrders).toEqual(fromReturns);
      // every related product once
      const related = (await get('default/component/sales-orders')).body
        .related;
      const refs = related.map((r: any) => r.entityRef);
      expect(new Set(refs).size).toBe(refs.length);
    });

    describe('in the review queue', () => {
      const reviewInterop = (
        query: Record<string, string> = {},
        user = SALES_OWNER,
      ) =>
        request(backend.server)
          .get(`${base}/review/interop`)
          .query(query)
          .set('Authorization', mockCredentials.user.header(user));
      const pairOf = (item: any) =>
        [item.entityRef, item.related.entityRef].sort().join(' | ');

      it('lists each pair of products once, with the mappings either product shows', async () => {
        const res = await reviewInterop({ limit: '100' });
        expect(res.status).toBe(200);
        const pairs = res.body.items.map(pairOf);
        expect(new Set(pairs).size).toBe(pairs.length);
        expect(res.body.total).toBe(pairs.length);
        expect(res.body.pendingMappings).toBe(
          res.body.items.reduce(
            (n: number, i: any) => n + i.related.mappings.length,
            0,
          ),
        );
        // Both sales products are the caller's: their pair shows once, under the first.
        const both = res.body.items.filter(
          (i: any) =>
            pairOf(i) ===
            'component:default/sales-orders | component:default/sales-returns',
        );
        expect(both).toHaveLength(1);
        expect(both[0].entityRef).toBe(SALES_ORDERS);
        const panel = (await get('default/component/sales-orders')).body.related
          .find((r: any) => r.entityRef === 'component:default/sales-returns')
          .mappings.map((m: any) => m.id)
          .sort();
        expect(both[0].related.mappings.map((m: any) => m.id).sort()).toEqual(
          panel,
        );
        for (const m of both[0].related.mappings) {
          expect(m.from.product).toBe(SALES_ORDERS);
        }

        const summary = await request(backend.server)
          .get(`${base}/review/summary`)
          .set('Authorization', mockCredentials.user.header(SALES_OWNER));
        expect(summary.body.pendingSuggestions).toBe(res.body.pendingMappings);
      });

      it('pages and sorts the pairs', async () => {
        const all = (await reviewInterop({ limit: '100' })).body;
        expect(all.total).toBeGreaterThan(3);
        const first = (await reviewInterop({ limit: '2' })).body;
        const second = (await reviewInterop({ limit: '2', offset: '2' })).body;
        expect(first.items).toHaveLength(2);
        expect(first.total).toBe(all.total);
        expect(first.pendingMappings).toBe(all.pendingMappings);
        expect([...first.items, ...second.items].map(pairOf)).toEqual(
          all.items.slice(0, 4).map(pairOf),
        );
        // best first by default
        const best = all.items.map((i: any) => i.related.bestConfidence);
        expect(best).toEqual([...best].sort((a, b) => b - a));

        const byName = (await reviewInterop({ limit: '100', sort: 'product' }))
          .body.items;
        const names = byName.map((i: any) =>
          (i.related.title ?? i.related.entityRef).toLocaleLowerCase(),
        );
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
        expect(byName.map(pairOf).sort()).toEqual(all.items.map(pairOf).sort());

        const bad = await reviewInterop({ sort: 'random' });
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toBe(
          'request/query/sort must be equal to one of the allowed values: confidence, product',
        );
      });
    });

    it('never shows a product the caller cannot read', async () => {
      const res = await get('default/component/sales-orders', NO_CUSTOMER_DATA);
      expect(res.status).toBe(200);
      const refs = res.body.related.map((r: any) => r.entityRef);
      expect(refs).not.toContain(CUSTOMER_PROFILES);
      expect(refs.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.body)).not.toContain('customer-profiles');

      expect(
        (await get('default/component/customer-profiles', NO_CUSTOMER_DATA))
          .status,
      ).toBe(404);
      expect(
        (await get('default/component/sales-orders', OUTSIDER)).status,
      ).toBe(404);
    });

    it.each([
      ['default/component/checkout-service', 400, /is not a data product/],
      [
        'default/component/no-such-product',
        404,
        /No entity component:default\/no-such-product/,
      ],
    ])('answers %s with %i', async (path, status, message) => {
      const res = await get(path);
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
    });

    it.each([
      ['0', 'request/query/top must be >= 1'],
      ['-1', 'request/query/top must be >= 1'],
      ['lots', 'request/query/top must be integer'],
      ['1.5', 'request/query/top must be integer'],
      ['201', 'request/query/top must be <= 200'],
    ])('answers 400 for top=%s', async (top, message) => {
      const res = await request(backend.server)
        .get(
          `${base}/products/default/component/sales-orders/interop?top=${top}`,
        )
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(message);
    });

    it('serves a data product whose contract is invalid with no suggestions', async () => {
      const res = await get('default/component/broken-product');
      expect(res.status).toBe(200);
      expect(res.body.related).toEqual([]);
    });

    describe('decisions', () => {
      let id: string;

      beforeAll(async () => {
        id = custIdMapping(
          (await get('default/component/sales-orders')).body,
        ).id;
      });

      it('refuses someone who owns neither product', async () => {
        backend.auditor.createEvent.mockClear();
        const res = await decide(
          'default/component/sales-orders',
          { suggestionId: id, decision: 'accept' },
          'user:default/alice',
        );
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe(
          `Only the owners of ${SALES_ORDERS} or ${CUSTOMER_PROFILES} may accept or reject this suggestion`,
        );
        expect(
          await backend
            .knex('dpa_interop_decisions')
            .where({ suggestion_id: id }),
        ).toHaveLength(0);
        const event = await backend.auditor.createEvent.mock.results[0].value;
        expect(backend.auditor.createEvent).toHaveBeenCalledWith(
          expect.objectContaining({
            eventId: 'interop-decision',
            meta: expect.objectContaining({ suggestionId: id }),
          }),
        );
        expect(event.fail).toHaveBeenCalled();
        expect(event.success).not.toHaveBeenCalled();
      });

      it('lets the owner of the other product accept, from either side', async () => {
        backend.auditor.createEvent.mockClear();
        backend.refreshed.length = 0;
        const res = await decide(
          'default/component/customer-profiles',
          {
            suggestionId: id,
            decision: 'accept',
            comment: '  the customer key  ',
          },
          CUSTOMER_OWNER,
        );
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          suggestionId: id,
          status: 'accepted',
          comment: 'the customer key',
          decidedBy: CUSTOMER_OWNER,
          kind: 'join-key',
        });
        expect([res.body.from.column, res.body.to.column].sort()).toEqual([
          'cust_id',
          'customer_id',
        ]);
        const event = await backend.auditor.createEvent.mock.results[0].value;
        expect(event.success).toHaveBeenCalledWith({
          meta: expect.objectContaining({
            status: 'accepted',
            kind: 'join-key',
          }),
        });
        await vi.waitFor(() =>
          expect([...backend.refreshed].sort()).toEqual([
            CUSTOMER_PROFILES,
            SALES_ORDERS,
          ]),
        );

        const row = await backend
          .knex('dpa_interop_decisions')
          .where({ suggestion_id: id })
          .first();
        expect(row).toMatchObject({
          status: 'accepted',
          decided_by: CUSTOMER_OWNER,
          kind: 'join-key',
        });
        expect([row.from_entity_ref, row.to_entity_ref].sort()).toEqual([
          CUSTOMER_PROFILES,
          SALES_ORDERS,
        ]);

        // Shown with its decision on both products.
        const mine = custIdMapping(
          (await get('default/component/sales-orders')).body,
        );
        expect(mine.decision).toMatchObject({
          status: 'accepted',
          decidedBy: CUSTOMER_OWNER,
        });
        const theirs = (
          await get('default/component/customer-profiles')
        ).body.related
          .find((r: any) => r.entityRef === SALES_ORDERS)
          .mappings.find((m: any) => m.id === id);
        expect(theirs.decision.status).toBe('accepted');
      });

      it('serves accepted relationships to services only', async () => {
        const asService = await request(backend.server)
          .get(`${base}/interop/accepted`)
          .set('Authorization', mockCredentials.service.header());
        expect(asService.status).toBe(200);
        expect(asService.body).toEqual([
          expect.objectContaining({
            suggestionId: id,
            fromEntityRef: expect.stringMatching(
              /sales-orders|customer-profiles/,
            ),
            toEntityRef: expect.stringMatching(
              /sales-orders|customer-profiles/,
            ),
            kind: 'join-key',
          }),
        ]);
        const asUser = await request(backend.server)
          .get(`${base}/interop/accepted`)
          .set('Authorization', mockCredentials.user.header());
        expect(asUser.status).toBe(403);
      });

      it('replaces a decision with a later one; a rejected suggestion stays gone', async () => {
        const res = await decide(
          'default/component/sales-orders',
          { suggestionId: id, decision: 'reject' },
          SALES_OWNER,
        );
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          status: 'rejected',
          decidedBy: SALES_OWNER,
        });
        expect(res.body.comment).toBeUndefined();
        const rows = await backend
          .knex('dpa_interop_decisions')
          .where({ suggestion_id: id });
        expect(rows).toHaveLength(1);
        expect(rows[0].status).toBe('rejected');

        const ids = (body: any) =>
          body.related.flatMap((r: any) => r.mappings.map((m: any) => m.id));
        const before = await get('default/component/sales-orders');
        expect(ids(before.body)).not.toContain(id);
        expect(
          ids((await get('default/component/customer-profiles')).body),
        ).not.toContain(id);

        // Change a contract snapshot: the index is rebuilt, the decision still holds.
        const snapshot = await backend
          .knex('dpa_contract_snapshots')
          .where('source', 'like', '%sales-orders%')
          .first();
        await backend
          .knex('dpa_contract_snapshots')
          .where({ source: snapshot.source })
          .update({ etag: 'changed-by-test', fetched_at: new Date() });
        const after = await get('default/component/sales-orders');
        expect(after.body.computedAt).not.toBe(before.body.computedAt);
        expect(ids(after.body)).not.toContain(id);
        expect(after.body.related.length).toBeGreaterThan(0);

        // Accepted relationships are no longer served.
        const accepted = await request(backend.server)
          .get(`${base}/interop/accepted`)
          .set('Authorization', mockCredentials.service.header());
        expect(accepted.body).toEqual([]);
      });

      it.each([
        [
          { decision: 'accept' },
          "request/body must have required property 'suggestionId'",
        ],
        [
          { suggestionId: '', decision: 'accept' },
          'request/body/suggestionId must NOT have fewer than 1 characters',
        ],
        [
          { suggestionId: 'x', decision: 'maybe' },
          'request/body/decision must be equal to one of the allowed values: accept, reject',
        ],
        [
          { suggestionId: 'x', decision: 'accept', comment: 'x'.repeat(5000) },
          'request/body/comment must NOT have more than 2000 characters',
        ],
      ])('answers 400 for a bad body %#', async (body, message) => {
        const res = await decide(
          'default/component/sales-orders',
          body,
          SALES_OWNER,
        );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      });

      it('answers 404 for a suggestion that is not among the product’s', async () => {
        const res = await decide(
          'default/component/sales-orders',
          { suggestionId: '0123456789abcdef', decision: 'accept' },
          SALES_OWNER,
        );
        expect(res.status).toBe(404);
        expect(res.body.error.message).toBe(
          `No suggestion 0123456789abcdef among the current suggestions for ${SALES_ORDERS}`,
        );
        // A suggestion of another product is not this product's either.
        const other = (await get('default/component/payments')).body.related[0]
          .mappings[0].id;
        const wrong = await decide(
          'default/component/sales-orders',
          { suggestionId: other, decision: 'accept' },
          SALES_OWNER,
        );
        expect(wrong.status).toBe(404);
        // Nor one with a product the caller cannot read.
        const hidden = await decide(
          'default/component/sales-orders',
          { suggestionId: id, decision: 'accept' },
          NO_CUSTOMER_DATA,
        );
        expect(hidden.status).toBe(404);
      });
    });

    it('runs the scheduled full scan and stores its suggestions', async () => {
      await (backend.scheduler as any).triggerTask(
        'data-product-assistant-interop-scan',
      );
      const rows = await backend.knex('dpa_interop_suggestions');
      expect(rows.length).toBeGreaterThan(10);
      const row = rows.find(
        (r: any) =>
          [r.from_column, r.to_column].sort().join() ===
            'cust_id,customer_id' &&
          [r.from_entity_ref, r.to_entity_ref].includes(SALES_ORDERS) &&
          [r.from_entity_ref, r.to_entity_ref].includes(CUSTOMER_PROFILES),
      );
      expect(row).toBeDefined();
      expect(row.kind).toBe('join-key');
      expect(row.suggestion_id).toBe(
        suggestionId(
          JSON.parse(row.suggestion).from,
          JSON.parse(row.suggestion).to,
        ),
      );
      expect(new Set(rows.map((r: any) => r.index_key)).size).toBe(1);
      // Invalid contracts are skipped, not fatal.
      expect(
        rows.some((r: any) =>
          /broken-product/.test(r.from_entity_ref + r.to_entity_ref),
        ),
      ).toBe(false);

      // A second scan replaces the first.
      await (backend.scheduler as any).triggerTask(
        'data-product-assistant-interop-scan',
      );
      expect(await backend.knex('dpa_interop_suggestions')).toHaveLength(
        rows.length,
      );
    });
  },
);
