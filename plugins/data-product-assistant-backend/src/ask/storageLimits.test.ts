import { describe, expect, it } from 'vitest';
import type { StoredAsk } from '../database/AskStore';
import { boundForStorage, STORAGE_LIMITS } from './storageLimits';

const huge = 'x'.repeat(50_000);
const claims = Array.from({ length: 100 }, () => ({
  text: huge,
  citations: ['owner'],
}));
const citations = Array.from({ length: 500 }, () => ({
  id: 'owner',
  text: huge,
}));
const output = { answer: huge, claims, abstained: false };

const ask: StoredAsk = {
  id: '1',
  entityRef: 'component:default/sales-orders',
  question: 'q',
  answer: huge,
  output,
  status: 'approved',
  reasons: Array.from({ length: 100 }, () => ({
    code: 'ungrounded',
    message: huge,
    severity: 'warning' as const,
  })),
  groundedness: 1,
  claims,
  citations,
  answerModel: { name: 'm', version: '1', provider: 'openai' },
  validatorModel: { name: 'v', version: '1', provider: 'builtin' },
  usage: { promptTokens: 1, completionTokens: 1, costUsd: 0 },
  latencyMs: 1,
  userRef: 'user:default/a',
  createdAt: new Date(0).toISOString(),
  sealed: {
    clearance: 'internal',
    answer: huge,
    output,
    citations,
    vault: {
      entries: Array.from({ length: 5000 }, (_, i) => ({
        placeholder: `⟦VALUE_${i}⟧`,
        value: `v${i}`,
        type: 'value',
        source: 'column-value' as const,
      })),
    },
  },
};

describe('boundForStorage', () => {
  it('cuts every text and list of an ask to its limit', () => {
    const bounded = boundForStorage(ask);
    // Tens of MB in, under 2 MB out (the sum of all limits).
    expect(JSON.stringify(ask).length).toBeGreaterThan(20e6);
    expect(JSON.stringify(bounded).length).toBeLessThan(2e6);
    expect(bounded.answer.length).toBe(STORAGE_LIMITS.textChars);
    expect(bounded.claims).toHaveLength(STORAGE_LIMITS.claims);
    expect(bounded.sealed!.vault.entries).toHaveLength(
      STORAGE_LIMITS.vaultEntries,
    );
  });

  it('leaves an ordinary ask as it is', () => {
    const small: StoredAsk = {
      ...ask,
      answer: 'Owned by sales.',
      output: { answer: 'Owned by sales.', claims: [], abstained: false },
      claims: [],
      citations: [{ id: 'owner', text: 'Owned by sales.' }],
      reasons: [],
      sealed: undefined,
    };
    expect(boundForStorage(small)).toEqual(small);
  });
});
