import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from './types';
import { canonicalJson, modelRef, specVersion } from './spec';
import type { ModelProvider } from './modelProvider';
import { BUILTIN_ANSWER_SPEC } from './builtin/answerModel';
import { parseDomainConfig, resolveDomainModels } from './domainConfig';
import {
  createAnswerModel,
  createDomainModels,
  createValidatorModel,
} from './createModels';

describe('specVersion', () => {
  const spec: ModelSpec = {
    provider: 'openai',
    model: 'gpt-4o-mini',
    baseUrl: 'https://api.example.com/v1',
    prices: { input: 0.15, output: 0.6 },
    options: { b: 1, a: [1, { y: 2, x: 1 }] },
  };

  it('is a short hex hash, stable under key order', () => {
    const reordered = {
      options: { a: [1, { x: 1, y: 2 }], b: 1 },
      prices: { output: 0.6, input: 0.15 },
      model: 'gpt-4o-mini',
      baseUrl: 'https://api.example.com/v1',
      provider: 'openai',
    } as ModelSpec;
    expect(specVersion(spec)).toMatch(/^[0-9a-f]{12}$/);
    expect(specVersion(reordered)).toBe(specVersion(spec));
    expect(specVersion({ ...spec, temperature: undefined })).toBe(
      specVersion(spec),
    );
    expect(specVersion({ ...spec, temperature: 0.2 })).not.toBe(
      specVersion(spec),
    );
  });

  it('is stable under any key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), obj => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
      { numRuns: 50 },
    );
  });
});

/** A provider as a backend module would register it: answers with the built-in model under its own ref. */
const acmeProvider: ModelProvider = {
  id: 'acme',
  createAnswerModel(name, spec) {
    const inner = createAnswerModel(name, BUILTIN_ANSWER_SPEC);
    return { ref: modelRef(name, spec), local: true, answer: inner.answer };
  },
  createValidatorModel(name, spec) {
    const inner = createValidatorModel(name, {
      provider: 'builtin',
      model: 'validator-rules',
    });
    return { ref: modelRef(name, spec), local: true, validate: inner.validate };
  },
};

describe('domain configuration', () => {
  const config = parseDomainConfig({
    models: {
      'sales-gpt': {
        provider: 'openai',
        model: 'gpt-4o-mini',
        apiKeyEnv: 'SALES_KEY',
        prices: { input: 0.15, output: 0.6 },
      },
      judge: { provider: 'openai', model: 'gpt-4o', apiKeyEnv: 'JUDGE_KEY' },
    },
    domains: {
      sales: {
        answerModel: 'sales-gpt',
        validatorModel: 'judge',
        scope: ['orders', 'revenue'],
        systemPrompt: 'Amounts are gross.',
      },
    },
    defaults: {
      answerModel: 'builtin-answer',
      validatorModel: 'builtin-validator',
      tokenBudget: 1500,
    },
  });

  it('resolves a listed domain to its models, scope and prompt', () => {
    const sales = resolveDomainModels(config, 'sales');
    expect(sales.configured).toBe(true);
    expect(sales.answer.name).toBe('sales-gpt');
    expect(sales.answer.spec).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o-mini',
      systemPrompt: 'Amounts are gross.',
    });
    expect(sales.validator).toMatchObject({
      name: 'judge',
      spec: { model: 'gpt-4o' },
    });
    expect(sales.scope).toEqual(['orders', 'revenue']);
    expect(sales.tokenBudget).toBe(1500);
  });

  it('falls back to the defaults for unlisted domains', () => {
    const other = resolveDomainModels(config, 'logistics');
    expect(other.configured).toBe(false);
    expect(other.answer).toEqual({
      name: 'builtin-answer',
      spec: { provider: 'builtin', model: 'answer-extractive' },
    });
    expect(other.validator.spec).toEqual({
      provider: 'builtin',
      model: 'validator-rules',
    });
    expect(other.scope).toBeUndefined();
    expect(
      resolveDomainModels(parseDomainConfig(undefined), undefined).answer.name,
    ).toBe('builtin-answer');
  });

  it('rejects unknown model names and bad specs', () => {
    expect(() =>
      parseDomainConfig({
        domains: {
          x: { answerModel: 'nope', validatorModel: 'builtin-validator' },
        },
      }),
    ).toThrow(/domains\.x\.answerModel: unknown model "nope"/);
    expect(() =>
      parseDomainConfig({ models: { m: { provider: 'Acme!', model: 'x' } } }),
    ).toThrow(/models\.m\.provider: must be a model provider id/);
  });

  it('refuses a model whose provider is not registered, naming it', () => {
    const input = { models: { m: { provider: 'acme', model: 'x' } } };
    expect(() => parseDomainConfig(input, { providers: [] })).toThrow(
      'invalid dataProductAssistant configuration: models.m.provider: unknown model provider "acme" (registered: builtin)',
    );
    expect(
      parseDomainConfig(input, { providers: [acmeProvider] }).models.m,
    ).toEqual({ provider: 'acme', model: 'x' });
  });

  it('refuses a trained domain model in configuration: it serves only once promoted', () => {
    expect(() =>
      parseDomainConfig({
        models: {
          trained: {
            provider: 'builtin',
            model: 'answer-extractive',
            options: {
              domainModel: {
                file: 'm.json',
                hash: 'a'.repeat(64),
                domain: 'sales',
              },
            },
          },
        },
      }),
    ).toThrow(
      /models\.trained\.options\.domainModel: a trained domain model is served once promoted/,
    );
  });

  it('builds models from specs', () => {
    const models = createDomainModels(config, 'logistics');
    expect(models.answerModel.ref).toMatchObject({
      name: 'builtin-answer',
      provider: 'builtin',
    });
    expect(models.validatorModel.ref).toMatchObject({
      name: 'builtin-validator',
      provider: 'builtin',
    });
    expect(models.validatorModel.local).toBe(true);
    expect(() => createDomainModels(config, 'sales')).toThrow(
      'unknown model provider "openai" (registered: builtin)',
    );
    expect(() =>
      createAnswerModel('x', { provider: 'builtin', model: 'nope' }),
    ).toThrow(/unknown builtin/);
    expect(
      createValidatorModel('v', {
        provider: 'builtin',
        model: 'validator-rules',
      }).ref.name,
    ).toBe('v');
  });
});

describe('registered model providers', () => {
  const config = parseDomainConfig(
    {
      models: {
        'acme-answer': { provider: 'acme', model: 'a1' },
        'acme-judge': { provider: 'acme', model: 'j1' },
      },
      domains: {
        sales: { answerModel: 'acme-answer', validatorModel: 'acme-judge' },
      },
    },
    { providers: [acmeProvider] },
  );

  it('serves a domain whose specs name a registered provider with its models', async () => {
    const models = createDomainModels(config, 'sales', {
      providers: [acmeProvider],
    });
    expect(models.answerModel.ref).toEqual({
      name: 'acme-answer',
      provider: 'acme',
      version: specVersion({ provider: 'acme', model: 'a1' }),
    });
    expect(models.validatorModel.ref.provider).toBe('acme');
    const { output } = await models.answerModel.answer({
      question: 'Who owns it?',
      facts: [{ id: 'owner', kind: 'owner', text: 'Owned by the sales team.' }],
    });
    expect(output.claims[0]?.citations).toEqual(['owner']);
    // other domains keep the built-in models
    expect(
      createDomainModels(config, 'logistics', { providers: [acmeProvider] })
        .answerModel.ref.provider,
    ).toBe('builtin');
  });

  it('refuses a spec whose provider is not registered', () => {
    expect(() => createDomainModels(config, 'sales')).toThrow(
      'unknown model provider "acme" (registered: builtin)',
    );
  });
});
