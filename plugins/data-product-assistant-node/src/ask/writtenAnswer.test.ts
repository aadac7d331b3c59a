import { describe, expect, it } from 'vitest';
import { demoProfile } from '../__testUtils__/fixtures';
import { createValidatorModel } from '../models/createModels';
import { validateWrittenAnswer } from './writtenAnswer';

const profile = demoProfile('sales/sales-orders');
const validatorModel = createValidatorModel('builtin-validator', {
  provider: 'builtin',
  model: 'validator-rules',
});
const vet = (answer: string, question = 'What does customer_email hold?') =>
  validateWrittenAnswer({
    question,
    answer,
    profile,
    validatorModel,
    clearance: 'internal',
    domain: 'sales',
  });

describe('validateWrittenAnswer', () => {
  it('approves a text the contract supports, citing the facts each sentence rests on', async () => {
    const result = await vet(
      'Column orders.customer_email holds the e-mail address the customer typed in at checkout.',
    );
    expect(result.verdict.status).toBe('approved');
    expect(result.output.claims).toHaveLength(1);
    expect(result.citations.map(c => c.id)).toContain(
      'col:orders.customer_email',
    );
    expect(result.answerModel.name).toBe('written-answer');
    expect(result.usage.costUsd).toBe(0);
  });

  it('flags a sentence no fact supports', async () => {
    const result = await vet(
      'Orders are refreshed every five minutes from the till.',
      'How often are orders refreshed?',
    );
    expect(result.verdict.status).toBe('flagged');
    expect(result.verdict.reasons.map(r => r.code)).toContain('ungrounded');
  });

  it('blocks a text that reveals a restricted value, and withholds it', async () => {
    const result = await vet(
      'An example customer e-mail is jane.doe@example.com.',
    );
    expect(result.verdict.status).toBe('blocked');
    expect(result.answer).not.toContain('jane.doe@example.com');
  });
});
