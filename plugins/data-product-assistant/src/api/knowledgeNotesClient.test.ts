import { describe, expect, it, vi } from 'vitest';
import { DataProductAssistantClient } from './DataProductAssistantClient';

const baseUrl = 'http://localhost:7007/api/data-product-assistant';
const notesUrl = `${baseUrl}/products/default/component/orders/notes`;
const note = {
  id: 'n1',
  entityRef: 'component:default/orders',
  text: 'Totals exclude VAT.',
  author: 'user:default/sally',
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
};

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

describe('DataProductAssistantClient knowledge notes', () => {
  it('lists notes', async () => {
    const { client, fetch } = setup(json(200, { items: [note] }));
    expect(await client.listNotes('component:default/orders')).toEqual([note]);
    expect(fetch.mock.calls[0][0]).toBe(notesUrl);
  });

  it('adds a note without an empty column', async () => {
    const { client, fetch } = setup(json(201, note));
    await client.addNote('component:default/orders', {
      text: 'Totals exclude VAT.',
      column: '',
    });
    expect(fetch.mock.calls[0][0]).toBe(notesUrl);
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'POST' });
    expect(JSON.parse(fetch.mock.calls[0][1]!.body as string)).toEqual({
      text: 'Totals exclude VAT.',
    });
  });

  it('updates a note with its column', async () => {
    const { client, fetch } = setup(json(200, note));
    await client.updateNote('component:default/orders', 'n1', {
      text: 'x',
      column: 'orders.total',
    });
    expect(fetch.mock.calls[0][0]).toBe(`${notesUrl}/n1`);
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'PUT' });
    expect(JSON.parse(fetch.mock.calls[0][1]!.body as string)).toEqual({
      text: 'x',
      column: 'orders.total',
    });
  });

  it('deletes a note (204)', async () => {
    const { client, fetch } = setup(new Response(null, { status: 204 }));
    await expect(
      client.deleteNote('component:default/orders', 'n1'),
    ).resolves.toBeUndefined();
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'DELETE' });
  });

  it('rejects a 403 with the backend message', async () => {
    const { client } = setup(
      json(403, {
        error: { name: 'NotAllowedError', message: 'Only the owners may' },
      }),
    );
    const error = await client
      .addNote('component:default/orders', { text: 'x' })
      .catch(e => e);
    expect(error.statusCode).toBe(403);
    expect(error.cause.message).toBe('Only the owners may');
  });
});
