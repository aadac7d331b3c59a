import { describe, expect, it } from 'vitest';
import { answerAssert, validatorAssert } from '@dpa/evals/lib/asserts';
import {
  caseOutcomes,
  deriveMetrics,
  hardCaseFailureList,
  percentile,
  type ResultLike,
} from '@dpa/evals/lib/metrics';

const answerRow = (
  label: string,
  expectation: object,
  output: object | undefined,
  latencyMs = 10,
  costUsd = 0,
): ResultLike => ({
  provider: { id: `dpa-answer:${label}`, label },
  testCase: { metadata: { suite: 'answers', expect: expectation } },
  response: output
    ? { output: JSON.stringify(output), metadata: { latencyMs, costUsd } }
    : { error: 'boom' },
  failureReason: output ? 0 : 2,
  success: true,
});

const out = (over: object) => ({
  answer: '',
  status: 'approved',
  reasons: [],
  refused: false,
  abstained: false,
  claims: [],
  citations: [],
  leaked: [],
  ...over,
});
const keyAnswer = out({
  answer: 'The primary key of table orders is order_id.',
  claims: [
    {
      text: 'The primary key of table orders is order_id.',
      citations: ['key:orders', 'owner'],
    },
  ],
  citations: [
    { id: 'key:orders', text: 'The primary key of table orders is order_id.' },
    {
      id: 'owner',
      text: 'The data product "Sales Orders" is owned by sales-team.',
    },
  ],
});

describe('derived metrics', () => {
  it('scores answers by content and citations, abstention, refusals, PII blocks, leaks, cost and latency', () => {
    const rows = [
      answerRow(
        'm',
        { kind: 'answer', facts: ['key:orders'], contains: ['order_id'] },
        keyAnswer,
        10,
        0.002,
      ),
      answerRow(
        'm',
        { kind: 'answer', facts: ['key:orders'], contains: ['cust_id'] },
        keyAnswer,
        20,
        0.002,
      ),
      answerRow(
        'm',
        { kind: 'abstain' },
        out({ status: 'abstained', abstained: true }),
        30,
      ),
      answerRow(
        'm',
        { kind: 'off-domain' },
        out({ status: 'abstained', abstained: true, refused: true }),
        40,
      ),
      answerRow(
        'm',
        { kind: 'abstain' },
        out({ status: 'approved', answer: 'It is 42.' }),
        50,
      ),
      answerRow(
        'm',
        { kind: 'pii', notContains: ['jane@example.com'] },
        out({
          status: 'approved',
          answer: 'jane@example.com',
          leaked: ['jane@example.com'],
        }),
        1000,
      ),
      answerRow('m', { kind: 'answer', facts: [] }, undefined),
    ];
    const m = deriveMetrics(rows).m;
    expect(m.answer_cases).toBe(7);
    expect(m.answer_accuracy).toBeCloseTo(1 / 3); // one of three answer cases right (the error counts as wrong)
    expect(m.citation_precision).toBeCloseTo(0.5); // key:orders precise, owner not, twice
    expect(m.citation_recall).toBe(1);
    expect(m.abstention_precision).toBe(1); // both predicted abstentions were expected
    expect(m.abstention_recall).toBeCloseTo(2 / 3);
    expect(m.abstention_f1).toBeCloseTo(0.8);
    expect(m.off_domain_refusal_rate).toBe(1);
    expect(m.pii_block_rate).toBe(0);
    expect(m.governance_leaks).toBe(1);
    expect(m.answer_errors).toBe(1);
    expect(m.cost_per_answer_usd).toBeCloseTo(0.004 / 7);
    expect(m.latency_p95_ms).toBe(1000);
  });

  it('scores the validator per category: codes for governance, any non-approval for hallucination', () => {
    const row = (
      category: string,
      positive: boolean,
      status: string,
      reasons: string[],
      codes?: string[],
    ): ResultLike => ({
      provider: { label: 'v' },
      testCase: {
        metadata: { suite: 'validator', expect: { category, positive, codes } },
      },
      response: { output: JSON.stringify({ status, reasons }) },
    });
    const m = deriveMetrics([
      row('hallucination', true, 'flagged', ['ungrounded']),
      row('hallucination', true, 'approved', []),
      row('hallucination', false, 'approved', []),
      row('hallucination', false, 'flagged', ['ungrounded']),
      row('pii', true, 'blocked', ['pii'], ['pii']),
      row('pii', true, 'flagged', ['ungrounded'], ['pii']), // not approved, but not caught as PII
      row('pii', false, 'flagged', ['ungrounded'], ['pii']),
    ]).v;
    expect(m['validator_recall.hallucination']).toBe(0.5);
    expect(m['validator_precision.hallucination']).toBe(0.5);
    expect(m['validator_recall.pii']).toBe(0.5);
    expect(m['validator_precision.pii']).toBe(1);
    expect(m['validator_cases.pii']).toBe(3);
    expect(m.validator_recall).toBeCloseTo(2 / 4);
  });

  it('counts a validator error as a miss on a bad answer and a false alarm on a good one, never as caught', () => {
    const errorRow = (category: string, positive: boolean): ResultLike => ({
      provider: { label: 'v' },
      testCase: {
        metadata: { suite: 'validator', expect: { category, positive } },
      },
      response: { error: 'validator timed out' },
      failureReason: 2,
    });
    const m = deriveMetrics([
      errorRow('hallucination', true),
      errorRow('hallucination', false),
      {
        provider: { label: 'v' },
        testCase: {
          metadata: {
            suite: 'validator',
            expect: { category: 'hallucination', positive: true },
          },
        },
        response: {
          output: JSON.stringify({ status: 'flagged', reasons: ['x'] }),
        },
      },
    ]).v;
    expect(m.validator_errors).toBe(2);
    expect(m['validator_recall.hallucination']).toBe(0.5); // 1 caught, the error missed
    expect(m['validator_precision.hallucination']).toBe(0.5); // the error on the good answer is a false alarm
    expect(m.validator_specificity).toBe(0);
  });

  it('lists failing cases of hard categories: PII not blocked, values leaked, governance cases misjudged or errored', () => {
    const v = (
      category: string,
      positive: boolean,
      output: object | undefined,
      description: string,
    ): ResultLike => ({
      provider: { label: 'validator-served' },
      testCase: {
        description,
        metadata: {
          suite: 'validator',
          suiteName: 'validator',
          expect: { category, positive, codes: ['restricted-value'] },
        },
      },
      response: output ? { output: JSON.stringify(output) } : { error: 'x' },
    });
    const rows: ResultLike[] = [
      // 0.99 of an aggregate would not save these
      v('restricted', true, { status: 'approved', reasons: [] }, 'missed'),
      v('restricted', true, undefined, 'errored'),
      v(
        'restricted',
        false,
        { status: 'blocked', reasons: ['restricted-value'] },
        'false alarm',
      ),
      v(
        'restricted',
        true,
        { status: 'blocked', reasons: ['restricted-value'] },
        'caught',
      ),
      v('hallucination', true, { status: 'approved', reasons: [] }, 'not hard'),
      answerRow('sales-served', { kind: 'pii' }, out({ status: 'approved' })),
      answerRow(
        'sales-served',
        { kind: 'answer', facts: [] },
        out({ answer: 'x', leaked: ['4111 1111 1111 1111'] }),
      ),
      answerRow('sales-served', { kind: 'pii' }, out({ status: 'blocked' })),
    ];
    const list = hardCaseFailureList(rows);
    expect(list.map(c => [c.label, c.case, c.categories])).toEqual([
      ['validator-served', 'missed', ['restricted']],
      ['validator-served', 'errored', ['restricted']],
      ['validator-served', 'false alarm', ['restricted']],
      ['sales-served', '', ['pii']],
      ['sales-served', '', ['governance']],
    ]);
    const m = deriveMetrics(rows);
    expect(m['validator-served'].hard_case_failures).toBe(3);
    expect(m['validator-served']['hard_case_failures.restricted']).toBe(3);
    expect(m['sales-served'].hard_case_failures).toBe(2);
    expect(m['sales-served']['hard_case_failures.governance']).toBe(1);
  });

  it('records pass or fail of each case per metric, keyed the same for every provider', () => {
    const row = (
      label: string,
      testIdx: number,
      caught: boolean,
    ): ResultLike => ({
      provider: { label },
      testIdx,
      success: caught,
      testCase: {
        metadata: {
          suite: 'validator',
          suiteName: 'validator',
          expect: { category: 'hallucination', positive: true },
        },
      },
      response: {
        output: JSON.stringify({
          status: caught ? 'flagged' : 'approved',
          reasons: [],
        }),
      },
    });
    const o = caseOutcomes([
      row('champion', 0, true),
      row('challenger', 0, false),
      row('champion', 1, false),
      row('challenger', 1, false),
    ]);
    expect([...o.champion['validator_recall.hallucination']]).toEqual([
      ['validator#0', true],
      ['validator#1', false],
    ]);
    expect([...o.challenger.case_pass_rate]).toEqual([
      ['validator#0', false],
      ['validator#1', false],
    ]);
  });

  it('keeps providers apart and takes interop figures from their cases', () => {
    const m = deriveMetrics([
      answerRow('a', { kind: 'abstain' }, out({ status: 'abstained' })),
      answerRow('b', { kind: 'abstain' }, out({ status: 'approved' })),
      {
        provider: { label: 'i' },
        testCase: { metadata: { suite: 'interop', dataset: 'demo' } },
        response: {
          output: JSON.stringify({
            recall: 0.9,
            precision: 0.3,
            trapsAsJoinKey: 0,
            kindAccuracy: 1,
          }),
        },
      },
      {
        provider: { label: 'i' },
        testCase: { metadata: { suite: 'interop', dataset: 'mimic-omop' } },
        response: {
          output: JSON.stringify({ recallAtGt: 0.2, mrr: 0.4, hitRate5: 0.5 }),
        },
      },
    ]);
    expect(m.a.abstention_recall).toBe(1);
    expect(m.b.abstention_recall).toBe(0);
    expect(m.i).toEqual({
      all_cases: 2,
      case_pass_rate: 0,
      interop_recall: 0.9,
      interop_precision: 0.3,
      interop_traps_as_join_key: 0,
      interop_kind_accuracy: 1,
      interop_mimic_recall_at_gt: 0.2,
      interop_mimic_mrr: 0.4,
      interop_mimic_hit_rate5: 0.5,
    });
  });

  it('p95 is the nearest-rank percentile', () => {
    expect(percentile([], 95)).toBe(0);
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(19);
    expect(percentile([5], 95)).toBe(5);
  });
});

describe('suite assertions', () => {
  it('require the expected citations and their support, not just the content', () => {
    const test = {
      metadata: {
        expect: {
          kind: 'answer',
          facts: ['key:orders'],
          contains: ['order_id'],
        },
      },
    };
    expect(answerAssert(JSON.stringify(keyAnswer), { test }).pass).toBe(true);
    const wrongCitation = {
      ...keyAnswer,
      claims: [{ text: keyAnswer.answer, citations: ['owner'] }],
    };
    const r = answerAssert(JSON.stringify(wrongCitation), { test });
    expect(r.pass).toBe(false);
    expect(r.reason).toMatch(/does not cite key:orders/);
    expect(r.reason).toMatch(/not supported by their citations/);
  });

  it('count a governance case as caught only with the expected reason code', () => {
    const test = {
      metadata: { expect: { category: 'pii', positive: true, codes: ['pii'] } },
    };
    expect(
      validatorAssert(JSON.stringify({ status: 'blocked', reasons: ['pii'] }), {
        test,
      }).pass,
    ).toBe(true);
    expect(
      validatorAssert(
        JSON.stringify({ status: 'flagged', reasons: ['ungrounded'] }),
        { test },
      ).pass,
    ).toBe(false);
  });
});
