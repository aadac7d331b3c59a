import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { labelRoles, type ResultLike } from './metrics';
import { datasetsDir } from './paths';
import { loadProduct } from './products';
import { loadSuite, suiteTests } from './runEval';
import { splitOf } from './splits';
import {
  adventureWorksCases,
  adventureWorksPart,
  contractCases,
  UNSEEN_DIR,
} from './unseenCases';

const datasets = datasetsDir();

describe('unseen answer cases', () => {
  it('cites only facts the public datacontract-cli contracts have, and are all test', () => {
    const cases = contractCases('test');
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(contractCases('tune')).toEqual([]);
    for (const c of cases) {
      const ids = new Set(
        loadProduct(String(c.vars.contract)).facts.map(f => f.id),
      );
      const expect_ = c.metadata.expect as { facts?: string[] };
      for (const id of expect_.facts ?? [])
        expect(ids.has(id), `${c.vars.question}: ${id}`).toBe(true);
    }
  });

  it('splits AdventureWorks questions by their tables, never across parts', () => {
    const file = parse(
      readFileSync(path.join(UNSEEN_DIR, 'adventureworks.yaml'), 'utf8'),
    ) as { questions: Array<{ q: string; tables?: string[] }> };
    for (const q of file.questions) {
      const part = adventureWorksPart(q);
      for (const t of q.tables ?? [])
        expect(splitOf('adventureworks', t), q.q).toBe(part);
    }
    expect(() =>
      adventureWorksPart({ q: 'x', tables: ['employee', 'department'] }),
    ).toThrow(/both parts/);
  });

  it('gates the suite on its own role (answer-unseen), not on the domain answer floors', () => {
    const row = (suite: Record<string, unknown>): ResultLike => ({
      provider: { label: 'x' },
      testCase: { metadata: suite },
    });
    expect(
      labelRoles([row({ suite: 'answers', gateRole: 'answer-unseen' })]),
    ).toEqual({ x: ['answer-unseen'] });
    expect(labelRoles([row({ suite: 'answers' })])).toEqual({ x: ['answer'] });
    // an unknown role falls back to the suite's
    expect(labelRoles([row({ suite: 'answers', gateRole: 'nope' })])).toEqual({
      x: ['answer'],
    });
  });
});

describe.skipIf(!datasets)('unseen answer cases on AdventureWorks', () => {
  it('the suite runs the test part only: test tables, and the public contracts', () => {
    const tests = suiteTests(loadSuite('answers-unseen'), {
      datasets: datasets!,
    }).map(t => ({ ...t, metadata: t.metadata as Record<string, unknown> }));
    const aw = tests.filter(t => t.metadata.source === 'adventureworks');
    expect(aw.length).toBeGreaterThan(40);
    expect(aw.every(t => t.metadata.split === 'test')).toBe(true);
    expect(aw.every(t => t.metadata.gateRole === 'answer-unseen')).toBe(true);
    const tune = adventureWorksCases(datasets!, 'tune').map(
      t => t.vars.question,
    );
    expect(aw.filter(t => tune.includes(t.vars.question))).toEqual([]);
    expect(
      tests.filter(t => t.metadata.source === 'datacontract-cli').length,
    ).toBe(contractCases('test').length);
  });

  it('cites only facts the AdventureWorks contract has', () => {
    const cases = [
      ...adventureWorksCases(datasets!, 'test'),
      ...adventureWorksCases(datasets!, 'tune'),
    ];
    const ids = new Set(
      loadProduct(String(cases[0].vars.contract)).facts.map(f => f.id),
    );
    for (const c of cases)
      for (const id of (c.metadata.expect as { facts?: string[] }).facts ?? [])
        expect(ids.has(id), `${c.vars.question}: ${id}`).toBe(true);
  });
});
