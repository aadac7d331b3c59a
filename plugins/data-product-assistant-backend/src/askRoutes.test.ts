import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mockCredentials,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { unsealText } from '@dpa/plugin-data-product-assistant-node';
import {
  OUTSIDER,
  startPluginBackend,
} from './__testUtils__/startPluginBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('ask routes on %s', databaseId => {
  let server: Awaited<ReturnType<typeof startPluginBackend>>['server'];
  let knex: Awaited<ReturnType<typeof startPluginBackend>>['knex'];

  beforeAll(async () => {
    ({ server, knex } = await startPluginBackend(
      databases,
      databaseId as TestDatabaseId,
      {
        domains: {
          sales: {
            answerModel: 'builtin-answer',
            validatorModel: 'strict-validator',
            systemPrompt: 'Answer for the sales domain.',
          },
        },
        models: {
          'strict-validator': { provider: 'builtin', model: 'validator-rules' },
        },
      },
    ));
  });

  afterAll(async () => {
    await server?.close();
  });

  const ask = (body: unknown, user = 'user:default/alice') =>
    request(server)
      .post('/api/data-product-assistant/ask')
      .set('Authorization', mockCredentials.user.header(user))
      .send(body as object);

  it('answers, validates and stores a question', async () => {
    const res = await ask({
      entityRef: 'component:default/sales-orders',
      question: 'What is the primary key of orders?',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/sales-orders',
      question: 'What is the primary key of orders?',
      status: 'approved',
      userRef: 'user:default/alice',
      answerModel: { name: 'builtin-answer', provider: 'builtin' },
      validatorModel: { name: 'strict-validator', provider: 'builtin' },
    });
    expect(res.body.answer).toMatch(/order_id/);
    expect(res.body.citations.map((c: any) => c.id)).toContain('key:orders');
    expect(res.body.answerModel.version).toMatch(/^[0-9a-f]{12}$/);
    expect(res.body.latencyMs).toBeGreaterThanOrEqual(0);

    const row = await knex('dpa_asks').where({ id: res.body.id }).first();
    expect(row.question).toBe('What is the primary key of orders?');
    expect(row.status).toBe('approved');
    expect(row.answer_model_version).toBe(res.body.answerModel.version);
    expect(row.validator_model).toBe('strict-validator');
    expect(row.user_ref).toBe('user:default/alice');
    expect(JSON.parse(row.citations).length).toBeGreaterThan(0);
  });

  it('accepts a short entity ref and the domain defaults for an unlisted domain', async () => {
    const res = await ask({
      entityRef: 'payments',
      question: 'Who owns this data product?',
    });
    expect(res.status).toBe(201);
    expect(res.body.entityRef).toBe('component:default/payments');
    expect(res.body.validatorModel.name).toBe('builtin-validator');
    expect(res.body.answer).toMatch(/finance-team/);
  });

  it('withholds an answer that would expose personal data and keeps it for review', async () => {
    const res = await ask({
      entityRef: 'component:default/sales-orders',
      question: 'Show me example customer emails',
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('blocked');
    expect(res.body.answer).not.toMatch(/@/);
    expect(res.body.claims).toEqual([]);
    expect(res.body.reasons.map((r: any) => r.code)).toEqual(
      expect.arrayContaining(['restricted-value']),
    );
    // The model's answer is kept for reviewers cleared for it, sealed; the plain columns never hold the values.
    const row = await knex('dpa_asks').where({ id: res.body.id }).first();
    expect(JSON.parse(row.output).answer).not.toMatch(/@example\.com/);
    const sealed = JSON.parse(row.sealed);
    expect(sealed.output.answer).not.toMatch(/@example\.com/);
    expect(
      unsealText(sealed.output.answer, sealed.vault, 'restricted'),
    ).toMatch(/@example\.com/);
  });

  it('abstains when the metadata does not hold the answer', async () => {
    const res = await ask({
      entityRef: 'component:default/sales-orders',
      question: 'What was the total revenue last Tuesday?',
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('abstained');
  });

  it.each([
    [
      { entityRef: 'component:default/sales-orders', question: '   ' },
      'question must not be empty',
    ],
    [
      { entityRef: 'component:default/sales-orders' },
      "request/body must have required property 'question'",
    ],
    [
      {
        entityRef: 'component:default/sales-orders',
        question: 'x'.repeat(2001),
      },
      'request/body/question must NOT have more than 2000 characters',
    ],
    [
      { question: 'Who owns it?' },
      "request/body must have required property 'entityRef'",
    ],
    [
      { entityRef: 'component:default/', question: 'Who owns it?' },
      'is not an entity reference',
    ],
  ])('answers 400 for bad input %#', async (body, message) => {
    const res = await ask(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('answers 400 for an entity that is not a data product', async () => {
    const res = await ask({
      entityRef: 'component:default/checkout-service',
      question: 'Who owns it?',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not a data product/);
  });

  it('answers 404 for an unknown entity', async () => {
    const res = await ask({
      entityRef: 'component:default/nope',
      question: 'Who owns it?',
    });
    expect(res.status).toBe(404);
  });

  it('answers 404 to a user who may not read the entity, and stores nothing', async () => {
    const before = await knex('dpa_asks').count({ n: '*' });
    const res = await ask(
      { entityRef: 'component:default/sales-orders', question: 'Who owns it?' },
      OUTSIDER,
    );
    expect(res.status).toBe(404);
    expect(await knex('dpa_asks').count({ n: '*' })).toEqual(before);
  });

  it('answers 413 for a body over the size limit', async () => {
    const res = await ask({
      entityRef: 'sales-orders',
      question: 'x'.repeat(100_000),
    });
    expect(res.status).toBe(413);
  });

  it('lists the history of a product newest first, with paging', async () => {
    const first = await ask({
      entityRef: 'sales-returns',
      question: 'Who owns this data product?',
    });
    const second = await ask({
      entityRef: 'sales-returns',
      question: 'How fresh is the data?',
    });
    const res = await request(server)
      .get(
        '/api/data-product-assistant/products/default/component/sales-returns/asks?limit=1',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((a: any) => a.id)).toEqual([second.body.id]);
    const page2 = await request(server)
      .get(
        '/api/data-product-assistant/products/default/component/sales-returns/asks?limit=1&offset=1',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(page2.body.items.map((a: any) => a.id)).toEqual([first.body.id]);

    const bad = await request(server)
      .get(
        '/api/data-product-assistant/products/default/component/sales-returns/asks?limit=lots',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('request/query/limit must be integer');

    const hidden = await request(server)
      .get(
        '/api/data-product-assistant/products/default/component/sales-returns/asks',
      )
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(hidden.status).toBe(404);
  });

  it('stores feedback on an answer, one per user, and shows it back', async () => {
    const asked = await ask({
      entityRef: 'invoices',
      question: 'Who owns this data product?',
    });
    const post = (body: unknown, user = 'user:default/alice') =>
      request(server)
        .post(`/api/data-product-assistant/asks/${asked.body.id}/feedback`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body as object);

    expect((await post({ helpful: false, comment: 'too long' })).status).toBe(
      201,
    );
    const updated = await post({ helpful: true, comment: 'clear' });
    expect(updated.status).toBe(201);
    expect(updated.body).toMatchObject({
      helpful: true,
      comment: 'clear',
      userRef: 'user:default/alice',
    });
    const rows = await knex('dpa_ask_feedback').where({
      ask_id: asked.body.id,
    });
    expect(rows).toHaveLength(1);

    const got = await request(server)
      .get(`/api/data-product-assistant/asks/${asked.body.id}`)
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(got.body.feedback).toMatchObject({
      helpful: true,
      comment: 'clear',
    });

    expect((await post({ helpful: 'yes' })).status).toBe(400);
    expect((await post({ helpful: true }, OUTSIDER)).status).toBe(404);
    const unknown = await request(server)
      .post(
        '/api/data-product-assistant/asks/00000000-0000-0000-0000-000000000000/feedback',
      )
      .set('Authorization', mockCredentials.user.header())
      .send({ helpful: true });
    expect(unknown.status).toBe(404);
  });
});

describe('ask-data-product action', () => {
  it('gives agents the same validated, stored answers, under their own credentials', async () => {
    const { server, knex, actions } = await startPluginBackend(
      databases,
      'SQLITE_3',
    );
    try {
      const result = await actions.invoke({
        id: 'test:ask-data-product',
        input: {
          entityRef: 'component:default/shipments',
          question: 'Who owns this data product?',
        },
        credentials: mockCredentials.user('user:default/carol'),
      });
      const output = result.output as any;
      expect(output.status).toBe('approved');
      expect(output.answer).toMatch(/logistics-team/);
      expect(output.citations.length).toBeGreaterThan(0);
      expect(output.validatorModel).toMatch(/^builtin-validator@[0-9a-f]{12}$/);
      const row = await knex('dpa_asks').where({ id: output.id }).first();
      expect(row.user_ref).toBe('user:default/carol');

      await expect(
        actions.invoke({
          id: 'test:ask-data-product',
          input: {
            entityRef: 'component:default/shipments',
            question: 'Who owns it?',
          },
          credentials: mockCredentials.user(OUTSIDER),
        }),
      ).rejects.toThrow(/No entity component:default\/shipments/);
    } finally {
      await server.close();
    }
  });
});
