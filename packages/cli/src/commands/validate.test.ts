import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDpa } from '../__testUtils__/runDpa';

const contract =
  'examples/catalog/products/sales/sales-orders/contract.odcs.yaml';

describe('dpa validate', () => {
  const validate = (
    answer: string,
    question = 'What does status 5 mean in orders?',
  ) =>
    runDpa([
      'validate',
      '--context',
      contract,
      '--question',
      question,
      '--answer',
      answer,
      '--json',
    ]);

  it('approves a faithful answer and refuses its swapped twin', async () => {
    const faithful = await validate('In orders, status 5 means shipped.');
    expect(faithful.code).toBe(0);
    expect(JSON.parse(faithful.stdout).status).toBe('approved');

    const swapped = await validate('In orders, status 5 means cancelled.');
    expect(swapped.code).toBe(0);
    const verdict = JSON.parse(swapped.stdout);
    expect(verdict.status).not.toBe('approved');
    expect(verdict.reasons.map((r: any) => r.code)).toContain('ungrounded');
  }, 60_000);

  it('blocks an answer that leaks a restricted value', async () => {
    const { stdout } = await validate(
      'The customer_email of an order is jane.doe@example.com.',
      'What is in customer_email?',
    );
    const verdict = JSON.parse(stdout);
    expect(verdict.status).toBe('blocked');
    expect(verdict.reasons.map((r: any) => r.code)).toContain(
      'restricted-value',
    );
  }, 60_000);

  it('takes plain text as context and validates a batch line by line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dpa-validate-'));
    writeFileSync(
      path.join(dir, 'context.txt'),
      'The Eiffel Tower is in Paris. It was completed in 1889.',
    );
    writeFileSync(
      path.join(dir, 'batch.jsonl'),
      [
        {
          context: 'context.txt',
          question: 'When was it completed?',
          answer: 'It was completed in 1889.',
        },
        {
          context: 'context.txt',
          question: 'When was it completed?',
          answer: 'It was completed in 1925.',
        },
        { context: 'context.txt', question: 'When?' },
      ]
        .map(l => JSON.stringify(l))
        .join('\n'),
    );
    const { code, stdout } = await runDpa([
      'validate',
      '--batch',
      path.join(dir, 'batch.jsonl'),
    ]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(lines.map(l => l.status ?? 'error')).toEqual([
      'approved',
      'flagged',
      'error',
    ]);
    expect(lines[2].error).toBe('line 3: "answer" is required');
  }, 60_000);

  it('exits 2 with one line for a missing answer', async () => {
    const { code, stderr } = await runDpa([
      'validate',
      '--context',
      contract,
      '--question',
      'Why?',
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe('dpa: --answer is required and must not be empty\n');
  }, 60_000);
});
