import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mockCredentials,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  CUSTOMER_OWNER,
  OUTSIDER,
  SALES_OWNER,
  startPluginBackend,
} from './__testUtils__/startPluginBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const SALES_ORDERS = 'component:default/sales-orders';
const base = '/api/data-product-assistant';
const notesPath = `${base}/products/default/component/sales-orders/notes`;
const READER = 'user:default/alice';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe.each(databases.eachSupportedId())(
  'knowledge note routes on %s',
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

    const as = (user: string) => mockCredentials.user.header(user);
    const list = (user = READER, path = notesPath) =>
      request(backend.server).get(path).set('Authorization', as(user));
    const add = (body: unknown, user = SALES_OWNER, path = notesPath) =>
      request(backend.server)
        .post(path)
        .set('Authorization', as(user))
        .send(body as object);
    const edit = (id: string, body: unknown, user = SALES_OWNER) =>
      request(backend.server)
        .put(`${notesPath}/${id}`)
        .set('Authorization', as(user))
        .send(body as object);
    const remove = (id: string, user = SALES_OWNER) =>
      request(backend.server)
        .delete(`${notesPath}/${id}`)
        .set('Authorization', as(user));

    it('lets an owner add, edit and delete a note that readers see', async () => {
      const created = await add({
        text: '  Totals include VAT.  ',
        column: 'orders.order_total',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        entityRef: SALES_ORDERS,
        text: 'Totals include VAT.',
        column: 'orders.order_total',
        author: SALES_OWNER,
      });
      expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.body.createdAt).toBe(created.body.updatedAt);

      const seen = await list(READER);
      expect(seen.status).toBe(200);
      expect(seen.body.items).toEqual([created.body]);

      const edited = await edit(created.body.id, {
        text: 'Totals exclude VAT.',
        column: 'currency',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        id: created.body.id,
        text: 'Totals exclude VAT.',
        column: 'currency',
        createdAt: created.body.createdAt,
      });
      const cleared = await edit(created.body.id, {
        text: 'Totals exclude VAT.',
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body.column).toBeUndefined();
      expect((await list()).body.items[0]).toMatchObject({
        text: 'Totals exclude VAT.',
      });
      expect((await list()).body.items[0].column).toBeUndefined();

      expect((await remove(created.body.id)).status).toBe(204);
      expect((await list()).body.items).toEqual([]);
      expect((await remove(created.body.id)).status).toBe(404);

      const events = backend.auditor.createEvent.mock.calls
        .map(([e]: any[]) => e)
        .filter((e: any) => e.eventId === 'knowledge-note');
      expect(events.map((e: any) => e.meta.action)).toEqual(
        expect.arrayContaining(['create', 'update', 'delete']),
      );
    });

    it('forbids non-owners to write, with a clear message', async () => {
      const denied = await add({ text: 'Not mine to say.' }, CUSTOMER_OWNER);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe(
        `Only the owners of ${SALES_ORDERS} may add, edit or delete its knowledge notes`,
      );
      const note = (await add({ text: 'Owner knows.' })).body;
      expect((await edit(note.id, { text: 'Hijacked.' }, READER)).status).toBe(
        403,
      );
      expect((await remove(note.id, READER)).status).toBe(403);
      expect((await list()).body.items.map((n: any) => n.text)).toContain(
        'Owner knows.',
      );
      expect((await remove(note.id)).status).toBe(204);
    });

    it('hides notes of products the caller cannot read', async () => {
      expect((await list(OUTSIDER)).status).toBe(404);
      expect((await add({ text: 'x' }, OUTSIDER)).status).toBe(404);
      expect(
        (
          await list(
            READER,
            `${base}/products/default/component/no-such-product/notes`,
          )
        ).status,
      ).toBe(404);
    });

    it.each([
      ['no text', {}, /request\/body must have required property 'text'/],
      ['blank text', { text: '   ' }, /text must not be empty/],
      [
        '2001 characters',
        { text: 'x'.repeat(2001) },
        /request\/body\/text must NOT have more than 2000 characters/,
      ],
      [
        'an unknown table.column',
        { text: 'ok', column: 'orders.nope' },
        /column "orders.nope" is not a column of/,
      ],
      [
        'an unknown column',
        { text: 'ok', column: 'no_such_column' },
        /column "no_such_column" is not a column of/,
      ],
    ])('answers 400 for %s', async (_label, body, message) => {
      const res = await add(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('answers 400 when an edit is invalid and 404 for unknown notes', async () => {
      const note = (await add({ text: 'Kept.' })).body;
      expect((await edit(note.id, { text: '' })).status).toBe(400);
      expect(
        (await edit(note.id, { text: 'ok', column: 'bogus' })).status,
      ).toBe(400);
      expect((await edit(MISSING_ID, { text: 'ok' })).status).toBe(404);
      expect((await edit('not-a-uuid', { text: 'ok' })).status).toBe(404);
      expect((await remove(MISSING_ID)).status).toBe(404);
      // A note of one product is not reachable through another.
      const other = await request(backend.server)
        .delete(
          `${base}/products/default/component/customer-profiles/notes/${note.id}`,
        )
        .set('Authorization', as(CUSTOMER_OWNER));
      expect(other.status).toBe(404);
      expect((await remove(note.id)).status).toBe(204);
    });

    it('cites a note in an approved answer only the note holds', async () => {
      const question =
        'Which fiscal quarter are refunds issued after the quarter close booked in?';
      const askIt = () =>
        request(backend.server)
          .post(`${base}/ask`)
          .set('Authorization', as(READER))
          .send({ entityRef: SALES_ORDERS, question });
      const before = await askIt();
      expect(before.status).toBe(201);
      expect(before.body.answer).not.toMatch(/following fiscal quarter/);

      const note = (
        await add({
          text: 'Refunds issued after the quarter close are booked in the following fiscal quarter.',
        })
      ).body;
      const res = await askIt();
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('approved');
      expect(res.body.citations.map((c: any) => c.id)).toContain(
        `note:${note.id}`,
      );
      expect(res.body.answer).toMatch(/following fiscal quarter/);
      expect((await remove(note.id)).status).toBe(204);
    });
  },
);
