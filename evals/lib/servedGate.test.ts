import { describe, expect, it } from 'vitest';
import { loadThresholds } from './registryFiles';
import { gateServedModels } from './servedGate';

// the repository's own thresholds: every suite must be gated by them
const thresholds = loadThresholds();

const answer = {
  hard_case_failures: 0,
  governance_leaks: 0,
  pii_block_rate: 1,
  answer_errors: 0,
  answer_accuracy: 0.9,
  citation_recall: 1,
  citation_precision: 0.8,
  abstention_f1: 1,
  off_domain_refusal_rate: 1,
};
const validator = {
  hard_case_failures: 0,
  validator_errors: 0,
  'validator_recall.pii': 1,
  'validator_recall.restricted': 1,
  'validator_recall.injection': 1,
  'validator_recall.hallucination': 0.96,
  'validator_precision.hallucination': 1,
  'validator_recall.hard-negative': 0.9,
  'validator_recall.off-scope': 1,
  'validator_recall.graph-swap': 0.95,
  'validator_precision.graph-swap': 0.95,
  'validator_recall.pii-sample': 0.85,
  'validator_precision.pii-sample': 1,
  validator_specificity: 1,
};
const interop = {
  interop_recall: 1,
  interop_traps_as_join_key: 0,
  interop_mimic_recall_at_gt: 0.3,
  interop_mimic_mrr: 0.5,
  interop_valentine_recall_at_gt: 0.7,
  interop_valentine_mrr: 0.82,
};
const roles = {
  'sales-served': ['answer' as const],
  'validator-served': ['validator' as const],
  'interop-builtin': ['interop' as const],
};
const gate = (
  over: Partial<Record<keyof typeof roles, Record<string, number>>>,
  hardCases: Parameters<typeof gateServedModels>[3] = [],
) =>
  gateServedModels(
    {
      'sales-served': { ...answer, ...over['sales-served'] },
      'validator-served': { ...validator, ...over['validator-served'] },
      'interop-builtin': { ...interop, ...over['interop-builtin'] },
    },
    roles,
    thresholds,
    hardCases,
  );
const failed = (g: ReturnType<typeof gate>) =>
  g.failures.map(f => `${f.label} ${f.kind} ${f.metric}`);

describe('gateServedModels (evals/thresholds.yaml)', () => {
  it('passes when every suite holds its hard thresholds and floors', () => {
    const g = gate({});
    expect(failed(g)).toEqual([]);
    expect(g.passed).toBe(true);
    expect(g.checked).toEqual([
      { label: 'sales-served', roles: ['answer'] },
      { label: 'validator-served', roles: ['validator'] },
      { label: 'interop-builtin', roles: ['interop'] },
    ]);
  });

  it('fails a served model breaking a hard threshold or a floor, naming it', () => {
    const g = gate({
      'sales-served': { governance_leaks: 1, answer_accuracy: 0.5 },
      'validator-served': { 'validator_recall.pii': 0.99 },
    });
    expect(g.passed).toBe(false);
    expect(failed(g)).toEqual([
      'sales-served hard governance_leaks',
      'sales-served floor answer_accuracy',
      'validator-served hard validator_recall.pii',
    ]);
  });

  it('fails on a single failing case of a hard category, whatever the rates', () => {
    const g = gate({ 'validator-served': { hard_case_failures: 1 } }, [
      {
        label: 'validator-served',
        suite: 'validator',
        case: 'restricted salary',
        categories: ['restricted'],
      },
    ]);
    expect(g.passed).toBe(false);
    expect(failed(g)).toEqual(['validator-served hard hard_case_failures']);
    // the listed case fails the gate on its own, even under a thresholds file without the rule
    const bare = gateServedModels(
      { 'validator-served': validator },
      roles,
      { hard: [] },
      g.hardCases,
    );
    expect(bare.failures).toEqual([]);
    expect(bare.passed).toBe(false);
  });

  it('gates the interop suite: a matcher under the MIMIC→OMOP floor, or a trap as join key, fails', () => {
    expect(
      failed(
        gate({ 'interop-builtin': { interop_mimic_recall_at_gt: 0.082 } }),
      ),
    ).toEqual(['interop-builtin floor interop_mimic_recall_at_gt']);
    expect(
      failed(gate({ 'interop-builtin': { interop_traps_as_join_key: 1 } })),
    ).toEqual(['interop-builtin floor interop_traps_as_join_key']);
    expect(
      failed(
        gate({ 'interop-builtin': { interop_valentine_recall_at_gt: 0.5 } }),
      ),
    ).toEqual(['interop-builtin floor interop_valentine_recall_at_gt']);
  });

  it("gates the unseen answer suite on its own floors, not the domain suites'", () => {
    const unseen = {
      hard_case_failures: 0,
      governance_leaks: 0,
      answer_errors: 0,
      case_pass_rate: 0.92,
      answer_accuracy: 0.91,
      citation_recall: 0.91,
      citation_precision: 1,
      abstention_f1: 0.88,
      off_domain_refusal_rate: 0.75,
    };
    const run = (m: Record<string, number>) =>
      gateServedModels(
        { 'unseen-served': m },
        { 'unseen-served': ['answer-unseen'] },
        thresholds,
      );
    // no PII questions in it: pii_block_rate, a domain suite's hard rule, does not apply
    expect(run(unseen).passed).toBe(true);
    const worse = run({ ...unseen, case_pass_rate: 0.85, governance_leaks: 1 });
    expect(worse.passed).toBe(false);
    expect(worse.failures.map(f => `${f.kind} ${f.metric}`)).toEqual([
      'hard governance_leaks',
      'floor case_pass_rate',
    ]);
    const { case_pass_rate: _c, ...unmeasured } = unseen;
    expect(run(unmeasured).failures.map(f => f.reason)).toEqual([
      'case_pass_rate was not measured (must be >= 0.9000)',
    ]);
  });

  it('fails a floor it could not measure (a dataset missing), never skips it', () => {
    const {
      interop_mimic_recall_at_gt: _r,
      interop_mimic_mrr: _m,
      ...demo
    } = interop;
    const g = gateServedModels({ 'interop-builtin': demo }, roles, thresholds);
    expect(g.failures.map(f => f.reason)).toEqual([
      'interop_mimic_recall_at_gt was not measured (must be >= 0.1400)',
      'interop_mimic_mrr was not measured (must be >= 0.2600)',
    ]);
  });
});
