import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  SALES_OWNER,
  startPluginBackend,
} from './__testUtils__/startPluginBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const base = '/api/data-product-assistant';
// Bounded so it runs in seconds; DPA_FUZZ_RUNS searches deeper by hand.
const RUNS = Number(process.env.DPA_FUZZ_RUNS ?? 250);

type Method = 'get' | 'post' | 'put' | 'delete';

/** Every route of the plugin, with `:params` to fill. */
const ROUTES: Array<[Method, string]> = [
  ['get', '/health'],
  ['get', '/products/:namespace/:kind/:name/profile'],
  ['post', '/ask'],
  ['get', '/products/:namespace/:kind/:name/asks'],
  ['get', '/asks/:id'],
  ['post', '/asks/:id/feedback'],
  ['get', '/scorecards'],
  ['get', '/products/:namespace/:kind/:name/interop'],
  ['post', '/products/:namespace/:kind/:name/interop/decisions'],
  ['get', '/interop/accepted'],
  ['get', '/products/:namespace/:kind/:name/verified'],
  ['get', '/review'],
  ['get', '/review/interop'],
  ['get', '/review/summary'],
  ['post', '/review/asks/:id'],
  ['get', '/products/:namespace/:kind/:name/notes'],
  ['post', '/products/:namespace/:kind/:name/notes'],
  ['put', '/products/:namespace/:kind/:name/notes/:id'],
  ['delete', '/products/:namespace/:kind/:name/notes/:id'],
];

/** Path segments: real ones, and what an attacker would type (encoded slashes, NULs, broken escapes, huge). */
const segment = (real: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
    fc.constantFrom(
      'a%2Fb',
      '%2F',
      '%00',
      '..',
      '%2e%2e',
      'x%3Ay',
      '%E0%A4%A',
      '%',
      '%ZZ',
      '%20',
      'n'.repeat(300),
      '__proto__',
      'constructor',
    ),
  );

const anyJson = fc.jsonValue({ maxDepth: 3 });
const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', '   ', 'x'.repeat(2001), 'Who owns this data product?'),
);
/** Bodies with the routes' field names but anything in them, or other JSON values. */
const body = fc
  .oneof(
    fc.record(
      {
        entityRef: fc.oneof(
          fc.constantFrom(
            'sales-orders',
            'component:default/payments',
            'a/b:c',
            ':',
            '',
          ),
          fc.string({ maxLength: 60 }),
          anyJson,
        ),
        question: fc.oneof(text, anyJson),
        helpful: fc.oneof(fc.boolean(), anyJson),
        comment: fc.oneof(text, anyJson),
        suggestionId: fc.oneof(
          fc.string({
            unit: fc.constantFrom(...'0123456789abcdef'),
            maxLength: 20,
          }),
          anyJson,
        ),
        decision: fc.oneof(
          fc.constantFrom('accept', 'reject', 'maybe'),
          anyJson,
        ),
        action: fc.oneof(
          fc.constantFrom('approve', 'correct', 'reject', 'publish'),
          anyJson,
        ),
        answer: fc.oneof(text, anyJson),
        saveAsNote: fc.oneof(fc.boolean(), anyJson),
        text: fc.oneof(text, anyJson),
        column: fc.oneof(fc.string({ maxLength: 40 }), anyJson),
      },
      { requiredKeys: [] },
    ),
    anyJson,
  )
  .map(json => JSON.stringify(json) ?? 'null');
/** What is sent: JSON, or text that only claims to be. */
const payload = fc.oneof(
  { weight: 5, arbitrary: body },
  fc.constantFrom('{"question": ', 'not json', '[1,2', '\u0000', ''),
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'offset', 'top', 'product', 'verdict', 'state', 'x'),
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer().map(String),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  ),
  { maxKeys: 4 },
);
const auth = fc.constantFrom<'user' | 'owner' | 'service' | 'none' | 'bad'>(
  'user',
  'owner',
  'service',
  'none',
  'bad',
);

describe('every route under random input', () => {
  let backend: Awaited<ReturnType<typeof startPluginBackend>>;
  let askId: string;

  beforeAll(async () => {
    backend = await startPluginBackend(
      databases,
      'SQLITE_3',
      { budgets: { perUser: { asksPerMinute: 100_000 } } },
      { anonymousWithoutToken: true },
    );
    const asked = await request(backend.server)
      .post(`${base}/ask`)
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .send({ entityRef: 'sales-orders', question: 'Show me customer emails' });
    askId = asked.body.id;
  });

  afterAll(async () => {
    await backend?.server.close();
  });

  it(`answers ${RUNS} random requests without a 5xx and stays healthy`, async () => {
    const statuses = new Map<number, number>();
    const id = fc.oneof(
      fc.constant(() => askId),
      fc.uuid().map(u => () => u),
      segment(['1']).map(s => () => s),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        segment(['default', 'Default']),
        segment(['component', 'resource', 'system']),
        segment(['sales-orders', 'payments', 'broken-product', 'nope']),
        id,
        query,
        payload,
        auth,
        async ([method, template], namespace, kind, name, anId, q, b, who) => {
          const path = template
            .replace(':namespace', namespace)
            .replace(':kind', kind)
            .replace(':name', name)
            .replace(':id', anId());
          let req = request(backend.server)[method](`${base}${path}`).query(q);
          if (who === 'user')
            req = req.set(
              'Authorization',
              mockCredentials.user.header('user:default/alice'),
            );
          if (who === 'owner')
            req = req.set(
              'Authorization',
              mockCredentials.user.header(SALES_OWNER),
            );
          if (who === 'service')
            req = req.set('Authorization', mockCredentials.service.header());
          if (who === 'bad') req = req.set('Authorization', 'Bearer nonsense');
          if (method !== 'get') {
            req = req.set('Content-Type', 'application/json').send(b);
          }
          const res = await req;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(
            res.status,
            `${method.toUpperCase()} ${path} ${JSON.stringify(b)?.slice(
              0,
              200,
            )} → ${JSON.stringify(res.body).slice(0, 300)}`,
          ).toBeLessThan(500);
          if (res.status >= 400 && res.status !== 401) {
            expect(typeof res.body?.error?.message).toBe('string');
          }
        },
      ),
      { numRuns: RUNS },
    );
    // Many different outcomes, not one rejection for everything.
    expect([...statuses.keys()].length).toBeGreaterThanOrEqual(4);

    const health = await request(backend.server).get(`${base}/health`);
    expect(health.status).toBe(200);
    const ask = await request(backend.server)
      .post(`${base}/ask`)
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .send({
        entityRef: 'sales-orders',
        question: 'Who owns this data product?',
      });
    expect(ask.status).toBe(201);
    expect(ask.body.status).toBe('approved');
  });
});
