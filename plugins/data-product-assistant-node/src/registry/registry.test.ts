import { describe, expect, it } from 'vitest';
import { specVersion } from '../models/spec';
import {
  applyGate,
  championFor,
  gateRolesFor,
  mcnemarExact,
  pairedCounts,
  parseGateThresholds,
  parseRegistryRecord,
  registryFileName,
  registryRecordId,
  thresholdsHash,
  verifyRegistryRecord,
  type GateThresholdsInput,
  type PairedCounts,
  type RegistryRecord,
} from './index';

const thresholds: GateThresholdsInput = {
  hard: [
    { metric: 'governance_leaks', op: '<=', value: 0, roles: ['answer'] },
    {
      metric: 'validator_recall.pii',
      op: '>=',
      value: 0.8,
      roles: ['validator'],
    },
  ],
  floors: [
    { metric: 'answer_accuracy', op: '>=', value: 0.8, roles: ['answer'] },
    {
      metric: 'interop_mimic_recall_at_gt',
      op: '>=',
      value: 0.14,
      roles: ['interop'],
    },
  ],
  quality: [
    { metric: 'answer_accuracy', margin: 0.02, roles: ['answer'] },
    {
      metric: 'latency_p95_ms',
      margin: 100,
      direction: 'lower',
      roles: ['answer'],
    },
  ],
};

describe('applyGate', () => {
  it('promotes an equal or better challenger', () => {
    const out = applyGate(
      { governance_leaks: 0, answer_accuracy: 0.9, latency_p95_ms: 200 },
      { governance_leaks: 0, answer_accuracy: 0.89, latency_p95_ms: 250 },
      thresholds,
      { roles: ['answer'] },
    );
    expect(out.verdict).toBe('promoted');
    expect(out.reasons).toEqual([]);
    expect(out.results.map(r => `${r.kind}:${r.metric}`)).toEqual([
      'hard:governance_leaks',
      'floor:answer_accuracy',
      'quality:answer_accuracy',
      'quality:latency_p95_ms',
    ]);
  });

  it('refuses when a hard metric breaks, however good the rest', () => {
    const out = applyGate(
      { governance_leaks: 0, answer_accuracy: 0.5 },
      { governance_leaks: 1, answer_accuracy: 1 },
      thresholds,
      { roles: ['answer'] },
    );
    expect(out.verdict).toBe('refused');
    expect(out.reasons).toEqual(['hard: governance_leaks = 1 breaks <= 0']);
  });

  it('refuses a challenger under a floor even when the champion is as bad (no ratchet)', () => {
    const out = applyGate(
      { governance_leaks: 0, answer_accuracy: 0.79, latency_p95_ms: 1 },
      { governance_leaks: 0, answer_accuracy: 0.78, latency_p95_ms: 1 },
      thresholds,
      { roles: ['answer'] },
    );
    expect(out.verdict).toBe('refused');
    expect(out.reasons).toEqual([
      'floor: answer_accuracy = 0.7800 breaks >= 0.8000',
    ]);
  });

  it('refuses a quality regression beyond the margin, in either direction', () => {
    const out = applyGate(
      { governance_leaks: 0, answer_accuracy: 0.9, latency_p95_ms: 200 },
      { governance_leaks: 0, answer_accuracy: 0.87, latency_p95_ms: 301 },
      thresholds,
      { roles: ['answer'] },
    );
    expect(out.verdict).toBe('refused');
    expect(
      out.results.filter(r => !r.passed).map(r => `${r.kind}:${r.metric}`),
    ).toEqual(['quality:answer_accuracy', 'quality:latency_p95_ms']);
  });

  it('refuses a challenger significantly worse case by case, though within the margin', () => {
    const metrics = {
      governance_leaks: 0,
      answer_accuracy: 0.9,
      latency_p95_ms: 1,
    };
    // 5 regressions, 0 improvements: one-sided p = 1/32 < 0.05
    const worse: PairedCounts = {
      cases: 200,
      bothPass: 175,
      bothFail: 20,
      championOnly: 5,
      challengerOnly: 0,
    };
    const out = applyGate(metrics, metrics, thresholds, {
      roles: ['answer'],
      paired: { answer_accuracy: worse },
    });
    expect(out.verdict).toBe('refused');
    const r = out.results.find(
      x => x.kind === 'quality' && x.metric === 'answer_accuracy',
    )!;
    expect(r.paired).toMatchObject({ ...worse, pWorse: 1 / 32 });
    expect(r.reason).toMatch(
      /significantly worse case by case \(5 regressions vs 0 improvements, one-sided p = 0\.0313 < 0\.05\)/,
    );
    // 4 regressions (p = 1/16) is not significant: the margin decides
    const out4 = applyGate(metrics, metrics, thresholds, {
      roles: ['answer'],
      paired: { answer_accuracy: { ...worse, championOnly: 4, bothPass: 176 } },
    });
    expect(out4.verdict).toBe('promoted');
  });

  it('applies thresholds of the given roles only, and fails an absolute threshold nobody measured', () => {
    const champion = { governance_leaks: 0, answer_accuracy: 1 };
    expect(
      applyGate(champion, champion, thresholds, { roles: ['answer'] }).verdict,
    ).toBe('promoted');
    const v = applyGate(champion, champion, thresholds, {
      roles: gateRolesFor('validator'),
    });
    expect(v.verdict).toBe('refused');
    expect(v.reasons).toEqual([
      'hard: validator_recall.pii was not measured (must be >= 0.8000)',
    ]);
    const interop = applyGate({}, {}, thresholds, { roles: ['interop'] });
    expect(interop.reasons).toEqual([
      'floor: interop_mimic_recall_at_gt was not measured (must be >= 0.1400)',
    ]);
  });

  it('skips quality thresholds neither model was measured on', () => {
    const out = applyGate(
      {},
      {},
      {
        quality: [{ metric: 'interop_recall', margin: 0, roles: ['interop'] }],
      },
    );
    expect(out).toMatchObject({
      verdict: 'promoted',
      results: [{ metric: 'interop_recall', skipped: true, passed: true }],
    });
  });
});

describe('paired test (exact McNemar)', () => {
  it('computes exact binomial p-values on the discordant cases', () => {
    expect(mcnemarExact(0, 0)).toEqual({ pValue: 1, pWorse: 1 });
    // n = 10, 9 vs 1: P(X <= 1) = 11/1024
    const a = mcnemarExact(9, 1);
    expect(a.pValue).toBeCloseTo(22 / 1024, 12);
    expect(a.pWorse).toBeCloseTo(11 / 1024, 12);
    // the other way round: same two-sided p, the challenger is not worse
    const b = mcnemarExact(1, 9);
    expect(b.pValue).toBeCloseTo(22 / 1024, 12);
    expect(b.pWorse).toBeCloseTo(1 - 1 / 1024, 12);
    expect(mcnemarExact(5, 0)).toEqual({ pValue: 1 / 16, pWorse: 1 / 32 });
    expect(mcnemarExact(3, 3).pValue).toBe(1);
    // n = 20, 15 vs 5: P(X <= 5) = 21700/1048576 (R: binom.test(5, 20)$p.value = 0.04138947)
    expect(mcnemarExact(15, 5).pValue).toBeCloseTo(0.04138947, 7);
    // large n stays finite: 1200 vs 1000
    const big = mcnemarExact(1200, 1000);
    expect(big.pValue).toBeGreaterThan(0);
    expect(big.pValue).toBeLessThan(1e-4);
  });

  it('counts concordant and discordant cases over the cases both ran', () => {
    const champion = new Map([
      ['a', true],
      ['b', true],
      ['c', false],
      ['d', false],
      ['only-champion', true],
    ]);
    const challenger = new Map([
      ['a', true],
      ['b', false],
      ['c', true],
      ['d', false],
      ['only-challenger', false],
    ]);
    expect(pairedCounts(champion, challenger)).toEqual({
      cases: 4,
      bothPass: 1,
      bothFail: 1,
      championOnly: 1,
      challengerOnly: 1,
    });
  });
});

const champSpec = { provider: 'builtin' as const, model: 'answer-extractive' };
const challSpec = {
  provider: 'builtin' as const,
  model: 'answer-extractive',
  temperature: 0.1,
};

/** A record as `dpa promote` writes it: the gate applied to its metrics. */
function record(
  over: {
    time?: string;
    domain?: string;
    role?: 'answer' | 'validator';
    challengerName?: string;
    challengerSpec?: typeof challSpec | typeof champSpec;
    challengerMetrics?: Record<string, number>;
  } = {},
): RegistryRecord {
  const role = over.role ?? 'answer';
  const championMetrics = {
    governance_leaks: 0,
    answer_accuracy: 0.9,
    latency_p95_ms: 10,
    'validator_recall.pii': 0.9,
  };
  const challengerMetrics = over.challengerMetrics ?? championMetrics;
  const paired = {
    answer_accuracy: {
      cases: 10,
      bothPass: 9,
      bothFail: 1,
      championOnly: 0,
      challengerOnly: 0,
    },
  };
  const gate = applyGate(championMetrics, challengerMetrics, thresholds, {
    roles: gateRolesFor(role),
    paired,
  });
  const entry = (
    name: string,
    spec: object,
    metrics: Record<string, number>,
  ) => ({
    name,
    spec,
    specHash: specVersion(spec as typeof champSpec),
    metrics,
    source: 'file' as const,
    ranOn: ['builtin' as const],
  });
  const challenger = entry(
    over.challengerName ?? 'answer-warm',
    over.challengerSpec ?? challSpec,
    challengerMetrics,
  );
  const base = {
    schemaVersion: 2 as const,
    time: over.time ?? '2026-11-26T10:00:00.000Z',
    domain: over.domain ?? 'sales',
    role,
    verdict: gate.verdict,
    reasons: gate.reasons,
    gitSha: null,
    promptfooVersion: '0.121.20',
    datasetHash: 'a'.repeat(64),
    datasets: ['evals/suites/answers-sales.yaml'],
    suites: ['answers-sales'],
    champion: entry('builtin-answer', champSpec, championMetrics),
    challenger,
    thresholdsHash: thresholdsHash(thresholds),
    thresholds: gate.results,
  };
  return parseRegistryRecord({
    id: registryRecordId({ ...base, specHash: challenger.specHash }),
    ...base,
  });
}

describe('championFor', () => {
  it('picks the latest promoted record of the domain and role', () => {
    const refused = record({
      time: '2026-11-26T12:00:00.000Z',
      challengerMetrics: { governance_leaks: 1, answer_accuracy: 1 },
    });
    expect(refused.verdict).toBe('refused');
    const records = [
      record({ time: '2026-11-26T10:00:00.000Z' }),
      refused,
      record({ time: '2026-11-26T11:00:00.000Z', challengerName: 'newer' }),
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

  it('reject unknown or missing fields, and version 1', () => {
    const r = record();
    expect(() => parseRegistryRecord({ ...r, extra: 1 })).toThrow(
      /invalid registry record/,
    );
    const { thresholdsHash: _omit, ...missing } = r;
    expect(() => parseRegistryRecord(missing)).toThrow(/thresholdsHash/);
    expect(() => parseRegistryRecord({ ...r, schemaVersion: 1 })).toThrow(
      /version 1 records carry no thresholds hash and cannot be verified/,
    );
  });
});

describe('verifyRegistryRecord', () => {
  const json = (r: RegistryRecord) =>
    JSON.parse(JSON.stringify(r)) as Record<string, any>;

  it('accepts a record whose verdict follows from what it carries', () => {
    for (const r of [
      record(),
      record({ challengerMetrics: { governance_leaks: 1 } }),
    ]) {
      expect(verifyRegistryRecord(json(r), thresholds)).toEqual({
        ok: true,
        record: r,
      });
    }
  });

  const problemsOf = (input: unknown, t = thresholds) => {
    const check = verifyRegistryRecord(input, t);
    return check.ok ? [] : check.problems;
  };

  it('refuses a flipped verdict, an edited metric, result or spec', () => {
    const refused = json(
      record({
        challengerMetrics: { governance_leaks: 2, answer_accuracy: 1 },
      }),
    );
    expect(
      problemsOf({
        ...refused,
        verdict: 'promoted',
        reasons: [],
        thresholds: refused.thresholds.map((t: object) => ({
          ...t,
          passed: true,
        })),
      }),
    ).toEqual([
      'threshold hard:governance_leaks does not follow from the recorded metrics',
      'threshold quality:latency_p95_ms does not follow from the recorded metrics',
      expect.stringMatching(
        /^the thresholds refuse it: hard: governance_leaks = 2 breaks <= 0; quality: latency_p95_ms was not measured/,
      ),
    ]);

    const edited = json(record());
    edited.challenger.metrics.governance_leaks = 3;
    expect(problemsOf(edited)).toContain(
      'threshold hard:governance_leaks does not follow from the recorded metrics',
    );

    const swapped = json(record());
    swapped.challenger.spec = { ...challSpec, temperature: 0.9 };
    expect(problemsOf(swapped)).toEqual([
      expect.stringMatching(
        /^challenger answer-warm: specHash [0-9a-f]{12} is not the hash of its spec/,
      ),
    ]);
  });

  it('refuses a record gated by other thresholds, or with no thresholds to check', () => {
    const r = json(record());
    const raised = {
      ...thresholds,
      floors: [
        {
          metric: 'answer_accuracy',
          op: '>=' as const,
          value: 0.95,
          roles: ['answer' as const],
        },
      ],
    };
    expect(problemsOf(r, raised)).toEqual([
      expect.stringMatching(
        /^gated by other thresholds \(hash [0-9a-f]{12}, current [0-9a-f]{12}\)/,
      ),
    ]);
    expect(verifyRegistryRecord(r, undefined)).toEqual({
      ok: false,
      problems: ['no thresholds file to check it against'],
    });
    // comments and formatting do not change the hash
    expect(
      thresholdsHash(
        parseGateThresholds(`# comment\n${JSON.stringify(thresholds)}`),
      ),
    ).toBe(thresholdsHash(thresholds));
  });

  it('refuses a promotion of a challenger identical to its champion', () => {
    const same = record({ challengerSpec: champSpec });
    expect(problemsOf(json(same))).toEqual([
      'promotes a challenger identical to its champion',
    ]);
  });

  it('refuses version 1 records and files whose id does not match', () => {
    expect(problemsOf({ ...json(record()), schemaVersion: 1 })).toEqual([
      expect.stringMatching(/cannot be verified/),
    ]);
    expect(problemsOf({ ...json(record()), domain: 'finance' })).toEqual([
      expect.stringMatching(/^id .* does not match its content/),
    ]);
  });
});
