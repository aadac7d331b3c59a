import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFacts } from '../context/buildFacts';
import { demoProfile } from '../__testUtils__/fixtures';
import { createBuiltinAnswerModel } from '../models/builtin/answerModel';
import { createValidatorModel } from '../models/createModels';
import { createOpenAiAnswerModel } from '../models/openai/answerModel';
import {
  completion,
  factIdsIn,
  startFakeChatServer,
} from '../models/openai/fakeServer.testutil';
import type { AnswerModel, ValidatorModel } from '../models/types';
import { extractFactValues } from '../privacy/factValues';
import { ask, type AskInput } from './askPipeline';

const profile = demoProfile('sales/sales-orders');
const facts = buildFacts(profile);
const answerModel = createBuiltinAnswerModel();
const validatorModel = createValidatorModel('builtin-validator', {
  provider: 'builtin',
  model: 'validator-rules',
});
const ref = {
  name: 'broken',
  version: '000000000000',
  provider: 'openai' as const,
};

const base = (over: Partial<AskInput> = {}): AskInput => ({
  question: 'Who owns this data product?',
  profile,
  answerModel,
  validatorModel,
  clearance: 'internal',
  domain: 'sales',
  tokenBudget: 1500,
  ...over,
});

describe('ask pipeline with built-in models', () => {
  it('answers, validates and cites', async () => {
    const result = await ask(base());
    expect(result.verdict.status).toBe('approved');
    expect(result.answer).toContain('group:default/sales-team');
    expect(result.citations.map(c => c.id)).toContain('owner');
    expect(result.citations.find(c => c.id === 'owner')!.text).toBe(
      facts.find(f => f.id === 'owner')!.text,
    );
    expect(result.answerModel).toMatchObject({
      name: 'builtin-answer',
      provider: 'builtin',
    });
    expect(result.validatorModel).toMatchObject({
      name: 'builtin-validator',
      provider: 'builtin',
    });
    expect(result.usage).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      costUsd: 0,
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.masked).toBe(false);
    expect(result.facts.length).toBeGreaterThan(0);
  });

  it('marks abstentions as abstained', async () => {
    const result = await ask(
      base({ question: 'How many rows were loaded yesterday?' }),
    );
    expect(result.output.abstained).toBe(true);
    expect(result.verdict.status).toBe('abstained');
  });

  it('hides example values above the clearance in citations', async () => {
    const result = await ask(
      base({ question: 'What does customer_email mean?' }),
    );
    const cited = result.citations.find(
      c => c.id === 'col:orders.customer_email',
    )!;
    expect(cited.text).not.toContain('jane.doe@example.com');
    // Readers see what the fact is about, not only its id.
    expect(cited).toMatchObject({
      kind: 'column',
      table: 'orders',
      column: 'customer_email',
    });
  });
});

describe('ask pipeline fails closed', () => {
  const failing = (validate: ValidatorModel['validate']): ValidatorModel => ({
    ref,
    local: true,
    validate,
  });

  it('validator throws → blocked with validator-error (or flagged when configured)', async () => {
    const v = failing(async () => {
      throw new Error('validator down');
    });
    const blocked = await ask(base({ validatorModel: v }));
    expect(blocked.verdict.status).toBe('blocked');
    expect(blocked.verdict.reasons[0].code).toBe('validator-error');
    expect(blocked.answer).not.toContain('sales-team');
    expect(blocked.error).toMatchObject({ stage: 'validator' });
    const flagged = await ask(
      base({ validatorModel: v, onValidatorError: 'flagged' }),
    );
    expect(flagged.verdict.status).toBe('flagged');
    expect(flagged.verdict.reasons[0].code).toBe('validator-error');
  });

  it('validator times out → not approved', async () => {
    const v = failing(() => new Promise(() => {}));
    const result = await ask(
      base({ validatorModel: v, validatorTimeoutMs: 30 }),
    );
    expect(result.verdict.status).not.toBe('approved');
    expect(result.verdict.reasons[0]).toMatchObject({
      code: 'validator-error',
    });
    expect(result.error?.code).toBe('timeout');
  });

  it('validator returns garbage → not approved', async () => {
    for (const garbage of [
      { status: 'ok' },
      null,
      { status: 'approved', reasons: 'none', groundedness: 2 },
    ]) {
      const v = failing(async () => ({
        verdict: garbage as never,
        usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
      }));
      const result = await ask(base({ validatorModel: v }));
      expect(result.verdict.status).not.toBe('approved');
      expect(result.verdict.reasons[0].code).toBe('validator-error');
    }
  });

  it('answer model throws → abstained record with the error, no crash', async () => {
    const broken: AnswerModel = {
      ref,
      local: true,
      answer: async () => {
        throw new Error('model exploded');
      },
    };
    const result = await ask(base({ answerModel: broken }));
    expect(result.verdict.status).toBe('abstained');
    expect(result.verdict.reasons[0]).toMatchObject({
      code: 'answer-model-error',
    });
    expect(result.output.abstained).toBe(true);
    expect(result.error).toMatchObject({
      stage: 'answer',
      message: 'model exploded',
    });
  });
});

describe('ask pipeline with a hosted answer model', () => {
  let server: Awaited<ReturnType<typeof startFakeChatServer>>;
  beforeAll(async () => {
    server = await startFakeChatServer();
  });
  afterAll(() => server.close());

  const sensitive = facts
    .filter(
      f =>
        f.kind === 'column' &&
        (f.pii ||
          f.classification === 'confidential' ||
          f.classification === 'restricted'),
    )
    .flatMap(f => extractFactValues(f.text));

  it('never sends example values of PII or sensitive columns to the endpoint', async () => {
    expect(sensitive).toContain('jane.doe@example.com');
    server.setHandler(body => {
      const user = body.messages[1].content;
      const placeholder = /Examples: (⟦EMAIL_\d+⟧)/.exec(user)?.[1] ?? '';
      const ids = factIdsIn(body);
      const id = ids.includes('col:orders.customer_email')
        ? 'col:orders.customer_email'
        : ids[0];
      const text = `Column orders.customer_email holds the e-mail typed at checkout, for example ${placeholder}.`;
      return completion(
        JSON.stringify({
          answer: text,
          claims: [{ text, citations: [id] }],
          abstained: false,
          refused: false,
        }),
      );
    });
    const model = createOpenAiAnswerModel(
      {
        provider: 'openai',
        model: 'gpt-test',
        baseUrl: server.baseUrl,
        maxRetries: 0,
      },
      'sales-gpt',
    );
    const questions = [
      'Which columns hold emails? Mine is jane.doe@example.com',
      'What does customer_email contain?',
      'What does order_total include?',
    ];
    const results = [];
    for (const question of questions)
      results.push(
        await ask(
          base({ question, answerModel: model, clearance: 'internal' }),
        ),
      );
    expect(server.raw).toHaveLength(questions.length);
    for (const body of server.raw) {
      for (const value of sensitive)
        expect(body, `leaked ${value}`).not.toContain(value);
    }
    expect(results[0].masked).toBe(true);
    expect(results[0].usage.promptTokens).toBe(1000);
    // Placeholders are restored only up to the user's clearance.
    expect(results[1].output.answer).toContain('[redacted email]');
    expect(results[1].output.answer).not.toContain('⟦');
    const cleared = await ask(
      base({
        question: questions[1],
        answerModel: model,
        clearance: 'restricted',
      }),
    );
    expect(cleared.output.answer).toMatch(
      /for example (jane\.doe@example\.com|m\.rossi@example\.org)/,
    );
  });

  it('an endpoint failure becomes an abstained record', async () => {
    server.setHandler(() => ({
      status: 503,
      body: { error: { message: 'unavailable' } },
    }));
    const model = createOpenAiAnswerModel(
      {
        provider: 'openai',
        model: 'gpt-test',
        baseUrl: server.baseUrl,
        maxRetries: 0,
      },
      'sales-gpt',
    );
    const result = await ask(base({ answerModel: model }));
    expect(result.verdict.status).toBe('abstained');
    expect(result.error).toMatchObject({ stage: 'answer', code: 'http' });
  });
});
