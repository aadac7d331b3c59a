import { describe, expect, it } from 'vitest';
import { demoProfile } from '../../plugins/data-product-assistant-node/src/__testUtils__/fixtures';
import { questionsFor } from './questions';

describe('questionsFor', () => {
  const profile = demoProfile('sales/sales-orders');

  it('asks about what the contract has, with its own names', () => {
    const questions = questionsFor(profile, { perKind: 2, seed: 1 });
    const kinds = new Set(questions.map(q => q.kind));
    for (const kind of ['column', 'key', 'sla', 'owner', 'codes', 'quality'])
      expect(kinds).toContain(kind);
    const tables = profile.contracts[0].tables.map(t => t.name);
    for (const q of questions.filter(x => x.kind === 'key'))
      expect(tables.some(t => q.question.includes(t))).toBe(true);
  });

  it('asks nothing of a kind the contract lacks', () => {
    const bare = {
      ...profile,
      owner: undefined,
      dependsOn: [],
      contracts: profile.contracts.map(c => ({
        ...c,
        slas: [],
        roles: [],
        support: [],
      })),
    };
    const kinds = new Set(questionsFor(bare).map(q => q.kind));
    for (const kind of ['sla', 'owner', 'support', 'access', 'lineage'])
      expect(kinds).not.toContain(kind);
  });

  it('is deterministic for a seed', () => {
    expect(questionsFor(profile, { seed: 4 })).toEqual(
      questionsFor(profile, { seed: 4 }),
    );
    expect(questionsFor(profile, { seed: 4 })).not.toEqual(
      questionsFor(profile, { seed: 5 }),
    );
  });
});
