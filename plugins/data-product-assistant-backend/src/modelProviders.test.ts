import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  createBuiltinAnswerModel,
  dataProductAssistantModelsExtensionPoint,
  modelRef,
  type ModelProvider,
} from '@dpa/plugin-data-product-assistant-node';
import { startPluginBackend } from './__testUtils__/startPluginBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const base = '/api/data-product-assistant';

/**
 * A provider as a third-party module would add it: its answer model is the
 * built-in one under its own ref, and it records what it was asked.
 */
function acmeProvider(asked: string[]): ModelProvider {
  return {
    id: 'acme',
    createAnswerModel(name, spec) {
      const inner = createBuiltinAnswerModel();
      return {
        ref: modelRef(name, spec),
        local: true,
        async answer(req) {
          asked.push(`${req.domain}: ${req.question}`);
          return inner.answer(req);
        },
      };
    },
    createValidatorModel() {
      throw new Error('acme has no validator models');
    },
  };
}

const moduleAdding = (...providers: ModelProvider[]) =>
  createBackendModule({
    pluginId: 'data-product-assistant',
    moduleId: `test-models-${providers.map(p => p.id).join('-')}`,
    register(reg) {
      reg.registerInit({
        deps: { models: dataProductAssistantModelsExtensionPoint },
        async init({ models }) {
          models.addModelProvider(providers);
        },
      });
    },
  });

const acmeConfig = {
  models: { 'acme-answer': { provider: 'acme', model: 'acme-1' } },
  domains: {
    logistics: {
      answerModel: 'acme-answer',
      validatorModel: 'builtin-validator',
    },
  },
};

describe('model providers from backend modules', () => {
  const asked: string[] = [];
  let backend: Awaited<ReturnType<typeof startPluginBackend>>;

  beforeAll(async () => {
    backend = await startPluginBackend(databases, 'SQLITE_3', acmeConfig, {
      features: [moduleAdding(acmeProvider(asked))],
    });
  });

  afterAll(async () => {
    await backend?.server.close();
  });

  const ask = (entityRef: string, question: string) =>
    request(backend.server)
      .post(`${base}/ask`)
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .send({ entityRef, question });

  it('serves a domain whose spec names a registered provider with that provider', async () => {
    const res = await ask('shipments', 'Who owns this data product?');
    expect(res.status).toBe(201);
    expect(res.body.answerModel).toMatchObject({
      name: 'acme-answer',
      provider: 'acme',
    });
    expect(res.body.status).toBe('approved');
    expect(asked).toEqual(['logistics: Who owns this data product?']);
  });

  it('keeps the built-in models for the other domains', async () => {
    const res = await ask('sales-orders', 'Who owns this data product?');
    expect(res.status).toBe(201);
    expect(res.body.answerModel.provider).toBe('builtin');
    expect(asked).toHaveLength(1);
  });
});

describe('model providers nobody registered', () => {
  it('stop the backend at startup, naming the provider', async () => {
    await expect(
      startPluginBackend(databases, 'SQLITE_3', acmeConfig),
    ).rejects.toThrow(
      'models.acme-answer.provider: unknown model provider "acme" (registered: builtin, openai)',
    );
  });

  it('cannot take the id of a provider already registered', async () => {
    await expect(
      startPluginBackend(databases, 'SQLITE_3', acmeConfig, {
        features: [moduleAdding({ ...acmeProvider([]), id: 'openai' })],
      }),
    ).rejects.toThrow('model provider "openai" is already registered');
    await expect(
      startPluginBackend(databases, 'SQLITE_3', acmeConfig, {
        features: [moduleAdding({ ...acmeProvider([]), id: 'builtin' })],
      }),
    ).rejects.toThrow('model provider "builtin" is already registered');
  });
});
