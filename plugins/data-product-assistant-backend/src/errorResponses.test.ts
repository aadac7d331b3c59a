import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startPluginBackend } from './__testUtils__/startPluginBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const base = '/api/data-product-assistant';

/** What must never reach a user: stack frames, error class internals, endpoint URLs, parser messages. */
function expectNothingInternal(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/"stack"/);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);
  expect(text).not.toMatch(/127\.0\.0\.1|localhost:\d+/);
  expect(text).not.toMatch(/Unexpected token|in JSON at position|SyntaxError/);
  expect(text).not.toMatch(/TypeError|ReferenceError|Cannot read propert/);
  expect(text).not.toMatch(/\/work\/|file:\/\//);
}

describe('error responses in production mode', () => {
  let backend: Awaited<ReturnType<typeof startPluginBackend>>;
  const env = process.env.NODE_ENV;

  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    backend = await startPluginBackend(
      databases,
      'SQLITE_3',
      {
        models: {
          // An endpoint nobody listens on.
          unreachable: {
            provider: 'openai',
            model: 'gpt-test',
            baseUrl: 'http://127.0.0.1:9/v1',
            maxRetries: 0,
            timeoutMs: 2000,
          },
        },
        domains: {
          logistics: {
            answerModel: 'unreachable',
            validatorModel: 'builtin-validator',
          },
          finance: {
            answerModel: 'builtin-answer',
            validatorModel: 'unreachable',
          },
        },
      },
      { anonymousWithoutToken: true },
    );
  });

  afterAll(async () => {
    await backend?.server.close();
    process.env.NODE_ENV = env;
  });

  const user = mockCredentials.user.header('user:default/alice');
  const call = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
    request(backend.server)
      [method](`${base}${path}`)
      .set('Authorization', user);

  it.each([
    ['get', '/products/default/a%2Fb/sales-orders/profile'],
    ['get', '/products/%2Fx/component/sales-orders/asks'],
    ['get', '/products/default/component/a%2Fb/interop'],
    ['post', '/products/default/component/sales%2Forders/interop/decisions'],
    ['get', '/products/default/component/a%2Fb/verified'],
    ['get', '/products/default/component/a%2Fb/notes'],
    ['post', '/products/a%3Ab/component/sales-orders/notes'],
    ['put', '/products/default/component/a%2Fb/notes/1'],
    ['delete', '/products/default/component/a%2Fb/notes/1'],
    ['get', '/products/default/component%3Ax/sales-orders/profile'],
    ['get', '/products/default/component/%20/profile'],
    ['get', `/products/default/component/${'n'.repeat(300)}/profile`],
  ] as const)(
    '%s %s with a bad entity ref answers 400 or 404 with a message',
    async (method, path) => {
      const res = await call(method, path).send({ text: 'x' });
      expect([400, 404]).toContain(res.status);
      expect(typeof res.body.error?.message).toBe('string');
      expectNothingInternal(res.body);
    },
  );

  it('answers a body that is not JSON with 400 and its own words', async () => {
    const res = await call('post', '/ask')
      .set('Content-Type', 'application/json')
      .send('{"entityRef": "sales-orders", question: }');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('The request body is not valid JSON');
    expectNothingInternal(res.body);
  });

  it('answers a body too large with 413', async () => {
    const res = await call('post', '/ask').send({
      entityRef: 'sales-orders',
      question: 'x'.repeat(100_000),
    });
    expect(res.status).toBe(413);
    expectNothingInternal(res.body);
  });

  it('answers a missing token with 401 and no stack', async () => {
    const res = await request(backend.server).get(`${base}/scorecards`);
    expect(res.status).toBe(401);
    expectNothingInternal(res.body);
  });

  it('answers the health checks without a token', async () => {
    const health = await request(backend.server).get(`${base}/health`);
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const readiness = await request(backend.server).get(
      '/.backstage/health/v1/readiness',
    );
    expect(readiness.status).toBe(200);
  });

  it('names no endpoint in the reasons when a hosted model is unreachable', async () => {
    for (const entityRef of ['shipments', 'payments']) {
      const res = await call('post', '/ask').send({
        entityRef,
        question: 'Who owns this data product?',
      });
      expect(res.status).toBe(201);
      expect(res.body.status).not.toBe('approved');
      expectNothingInternal(res.body);
    }
  });

  it('names no file or reader internals when a contract cannot be read', async () => {
    const res = await call(
      'get',
      '/products/default/component/missing-contract-product/profile',
    );
    expect(res.status).toBe(422);
    expect(res.body.issues[0].message).toMatch(/could not be read/);
    // `source` is where the catalog says the contract lives; nothing else names it.
    expectNothingInternal({
      ...res.body,
      source: undefined,
      request: undefined,
    });
  });
});
