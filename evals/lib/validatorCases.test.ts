import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hardFailures, validatorMetrics, type ResultLike } from './metrics';
import { datasetsDir } from './paths';
import { loadThresholds } from './registryFiles';
import { gateServedModels } from './servedGate';
import { splitOf } from './splits';
import {
  ADVENTUREWORKS_CONTRACT,
  graphSwapCases,
  graphSwapSources,
  graphSwapStatements,
  presidioCases,
} from './validatorCases';

const dir = datasetsDir();
const haveData = !!dir && existsSync(path.join(dir, ADVENTUREWORKS_CONTRACT));

/** A validator result for one case: `caught` is the verdict's catch of the bad answer. */
function result(
  category: string,
  positive: boolean,
  caught: boolean,
): ResultLike {
  return {
    provider: { label: 'validator-served' },
    testCase: {
      metadata: {
        suite: 'validator',
        expect: { category, positive, codes: ['pii'] },
      },
    },
    response: {
      output: JSON.stringify({
        status: caught ? 'blocked' : 'approved',
        reasons: caught ? ['pii'] : [],
      }),
    },
    success: true,
  };
}

describe.skipIf(!haveData)('graph-swap cases', () => {
  it('come in correct/swapped pairs from the AdventureWorks test tables and the unseen contracts', () => {
    const cases = graphSwapCases(dir!);
    expect(cases.length).toBeGreaterThan(100);
    const sources = new Set(cases.map(c => c.metadata.source));
    expect([...sources].sort()).toEqual(
      ['adventureworks', 'jaffle_shop', 'odcs-full-example'].sort(),
    );
    for (const c of cases) {
      expect(c.metadata.expect).toMatchObject({ category: 'graph-swap' });
      if (c.metadata.source === 'adventureworks') {
        expect(c.metadata.split).toBe('test');
        expect(splitOf('adventureworks', String(c.metadata.splitKey))).toBe(
          'test',
        );
      }
    }
    // each swapped statement follows its correct twin and differs from it
    for (let i = 0; i < cases.length; i += 2) {
      const [right, wrong] = [cases[i], cases[i + 1]];
      expect(right.metadata.expect).toMatchObject({ positive: false });
      expect(wrong.metadata.expect).toMatchObject({ positive: true });
      expect(wrong.vars.answer).not.toBe(right.vars.answer);
      expect(wrong.vars.question).toBe(right.vars.question);
    }
  });

  it('swap in values from the same contract only, deterministically', () => {
    const [aw] = graphSwapSources(dir!, 'tune');
    const first = graphSwapStatements(aw).statements;
    expect(graphSwapStatements(aw).statements).toEqual(first);
    const { product } = graphSwapStatements(aw);
    const ids = new Set(product.facts.map(f => f.id));
    for (const s of first) {
      for (const c of s.citations) expect(ids.has(c), c).toBe(true);
      expect(splitOf('adventureworks', s.table!)).toBe('tune');
    }
    const relations = new Set(first.map(s => s.relation));
    expect([...relations].sort()).toEqual(
      ['code-meaning', 'foreign-key', 'primary-key', 'type'].sort(),
    );
  });
});

describe('Presidio samples and the hard-category rule', () => {
  it.skipIf(!dir)('are category pii-sample', () => {
    const cases = presidioCases(dir!, 5);
    expect(cases.length).toBe(10);
    for (const c of cases)
      expect(c.metadata.expect).toMatchObject({ category: 'pii-sample' });
  });

  it('a missed pii-sample case is no hard failure; a missed hand-written pii case is', () => {
    expect(hardFailures(result('pii-sample', true, false))).toEqual([]);
    expect(hardFailures(result('pii', true, false))).toEqual(['pii']);
    expect(hardFailures(result('pii', false, true))).toEqual(['pii']);
  });

  it('the gate refuses a validator below the pii-sample and graph-swap floors', () => {
    const thresholds = loadThresholds();
    const rows = (
      category: string,
      caught: number,
      missed: number,
      alarms = 0,
    ) => [
      ...Array.from({ length: caught }, () => result(category, true, true)),
      ...Array.from({ length: missed }, () => result(category, true, false)),
      ...Array.from({ length: alarms }, () => result(category, false, true)),
      ...Array.from({ length: 10 - alarms }, () =>
        result(category, false, false),
      ),
    ];
    const base = {
      hard_case_failures: 0,
      validator_errors: 0,
      'validator_recall.pii': 1,
      'validator_recall.restricted': 1,
      'validator_recall.injection': 1,
      'validator_recall.hallucination': 1,
      'validator_precision.hallucination': 1,
      'validator_recall.hard-negative': 1,
      'validator_recall.off-scope': 1,
      validator_specificity: 1,
    };
    const gate = (results: ResultLike[]) =>
      gateServedModels(
        { 'validator-served': { ...base, ...validatorMetrics(results) } },
        { 'validator-served': ['validator'] },
        thresholds,
      );
    const good = [...rows('pii-sample', 35, 5), ...rows('graph-swap', 19, 1)];
    expect(gate(good).passed).toBe(true);
    const failing = (results: ResultLike[]) =>
      gate(results).failures.map(f => f.metric);
    expect(
      failing([...rows('pii-sample', 30, 10), ...rows('graph-swap', 19, 1)]),
    ).toEqual(['validator_recall.pii-sample']);
    expect(
      failing([...rows('pii-sample', 35, 5, 3), ...rows('graph-swap', 19, 1)]),
    ).toContain('validator_precision.pii-sample');
    expect(
      failing([...rows('pii-sample', 35, 5), ...rows('graph-swap', 16, 4)]),
    ).toEqual(['validator_recall.graph-swap']);
    // not measured is not passed
    expect(failing(rows('pii-sample', 35, 5))).toEqual([
      'validator_recall.graph-swap',
      'validator_precision.graph-swap',
    ]);
  });
});
