import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  completion,
  factIdsIn,
  startFakeChatServer,
} from '@dpa/plugin-data-product-assistant-backend-module-openai/testUtils';
import { repoRoot, runDpa } from '../__testUtils__/runDpa';

const contract =
  'examples/catalog/products/sales/sales-orders/contract.odcs.yaml';

describe('dpa ask', () => {
  it('prints the validated answer in the documented shape', async () => {
    const { code, stdout, stderr } = await runDpa([
      'ask',
      '--contract',
      contract,
      '--question',
      'What is the primary key of orders?',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual([
      'answer',
      'verdict',
      'citations',
      'model',
      'validator',
      'usage',
      'latencyMs',
    ]);
    expect(out.answer).toMatch(/order_id/);
    expect(out.verdict).toMatchObject({
      status: 'approved',
      reasons: [],
      groundedness: 1,
    });
    expect(out.citations).toContainEqual({
      id: 'key:orders',
      kind: 'key',
      table: 'orders',
      text: 'The primary key of table orders is order_id.',
    });
    expect(out.model).toMatchObject({
      name: 'builtin-answer',
      provider: 'builtin',
    });
    expect(out.validator).toMatchObject({
      name: 'builtin-validator',
      provider: 'builtin',
    });
    expect(out.usage).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      costUsd: 0,
    });
  }, 60_000);

  it('blocks a question whose honest answer leaks personal data, unless cleared', async () => {
    const asked = (clearance: string) =>
      runDpa([
        'ask',
        '--contract',
        contract,
        '--question',
        'Show me example customer emails',
        '--clearance',
        clearance,
        '--json',
      ]);
    const internal = JSON.parse((await asked('internal')).stdout);
    expect(internal.verdict.status).toBe('blocked');
    expect(internal.answer).not.toMatch(/@example/);
    // Run locally nothing is stored or queued: it must not claim otherwise.
    expect(internal.answer).not.toMatch(/sent to/);
    expect(internal.answer).toMatch(/not stored and not queued/);
    const restricted = JSON.parse((await asked('restricted')).stdout);
    expect(restricted.verdict.status).toBe('approved');
    expect(restricted.answer).toMatch(/jane\.doe@example\.com/);
  }, 60_000);

  it('answers with a hosted model of --config through the openai module; refuses a provider nobody registered', async () => {
    const server = await startFakeChatServer();
    const key = 'The primary key of table orders is order_id.';
    server.setHandler(body =>
      completion(
        JSON.stringify({
          answer: key,
          claims: factIdsIn(body).includes('key:orders')
            ? [{ text: key, citations: ['key:orders'] }]
            : [],
          abstained: false,
          refused: false,
        }),
      ),
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'dpa-ask-hosted-'));
    const config = (provider: string) => {
      const file = path.join(dir, `${provider}.yaml`);
      writeFileSync(
        file,
        [
          'dataProductAssistant:',
          '  models:',
          `    hosted: { provider: ${provider}, model: gpt-test, baseUrl: "${server.baseUrl}", maxRetries: 0 }`,
          '  defaults: { answerModel: hosted, validatorModel: builtin-validator }',
        ].join('\n'),
      );
      return file;
    };
    const askWith = (file: string) =>
      runDpa([
        'ask',
        '--contract',
        contract,
        '--question',
        'What is the primary key of orders?',
        '--config',
        file,
        '--json',
      ]);
    try {
      const hosted = await askWith(config('openai'));
      expect(hosted.stderr).toBe('');
      expect(hosted.code).toBe(0);
      const out = JSON.parse(hosted.stdout);
      expect(out.model).toMatchObject({ name: 'hosted', provider: 'openai' });
      expect(out.verdict.status).toBe('approved');
      expect(out.answer).toBe(key);
      expect(server.bodies).toHaveLength(1);

      const unknown = await askWith(config('acme'));
      expect(unknown.code).toBe(2);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
      expect(unknown.stderr).toContain(
        'models.hosted.provider: unknown model provider "acme" (registered: builtin, openai)',
      );
    } finally {
      await server.close();
    }
  }, 120_000);

  it("says in --help that batch paths resolve against the batch file's folder", async () => {
    for (const command of ['ask', 'validate', 'pii']) {
      const { code, stdout } = await runDpa([command, '--help']);
      expect(code, command).toBe(0);
      expect(stdout.replace(/\s+/g, ' '), command).toMatch(
        /resolves against the batch file's folder/,
      );
    }
  }, 60_000);

  it('answers a batch in input order, one JSON line each, bad lines included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dpa-ask-'));
    const batch = path.join(dir, 'batch.jsonl');
    writeFileSync(
      batch,
      [
        JSON.stringify({
          contract: path.join(repoRoot, contract),
          question: 'Who owns this data product?',
        }),
        'not json',
        JSON.stringify({ contract: path.join(repoRoot, contract) }),
        JSON.stringify({ contract: 'missing.yaml', question: 'Who owns it?' }),
        JSON.stringify({
          contract: path.join(repoRoot, contract),
          question: 'What is the weather in Paris?',
        }),
      ].join('\n'),
    );
    const { code, stdout } = await runDpa(['ask', '--batch', batch]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].verdict.status).toBe('approved');
    expect(lines[1].error).toMatch(/^line 2: not valid JSON/);
    expect(lines[2].error).toBe('line 3: "question" is required');
    expect(lines[3].error).toMatch(
      /^line 4: contract missing\.yaml does not exist/,
    );
    expect(lines[4].verdict.status).toBe('abstained');
  }, 60_000);

  it.each([
    [
      ['ask', '--question', 'Who owns it?'],
      'dpa: --contract is required (or --batch)',
    ],
    [
      ['ask', '--contract', contract, '--question', '  '],
      'dpa: --question is required and must not be empty',
    ],
    [
      ['ask', '--contract', 'nope.yaml', '--question', 'Who?'],
      'dpa: contract nope.yaml does not exist or cannot be read',
    ],
    [
      [
        'ask',
        '--contract',
        contract,
        '--question',
        'Who?',
        '--clearance',
        'top-secret',
      ],
      'dpa: --clearance must be one of public, internal, confidential, restricted',
    ],
    [
      ['ask', '--contract', 'package.json', '--question', 'Who?'],
      'dpa: contract package.json is invalid',
    ],
    [['ask', '--frobnicate'], "dpa: unknown option '--frobnicate'"],
  ])(
    'exits 2 with one line on stderr for bad input %#',
    async (args, message) => {
      const { code, stdout, stderr } = await runDpa(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(message);
    },
    60_000,
  );
});
