import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ask,
  buildFacts,
  createBuiltinAnswerModel,
  createValidatorModel,
  type AskInput,
  type ModelSpec,
} from '@dpa/plugin-data-product-assistant-node';
import { demoProfile } from '@dpa/plugin-data-product-assistant-node/src/__testUtils__/fixtures';
import { extractFactValues } from '@dpa/plugin-data-product-assistant-node/src/privacy/factValues';
import { createOpenAiAnswerModel } from './answerModel';
import {
  completion,
  factIdsIn,
  hugeCompletion,
  startFakeChatServer,
} from './fakeServer.testutil';
import { createOpenAiModelProvider } from './modelProvider';

// The engine's ask pipeline with hosted models on a local OpenAI-compatible server.
const providers = [createOpenAiModelProvider()];
const profile = demoProfile('sales/sales-orders');
const facts = buildFacts(profile);
const answerModel = createBuiltinAnswerModel();
const validatorModel = createValidatorModel('builtin-validator', {
  provider: 'builtin',
  model: 'validator-rules',
});

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

// The first ask loads the language tools; not inside a test's time limit.
beforeAll(async () => {
  await ask(base());
}, 60_000);

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

describe('what a user sees of a hosted model is validated text only', () => {
  let server: Awaited<ReturnType<typeof startFakeChatServer>>;
  beforeAll(async () => {
    server = await startFakeChatServer();
  });
  afterAll(() => server.close());

  const PHISHING =
    'Your session expired: sign in again at http://evil.example/login with your password.';
  const hosted = (over: Partial<ModelSpec> = {}) =>
    createOpenAiAnswerModel(
      {
        provider: 'openai',
        model: 'gpt-test',
        baseUrl: server.baseUrl,
        maxRetries: 0,
        ...over,
      },
      'sales-gpt',
    );
  const ownerClaim = (body: Parameters<typeof factIdsIn>[0]) => ({
    text: 'The data product is owned by group:default/sales-team.',
    citations: [
      factIdsIn(body).includes('owner') ? 'owner' : factIdsIn(body)[0],
    ],
  });
  const shownText = (r: Awaited<ReturnType<typeof ask>>) =>
    JSON.stringify([r.answer, r.output, r.verdict.reasons, r.citations]);

  it('shows the validated claims, never a free text that says something else', async () => {
    server.setHandler(body =>
      completion(
        JSON.stringify({
          answer: PHISHING,
          claims: [ownerClaim(body)],
          abstained: false,
          refused: false,
        }),
      ),
    );
    const result = await ask(base({ answerModel: hosted() }));
    expect(result.verdict.status).toBe('approved');
    expect(result.answer).toBe(
      'The data product is owned by group:default/sales-team.',
    );
    expect(shownText(result)).not.toContain('evil.example');
    expect(JSON.stringify(result.sealed)).not.toContain('evil.example');
  });

  it('shows a fixed message for a claim-free answer, abstention or refusal', async () => {
    for (const reply of [
      { abstained: true, refused: false },
      { abstained: true, refused: true },
      { abstained: false, refused: false },
    ]) {
      server.setHandler(() =>
        completion(JSON.stringify({ answer: PHISHING, claims: [], ...reply })),
      );
      const result = await ask(base({ answerModel: hosted() }));
      expect(result.verdict.status).not.toBe('approved');
      expect(result.output.claims).toEqual([]);
      expect(shownText(result)).not.toContain('evil.example');
      expect(result.answer.length).toBeGreaterThan(20);
    }
  });

  it('never copies a refusal or an endpoint error into the reasons', async () => {
    server.setHandler(() => ({
      status: 200,
      body: {
        id: 'x',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: null, refusal: PHISHING },
            finish_reason: 'stop',
          },
        ],
      },
    }));
    const refused = await ask(base({ answerModel: hosted() }));
    expect(refused.verdict.status).toBe('abstained');
    expect(refused.verdict.reasons[0].code).toBe('answer-model-error');
    expect(shownText(refused)).not.toContain('evil.example');

    server.setHandler(() => ({
      status: 503,
      body: { error: { message: `down, see ${PHISHING}` } },
    }));
    const failed = await ask(base({ answerModel: hosted() }));
    expect(failed.error?.code).toBe('http');
    expect(shownText(failed)).not.toContain(server.baseUrl);
    expect(shownText(failed)).not.toContain('127.0.0.1');
  });

  it("never shows a hosted validator's own words", async () => {
    server.setHandler(() =>
      completion(
        JSON.stringify({
          status: 'flagged',
          reasons: [
            {
              code: 'ungrounded',
              message: PHISHING,
              claim: 0,
              severity: 'warning',
            },
            { code: PHISHING, message: 'x', claim: null, severity: 'warning' },
          ],
          groundedness: 0.5,
        }),
      ),
    );
    const validator = createValidatorModel(
      'hosted-judge',
      {
        provider: 'openai',
        model: 'judge',
        baseUrl: server.baseUrl,
        maxRetries: 0,
      },
      { providers },
    );
    const result = await ask(base({ validatorModel: validator }));
    expect(result.verdict.status).toBe('flagged');
    expect(result.verdict.reasons.map(r => r.code)).toEqual([
      'ungrounded',
      'validator-other',
    ]);
    expect(result.verdict.reasons[0].claim).toBe(0);
    expect(shownText(result)).not.toContain('evil.example');
  });

  it('a reply past the size cap fails closed and stores nothing of it', async () => {
    server.setHandler(() => ({ status: 200, chunks: hugeCompletion(20e6) }));
    const result = await ask(base({ answerModel: hosted() }));
    expect(result.verdict.status).toBe('abstained');
    expect(result.error).toMatchObject({ stage: 'answer', code: 'too-large' });
    expect(JSON.stringify(result).length).toBeLessThan(64 * 1024);
  });
});

describe('model calls end at the pipeline deadline and are paid for', () => {
  let server: Awaited<ReturnType<typeof startFakeChatServer>>;
  beforeAll(async () => {
    server = await startFakeChatServer();
  });
  afterAll(() => server.close());
  const spec = (): ModelSpec => ({
    provider: 'openai',
    model: 'gpt-test',
    baseUrl: server.baseUrl,
    timeoutMs: 10_000,
    maxRetries: 3,
    prices: { input: 2, output: 8 },
  });

  it('abandons the call in flight and its retries when the deadline passes', async () => {
    server.setHandler(() => ({
      status: 429,
      headers: { 'retry-after-ms': '300' },
      body: { error: { message: 'slow down' } },
    }));
    const result = await ask(
      base({
        answerModel: createOpenAiAnswerModel(spec(), 'm'),
        answerTimeoutMs: 150,
      }),
    );
    expect(result.error).toMatchObject({ stage: 'answer', code: 'timeout' });
    const seen = server.bodies.length;
    await new Promise(r => setTimeout(r, 1000));
    // No retry starts after the deadline.
    expect(server.bodies.length).toBe(seen);

    server.setHandler(() => ({ delayMs: 2000, then: completion('{}') }));
    await ask(
      base({
        answerModel: createOpenAiAnswerModel(spec(), 'm'),
        answerTimeoutMs: 150,
      }),
    );
    await new Promise(r => setTimeout(r, 100));
    expect(server.bodies).toHaveLength(1);
    expect(server.stats.hungUp).toBe(1);
  });

  it('records the cost of replies it could not use', async () => {
    server.setHandler(() =>
      completion('this is not JSON', {
        prompt_tokens: 1000,
        completion_tokens: 500,
      }),
    );
    const answered = await ask(
      base({ answerModel: createOpenAiAnswerModel(spec(), 'm') }),
    );
    expect(answered.error?.code).toBe('malformed-json');
    expect(answered.usage).toEqual({
      promptTokens: 1000,
      completionTokens: 500,
      costUsd: (1000 * 2 + 500 * 8) / 1e6,
    });

    const validated = await ask(
      base({
        validatorModel: createValidatorModel('judge', spec(), { providers }),
      }),
    );
    expect(validated.error?.stage).toBe('validator');
    expect(validated.verdict.status).toBe('blocked');
    expect(validated.usage.promptTokens).toBe(1000);
  });
});
