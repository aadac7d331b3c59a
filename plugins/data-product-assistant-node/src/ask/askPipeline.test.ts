import { describe, expect, it } from 'vitest';
import { buildFacts } from '../context/buildFacts';
import { demoProfile } from '../__testUtils__/fixtures';
import { createBuiltinAnswerModel } from '../models/builtin/answerModel';
import { createValidatorModel } from '../models/createModels';
import type { AnswerModel, ValidatorModel } from '../models/types';
import { openSealed } from '../privacy/sealing';
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

describe('stored answers reveal values per reader', () => {
  const payments = demoProfile('finance/payments');
  const IBANS = ['DE89370400440532013000', 'NL91ABNA0417164300'];

  it('seals values a cleared asker saw; each reader sees up to their clearance and the asker’s', async () => {
    const result = await ask(
      base({
        profile: payments,
        question: 'Show me example payer IBANs',
        clearance: 'restricted',
        domain: 'finance',
      }),
    );
    expect(result.verdict.status).toBe('approved');
    expect(result.answer).toContain(IBANS[0]);
    const sealed = JSON.stringify({
      answer: result.sealed.answer,
      output: result.sealed.output,
      citations: result.sealed.citations,
    });
    for (const iban of IBANS) expect(sealed).not.toContain(iban);
    expect(result.sealed.clearance).toBe('restricted');

    const internal = openSealed(result.sealed, 'internal');
    for (const iban of IBANS)
      expect(JSON.stringify(internal)).not.toContain(iban);
    expect(internal.answer).toContain('[redacted iban]');
    expect(openSealed(result.sealed, 'restricted').answer).toBe(result.answer);
  });

  it('never shows a reader more than the asker was shown', async () => {
    const result = await ask(
      base({
        profile: payments,
        question: 'What does payer_iban contain?',
        clearance: 'internal',
        domain: 'finance',
      }),
    );
    const opened = openSealed(result.sealed, 'restricted');
    for (const iban of IBANS)
      expect(JSON.stringify(opened)).not.toContain(iban);
  });
});
