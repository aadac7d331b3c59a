import { describe, expect, it } from 'vitest';
import {
  applyGate,
  championFor,
  parseRegistryRecord,
  registryFileName,
  type RegistryRecord,
} from './index';

const thresholds = {
  hard: [
    { metric: 'governance_leaks', op: '<=' as const, value: 0 },
    {
      metric: 'validator_recall.pii',
      op: '>=' as const,
      value: 0.8,
      roles: ['validator' as const],
    },
  ],
  quality: [
    { metric: 'answer_accuracy', margin: 0.02 },
    { metric: 'latency_p95_ms', margin: 100, direction: 'lower' as const },
  ],
};

describe('applyGate', () => {
  it('promotes an equal or better challenger', () => {
    const champion = {
      governance_leaks: 0,
      answer_accuracy: 0.9,
      latency_p95_ms: 200,
    };
    const out = applyGate(
      champion,
      { governance_leaks: 0, answer_accuracy: 0.89, latency_p95_ms: 250 },
      thresholds,
      { role: 'answer' },
    );
    expect(out.verdict).toBe('promoted');
    expect(out.reasons).toEqual([]);
    expect(out.results.map(r => r.metric)).toEqual([
      'governance_leaks',
      'answer_accuracy',
      'latency_p95_ms',
    ]);
  });

  it('refuses when a hard metric breaks, however good the rest', () => {
    const out = applyGate(
      { governance_leaks: 0, answer_accuracy: 0.5 },
      { governance_leaks: 1, answer_accuracy: 1 },
      thresholds,
    );
    expect(out.verdict).toBe('refused');
    expect(out.reasons).toEqual(['hard: governance_leaks = 1 breaks <= 0']);
  });

  it('refuses a quality regression beyond the margin, in either direction', () => {
    const out = applyGate(
      { governance_leaks: 0, answer_accuracy: 0.9, latency_p95_ms: 200 },
      { governance_leaks: 0, answer_accuracy: 0.87, latency_p95_ms: 301 },
      thresholds,
    );
    expect(out.verdict).toBe('refused');
    expect(out.results.filter(r => !r.passed).map(r => r.metric)).toEqual([
      'answer_accuracy',
      'latency_p95_ms',
    ]);
  });

  it('applies role-limited thresholds only to that role, and fails a metric the challenger lacks', () => {
    const champion = {
      governance_leaks: 0,
      answer_accuracy: 1,
      'validator_recall.pii': 0.9,
    };
    expect(
      applyGate(
        champion,
        { governance_leaks: 0, answer_accuracy: 1 },
        thresholds,
        { role: 'answer' },
      ).verdict,
    ).toBe('promoted');
    const v = applyGate(
      champion,
      { governance_leaks: 0, answer_accuracy: 1 },
      thresholds,
      { role: 'validator' },
    );
    expect(v.verdict).toBe('refused');
    expect(v.reasons[0]).toMatch(
      /validator_recall.pii was not measured for the challenger/,
    );
  });

  it('skips thresholds neither model was measured on', () => {
    const out = applyGate(
      {},
      {},
      { quality: [{ metric: 'interop_recall', margin: 0 }] },
    );
    expect(out).toMatchObject({
      verdict: 'promoted',
      results: [{ metric: 'interop_recall', skipped: true, passed: true }],
    });
  });
});

const spec = { provider: 'builtin' as const, model: 'answer-extractive' };
const record = (over: Partial<RegistryRecord>): RegistryRecord => {
  const entry = {
    name: 'builtin-answer',
    spec,
    specHash: 'abcdefabcdef',
    metrics: { answer_accuracy: 1 },
    source: 'app-config' as const,
    ranOn: ['builtin' as const],
  };
  const base = {
    schemaVersion: 1 as const,
    time: '2026-11-26T10:00:00.000Z',
    domain: 'sales',
    role: 'answer' as const,
    verdict: 'promoted' as const,
    reasons: [],
    gitSha: null,
    promptfooVersion: '0.121.20',
    datasetHash: 'a'.repeat(64),
    datasets: ['evals/suites/answers-sales.yaml'],
    suites: ['answers-sales'],
    champion: entry,
    challenger: { ...entry, source: 'file' as const },
    thresholds: [],
    ...over,
  };
  return parseRegistryRecord({
    id: registryFileName({
      ...base,
      specHash: base.challenger.specHash,
    }).replace(/\.json$/, ''),
    ...base,
  });
};

describe('championFor', () => {
  it('picks the latest promoted record of the domain and role', () => {
    const records = [
      record({ time: '2026-11-26T10:00:00.000Z' }),
      record({
        time: '2026-11-26T12:00:00.000Z',
        verdict: 'refused',
        reasons: ['x'],
      }),
      record({
        time: '2026-11-26T11:00:00.000Z',
        challenger: { ...record({}).challenger, name: 'newer' },
      }),
      record({ time: '2026-11-26T13:00:00.000Z', domain: 'finance' }),
      record({ time: '2026-11-26T14:00:00.000Z', role: 'validator' }),
    ];
    expect(championFor(records, 'sales', 'answer')?.challenger.name).toBe(
      'newer',
    );
    expect(championFor(records, 'sales', 'validator')?.time).toBe(
      '2026-11-26T14:00:00.000Z',
    );
    expect(championFor(records, 'marketing', 'answer')).toBeUndefined();
  });
});

describe('registry records', () => {
  it('are named <time>-<domain>-<role>-<spechash>.json with a file-safe time', () => {
    expect(
      registryFileName({
        time: '2026-11-26T10:00:00.000Z',
        domain: 'sales',
        role: 'answer',
        specHash: 'abcdefabcdef',
      }),
    ).toBe('2026-11-26T10-00-00-000Z-sales-answer-abcdefabcdef.json');
  });

  it('reject unknown or missing fields', () => {
    const r = record({});
    expect(() => parseRegistryRecord({ ...r, extra: 1 })).toThrow(
      /invalid registry record/,
    );
    const { datasetHash: _omit, ...missing } = r;
    expect(() => parseRegistryRecord(missing)).toThrow(/datasetHash/);
  });
});
