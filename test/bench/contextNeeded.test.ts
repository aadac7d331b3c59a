import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../plugins/data-product-assistant-node/src/context/buildFacts';
import { factTokens } from '../../plugins/data-product-assistant-node/src/context/tokens';
import { demoProfile } from '../../plugins/data-product-assistant-node/src/__testUtils__/fixtures';
import { contextNeeded, packer } from './contextNeeded';

const profile = demoProfile('sales/sales-orders');
const facts = buildFacts(profile);
const BUDGET = 2000;

/** The least budget at which packing holds every cited fact, found one token at a time. */
function slowest(question: string, cited: string[]) {
  const { pack } = packer(question, facts);
  for (let budget = 0; budget <= BUDGET; budget++) {
    const packed = pack(budget);
    const ids = new Set(packed.facts.map(f => f.id));
    if (cited.every(id => ids.has(id))) return packed.tokens;
  }
  return undefined;
}

describe('contextNeeded (behind ask.tokens_ratio)', () => {
  const question = 'What quality checks apply to order_total in orders?';
  const { ranked, essential } = packer(question, facts);
  const essentialTokens = essential.reduce((s, f) => s + factTokens(f), 0);

  it('needs only the essential facts when the answer cites one of them', () => {
    const needed = contextNeeded(question, facts, [essential[0].id], {
      maxBudget: BUDGET,
    });
    expect(needed.tokens).toBe(essentialTokens);
  });

  it('grows with how deep the retrieval ranks a cited fact', () => {
    const outside = ranked.filter(
      r => !essential.some(e => e.id === r.fact.id),
    );
    const first = contextNeeded(question, facts, [outside[0].fact.id], {
      maxBudget: BUDGET,
    });
    const deep = contextNeeded(question, facts, [outside[12].fact.id], {
      maxBudget: BUDGET,
    });
    expect(first.tokens).toBe(essentialTokens + factTokens(outside[0].fact));
    expect(deep.tokens).toBeGreaterThan(first.tokens);
    // against the whole contract's facts, a deep citation costs a sizeable share
    const all = facts.reduce((s, f) => s + factTokens(f), 0);
    expect(deep.tokens / all).toBeGreaterThan(first.tokens / all);
  });

  it.each([
    ['Who owns this data product?'],
    ['Which columns of orders hold personal data?'],
    ['What is the primary key of order_status_events?'],
    ['What does the contract promise about latency?'],
  ])('finds the least budget a token-by-token search finds: %s', q => {
    const { ranked: r } = packer(q, facts);
    const cited = [r[0].fact.id, r[Math.min(6, r.length - 1)].fact.id];
    expect(contextNeeded(q, facts, cited, { maxBudget: BUDGET }).tokens).toBe(
      slowest(q, cited),
    );
  });

  it('refuses a citation that is not a fact, or that no budget packs', () => {
    expect(() =>
      contextNeeded(question, facts, ['col:nowhere.nothing'], {
        maxBudget: BUDGET,
      }),
    ).toThrow(/not a fact/);
    const deepest = ranked[ranked.length - 1].fact.id;
    expect(() =>
      contextNeeded(question, facts, [deepest], { maxBudget: essentialTokens }),
    ).toThrow(/no budget/);
  });
});
