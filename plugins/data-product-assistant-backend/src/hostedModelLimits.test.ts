import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  completion,
  hugeCompletion,
  startFakeChatServer,
} from '@dpa/plugin-data-product-assistant-backend-module-openai/testUtils';
import { startPluginBackend } from './__testUtils__/startPluginBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const base = '/api/data-product-assistant';

/** A hosted model that misbehaves: far too much to say, or nothing usable but a bill. */
describe('a misbehaving hosted model', () => {
  let backend: Awaited<ReturnType<typeof startPluginBackend>>;
  let hosted: Awaited<ReturnType<typeof startFakeChatServer>>;

  beforeAll(async () => {
    hosted = await startFakeChatServer();
    backend = await startPluginBackend(databases, 'SQLITE_3', {
      models: {
        hosted: {
          provider: 'openai',
          model: 'gpt-test',
          baseUrl: hosted.baseUrl,
          maxRetries: 2,
          prices: { input: 2, output: 8 },
        },
      },
      domains: {
        logistics: {
          answerModel: 'hosted',
          validatorModel: 'builtin-validator',
        },
      },
    });
  });

  afterAll(async () => {
    await backend?.server.close();
    await hosted?.close();
  });

  const ask = () =>
    request(backend.server)
      .post(`${base}/ask`)
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .send({ entityRef: 'shipments', question: 'How fresh is the data?' });

  it('cuts a 20 MB reply off: health keeps answering, the ask fails closed, nothing huge is stored', async () => {
    hosted.setHandler(() => ({ status: 200, chunks: hugeCompletion(20e6) }));
    let asking = true;
    const health: number[] = [];
    const probe = (async () => {
      while (asking) {
        health.push(
          (await request(backend.server).get(`${base}/health`)).status,
        );
        await new Promise(r => setTimeout(r, 20));
      }
    })();
    const res = await ask();
    asking = false;
    await probe;

    expect(res.status).toBe(201);
    expect(res.body.status).toBe('abstained');
    expect(res.body.reasons.map((r: any) => r.code)).toEqual([
      'answer-model-error',
    ]);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every(status => status === 200)).toBe(true);
    // The client hung up long before the 20 MB were sent, and did not ask again.
    expect(hosted.stats.sentBytes).toBeLessThan(10e6);
    expect(hosted.bodies).toHaveLength(1);
    const row = await backend
      .knex('dpa_asks')
      .where({ id: res.body.id })
      .first();
    expect(JSON.stringify(row).length).toBeLessThan(16 * 1024);
  });

  it('records what an unusable reply cost, in the ask and in the budget ledger', async () => {
    hosted.setHandler(() =>
      completion('Sure! Here is my answer, not in JSON.', {
        prompt_tokens: 1000,
        completion_tokens: 500,
      }),
    );
    const res = await ask();
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('abstained');
    const cost = (1000 * 2 + 500 * 8) / 1e6;
    expect(res.body.usage).toEqual({
      promptTokens: 1000,
      completionTokens: 500,
      costUsd: cost,
    });
    const ledger = await backend
      .knex('dpa_budget_ledger')
      .where({ user_ref: 'user:default/alice', domain: 'logistics' })
      .orderBy('created_at', 'desc')
      .first();
    expect(Number(ledger.cost_usd)).toBeCloseTo(cost, 10);
    expect(Boolean(ledger.settled)).toBe(true);
  });
});
