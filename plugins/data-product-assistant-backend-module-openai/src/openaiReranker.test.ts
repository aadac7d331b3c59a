import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoProducts } from '@dpa/test/fixtures/demoCatalog';
import { completion, startFakeChatServer } from './fakeServer.testutil';
import {
  buildInteropIndex,
  type ModelSpec,
} from '@dpa/plugin-data-product-assistant-node';
import { createOpenAiInteropReranker } from './openaiReranker';

const products = loadDemoProducts();
const contracts = new Map(products.map(p => [p.id, p.contract]));
const resolve = (id: string) => contracts.get(id);
const pairs = buildInteropIndex(products).suggestFor('sales-orders', {
  top: 4,
}).suggestions;

describe('openai interop re-ranker against a local Chat Completions server', () => {
  let server: Awaited<ReturnType<typeof startFakeChatServer>>;
  let spec: ModelSpec;

  beforeAll(async () => {
    server = await startFakeChatServer();
    spec = {
      provider: 'openai',
      model: 'gpt-test',
      baseUrl: server.baseUrl,
      timeoutMs: 2000,
      maxRetries: 0,
      options: { topN: 3 },
    };
  });
  afterAll(() => server.close());

  it('re-orders the top candidates by the model judgement (structured output)', async () => {
    server.setHandler(() =>
      completion(
        JSON.stringify({
          judgements: [
            {
              candidate: 0,
              kind: 'none',
              confidence: 0.1,
              reason: 'different concept',
            },
            {
              candidate: 1,
              kind: 'join-key',
              confidence: 0.9,
              reason: 'same order numbers',
            },
            {
              candidate: 2,
              kind: 'same-concept',
              confidence: 0.6,
              reason: 'related',
            },
          ],
        }),
      ),
    );
    const reranker = createOpenAiInteropReranker(spec, 'interop-gpt');
    const result = await reranker.rerank(pairs, resolve);
    expect(result.fallback).toBeUndefined();
    expect(result.pairs.map(p => p.confidence)).toEqual([
      0.9,
      0.6,
      0.1,
      pairs[3].confidence,
    ]);
    expect(result.pairs[0].from).toEqual(pairs[1].from);
    expect(result.pairs[0].to).toEqual(pairs[1].to);
    expect(result.pairs[2].kind).toBe('none');
    expect(result.pairs[0].evidence.at(-1)).toBe(
      're-ranker (interop-gpt): same order numbers',
    );
    expect(result.usage.promptTokens).toBe(1000);

    const body = server.bodies[0];
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'interop_judgements', strict: true },
    });
    const user = body.messages.find(m => m.role === 'user')!.content;
    expect(user).toContain('[2] A = ');
    expect(user).not.toContain('[3] A = ');
    // example values never leave the process
    expect(user).not.toMatch(/SO-2024|c9a6f0e2|@example/);
  });

  it.each([
    ['malformed JSON', 'not json at all'],
    [
      'a schema mismatch',
      JSON.stringify({
        judgements: [
          { candidate: 0, kind: 'maybe', confidence: 2, reason: '' },
        ],
      }),
    ],
    [
      'an unknown candidate',
      JSON.stringify({
        judgements: [0, 1, 7].map(i => ({
          candidate: i,
          kind: 'none',
          confidence: 0.2,
          reason: 'x',
        })),
      }),
    ],
    [
      'missing candidates',
      JSON.stringify({
        judgements: [
          { candidate: 0, kind: 'none', confidence: 0.2, reason: 'x' },
        ],
      }),
    ],
  ])('falls back to the built-in order on %s', async (_, content) => {
    server.setHandler(() => completion(content));
    const result = await createOpenAiInteropReranker(
      spec,
      'interop-gpt',
    ).rerank(pairs, resolve);
    expect(result.fallback).toBeTruthy();
    expect(result.pairs).toEqual(pairs);
  });

  it('falls back when the endpoint fails', async () => {
    server.setHandler(() => ({
      status: 500,
      body: { error: { message: 'boom' } },
    }));
    const result = await createOpenAiInteropReranker(
      spec,
      'interop-gpt',
    ).rerank(pairs, resolve);
    expect(result.fallback).toMatch(/HTTP 500/);
    expect(result.pairs).toEqual(pairs);
  });
});
