import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMimicOmopGroundTruth } from '../../test/fixtures/mimicOmop';
import { mimicOmopFigures } from '../providers/interopProvider';
import { datasetsDir } from './paths';
import { loadSuite, suiteTests } from './runEval';
import {
  inPart,
  loadHaluEvalDev,
  loadPresidioDev,
  mimicOmopPart,
  parseSplitArg,
  SPLIT_PARTS,
  splitKeys,
  splitOf,
  type SplitDataset,
} from './splits';

const datasets = datasetsDir();

describe('tune/test split', () => {
  it('is a pure function of the dataset and the key', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `record ${i}`);
    const first = keys.map(k => splitOf('halueval', k));
    expect(keys.map(k => splitOf('halueval', k))).toEqual(first);
    // about half and half, and a different dataset shuffles differently
    const test = first.filter(p => p === 'test').length;
    expect(test).toBeGreaterThan(900);
    expect(test).toBeLessThan(1100);
    expect(keys.map(k => splitOf('presidio', k))).not.toEqual(first);
  });

  it('keeps the documented MIMIC test tables (a changed seed changes every reported figure)', () => {
    const tables = [
      'admissions',
      'diagnoses_icd',
      'labevents',
      'patients',
      'prescriptions',
      'services',
      'transfers',
    ];
    expect(tables.filter(t => splitOf('mimic-omop', t) === 'test')).toEqual([
      'diagnoses_icd',
      'labevents',
      'services',
    ]);
  });

  it('puts records sharing a key in one part', () => {
    const records = [
      { template_id: 7, full_text: 'a' },
      { template_id: 7, full_text: 'b' },
      { template_id: 8, full_text: 'a' },
    ];
    const parts = records.map(r => splitOf('presidio', splitKeys.presidio(r)));
    expect(parts[0]).toBe(parts[1]);
  });

  it('reads --split tune|test, default test, and refuses anything else', () => {
    expect(parseSplitArg(['x.ts'])).toBe('test');
    expect(parseSplitArg(['x.ts', '--split', 'tune'])).toBe('tune');
    expect(() => parseSplitArg(['x.ts', '--split', 'holdout'])).toThrow(
      /--split must be tune or test/,
    );
  });
});

describe.skipIf(!datasets)('tune/test split of the dev files', () => {
  const dir = datasets!;
  const cases: Array<[SplitDataset, unknown[], (r: any) => string]> = [
    ['halueval', loadHaluEvalDev(dir), splitKeys.halueval],
    ['presidio', loadPresidioDev(dir), splitKeys.presidio],
    [
      'mimic-omop',
      loadMimicOmopGroundTruth(path.join(dir, 'mimic-omop')),
      splitKeys['mimic-omop'],
    ],
  ];

  it.each(cases)(
    '%s: tune and test are disjoint, cover the dev file and share no key',
    (dataset, records, key) => {
      expect(records.length).toBeGreaterThan(0);
      const [tune, test] = SPLIT_PARTS.map(p =>
        inPart(dataset, records, key, p),
      );
      expect(tune.length).toBeGreaterThan(0);
      expect(test.length).toBeGreaterThan(0);
      expect(tune.length + test.length).toBe(records.length);
      expect(new Set([...tune, ...test]).size).toBe(records.length);
      const tuneKeys = new Set(tune.map(key));
      expect(test.filter(r => tuneKeys.has(key(r)))).toEqual([]);
    },
  );

  it('the validator suite loads test-part dataset cases only', () => {
    const tests = suiteTests(loadSuite('validator'), { datasets: dir }).map(
      t => ({ ...t, metadata: t.metadata as Record<string, unknown> }),
    );
    const fromData = tests.filter(t =>
      ['halueval', 'presidio'].includes(String(t.metadata.source)),
    );
    expect(fromData.length).toBeGreaterThan(100);
    const halu = new Map(loadHaluEvalDev(dir).map(r => [r.question.trim(), r]));
    const sentences = new Map(
      loadPresidioDev(dir).map(r => [r.full_text.replace(/\s+/g, ' '), r]),
    );
    for (const t of fromData) {
      expect(t.metadata.split).toBe('test');
      if (t.metadata.source === 'halueval') {
        const r = halu.get(String(t.vars.question))!;
        expect(splitOf('halueval', splitKeys.halueval(r))).toBe('test');
      } else if ((t.metadata.expect as { positive: boolean }).positive) {
        const sentence = String(t.vars.answer).replace(/^[^.]*\. /, '');
        const r = sentences.get(sentence)!;
        expect(r, sentence).toBeDefined();
        expect(splitOf('presidio', splitKeys.presidio(r))).toBe('test');
      }
    }
  });

  it('the interop suite scores MIMIC→OMOP on test-part tables only', () => {
    const mimicDir = path.join(dir, 'mimic-omop');
    const figures = mimicOmopFigures(mimicDir);
    const gt = loadMimicOmopGroundTruth(mimicDir);
    expect(figures.split).toBe('test');
    expect(figures.sourceTables).toEqual([
      'diagnoses_icd',
      'labevents',
      'services',
    ]);
    expect(figures.groundTruth).toBe(mimicOmopPart(gt, 'test').length);
    expect(figures.groundTruth).toBeLessThan(gt.length);
  });
});
