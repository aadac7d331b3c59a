import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countTokens,
  createAnswerModel,
  DOMAIN_ARTIFACT_VERSION,
  type DomainModelArtifact,
  type Fact,
  type ModelSpec,
} from '@dpa/plugin-data-product-assistant-node';
import { completion, startFakeChatServer } from './fakeServer.testutil';
import { createOpenAiModelProvider } from './modelProvider';

const facts: Fact[] = [
  {
    id: 'product',
    kind: 'product',
    text: 'Data product "Loans" (component:default/loans): loans of books.',
  },
  { id: 'col:loans.fee', kind: 'column', text: 'Column loans.fee: late fee.' },
];

const example = (i: number, product = 'component:default/loans') => ({
  question: `What does rental state ${i} mean?`,
  answer: `Loan state ${i} is one of the documented loan states of the desk.`,
  product,
});

const ARTIFACT: DomainModelArtifact = {
  kind: 'dpa-domain-model',
  artifactVersion: DOMAIN_ARTIFACT_VERSION,
  domain: 'lending',
  trainingHash: 'a'.repeat(64),
  material: {
    products: ['component:default/loans'],
    facts: 2,
    verifiedAnswers: 12,
    notes: 0,
    glossaryLinks: 1,
  },
  expansions: { rental: { to: 'loan', confidence: 1, support: 2 } },
  scope: ['loan', 'rental'],
  glossary: [{ term: 'late fee', columns: ['loans.fee'] }],
  examples: [
    example(9, 'component:default/other'),
    ...Array.from({ length: 11 }, (_, i) => example(i)),
  ],
  validator: { minCoverage: 0.9, calibratedOn: 12, approved: 12 },
};

/** The domain material in a system prompt: from its header on. */
const domainPart = (system: string) =>
  system.slice(system.indexOf('Domain knowledge of the lending domain'));

describe('hosted answer models get the domain material', () => {
  let server: Awaited<ReturnType<typeof startFakeChatServer>>;
  const env = { TEST_LLM_KEY: 'sk-test' };
  const spec = (options: Record<string, unknown>): ModelSpec => ({
    provider: 'openai',
    model: 'gpt-test',
    baseUrl: server.baseUrl,
    apiKeyEnv: 'TEST_LLM_KEY',
    maxRetries: 0,
    systemPrompt: 'You answer questions about the lending domain.',
    options: {
      domainModel: {
        file: 'models/lending.json',
        hash: 'b'.repeat(64),
        domain: 'lending',
      },
      ...options,
    },
  });
  const reply = completion(
    JSON.stringify({
      answer: 'The late fee.',
      claims: [{ text: 'The late fee.', citations: ['col:loans.fee'] }],
      abstained: false,
      refused: false,
    }),
  );

  beforeAll(async () => {
    server = await startFakeChatServer();
    server.setHandler(() => reply);
  });
  afterAll(() => server.close());

  async function systemFor(options: Record<string, unknown>) {
    server.setHandler(() => reply);
    const model = createAnswerModel('lending-hosted', spec(options), {
      providers: [createOpenAiModelProvider({ env })],
      artifact: ARTIFACT,
    });
    await model.answer({ question: 'What does rental state 3 mean?', facts });
    expect(server.bodies).toHaveLength(1);
    return server.bodies[0].messages.find(m => m.role === 'system')!.content;
  }

  it('sends the system prompt, glossary terms and a few verified examples, the asked product first', async () => {
    const system = await systemFor({});
    expect(system).toContain('You answer questions about the lending domain.');
    expect(system).toContain('<glossary>late fee</glossary>');
    expect(system).toContain('Q: What does rental state 3 mean?');
    const shown = system.match(/^Q: /gm) ?? [];
    expect(shown).toHaveLength(5);
    // another product's example is ranked after this product's
    expect(system).not.toContain('rental state 9');
  });

  it('keeps the material within its token budget', async () => {
    const small = domainPart(await systemFor({ domainContextTokens: 80 }));
    expect(countTokens(small)).toBeLessThanOrEqual(80);
    expect((small.match(/^Q: /gm) ?? []).length).toBeLessThan(5);
    expect(small).toContain('late fee');
    const none = await systemFor({ domainContextTokens: 5 });
    expect(none).not.toContain('Domain knowledge');
    expect(none).not.toContain('late fee');
  });

  it('still needs its artifact', () => {
    expect(() =>
      createAnswerModel('lending-hosted', spec({}), {
        providers: [createOpenAiModelProvider({ env })],
      }),
    ).toThrow(/was not loaded/);
  });
});
