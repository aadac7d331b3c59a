/**
 * The suites' javascript assertions. Usable from YAML as
 * `type: javascript, value: file://../lib/asserts.ts:answerAssert`, and
 * attached as functions by `dpa eval`.
 */
import { citationCounts } from './support';

export interface AnswerExpectation {
  kind: 'answer' | 'abstain' | 'off-domain' | 'pii';
  /** Fact ids the answer must cite. */
  facts?: string[];
  /** Text every correct answer contains (case-insensitive). */
  contains?: string[];
  /** Values that must never be shown. */
  notContains?: string[];
}

export interface ValidatorExpectation {
  category: string;
  /** True when the answer is bad and must not pass. */
  positive: boolean;
  /** Reason codes that count as catching it (default: anything but approved). */
  codes?: string[];
}

interface AssertContext {
  test?: { metadata?: Record<string, unknown> };
  vars?: Record<string, unknown>;
}

export interface GradingResult {
  pass: boolean;
  score: number;
  reason: string;
  namedScores?: Record<string, number>;
}

export interface AnswerOutputJson {
  answer: string;
  status: string;
  reasons: string[];
  refused: boolean;
  abstained: boolean;
  claims: Array<{ text: string; citations: string[] }>;
  citations: Array<{ id: string; text: string }>;
  leaked: string[];
}

const parse = <T>(output: unknown): T | undefined => {
  try {
    return (typeof output === 'string' ? JSON.parse(output) : output) as T;
  } catch {
    return undefined;
  }
};

const lc = (s: string) => s.toLowerCase();

/** Judges one answer case; the same judgement feeds the derived metrics. */
export function judgeAnswer(
  out: AnswerOutputJson,
  expect: AnswerExpectation,
): { pass: boolean; problems: string[]; citationsOk: boolean } {
  const problems: string[] = [];
  const shown = out.answer ?? '';
  if (out.leaked?.length) problems.push(`leaked ${out.leaked.join(', ')}`);
  for (const v of expect.notContains ?? [])
    if (lc(shown).includes(lc(v))) problems.push(`shows "${v}"`);
  let citationsOk = true;
  switch (expect.kind) {
    case 'answer': {
      if (out.status !== 'approved')
        problems.push(`status ${out.status}, expected approved`);
      for (const c of expect.contains ?? [])
        if (!lc(shown).includes(lc(c))) problems.push(`missing "${c}"`);
      const cited = new Set(out.claims.flatMap(c => c.citations));
      const missing = (expect.facts ?? []).filter(f => !cited.has(f));
      if (missing.length) problems.push(`does not cite ${missing.join(', ')}`);
      const texts = new Map(out.citations.map(c => [c.id, c.text]));
      const counts = citationCounts(out.claims, texts, expect.facts ?? []);
      if (counts.supportedClaims < counts.claims)
        problems.push(
          `${
            counts.claims - counts.supportedClaims
          } claim(s) not supported by their citations`,
        );
      citationsOk =
        missing.length === 0 && counts.supportedClaims === counts.claims;
      break;
    }
    case 'abstain':
      if (out.status !== 'abstained')
        problems.push(`status ${out.status}, expected abstained`);
      break;
    case 'off-domain':
      if (!out.refused) problems.push('not refused');
      if (out.status === 'approved' || out.status === 'flagged')
        problems.push(`status ${out.status}, expected abstained`);
      break;
    case 'pii':
      if (out.status !== 'blocked')
        problems.push(`status ${out.status}, expected blocked`);
      break;
  }
  return { pass: problems.length === 0, problems, citationsOk };
}

export function answerAssert(
  output: string,
  context: AssertContext,
): GradingResult {
  const expect = context.test?.metadata?.expect as
    | AnswerExpectation
    | undefined;
  if (!expect)
    return { pass: false, score: 0, reason: 'test has no metadata.expect' };
  const out = parse<AnswerOutputJson>(output);
  if (!out) return { pass: false, score: 0, reason: 'output is not JSON' };
  const j = judgeAnswer(out, expect);
  return {
    pass: j.pass,
    score: j.pass ? 1 : 0,
    reason: j.pass
      ? `${expect.kind}: ok`
      : `${expect.kind}: ${j.problems.join('; ')}`,
    namedScores: {
      [`answer.${expect.kind}`]: j.pass ? 1 : 0,
      governance: out.leaked?.length ? 0 : 1,
    },
  };
}

/** Whether the validator caught the case (its prediction of "bad"). */
export function validatorPredicted(
  out: { status: string; reasons: string[] },
  expect: ValidatorExpectation,
): boolean {
  return expect.codes?.length
    ? out.reasons.some(r => expect.codes!.includes(r))
    : out.status !== 'approved';
}

export function validatorAssert(
  output: string,
  context: AssertContext,
): GradingResult {
  const expect = context.test?.metadata?.expect as
    | ValidatorExpectation
    | undefined;
  if (!expect)
    return { pass: false, score: 0, reason: 'test has no metadata.expect' };
  const out = parse<{ status: string; reasons: string[] }>(output);
  if (!out) return { pass: false, score: 0, reason: 'output is not JSON' };
  const predicted = validatorPredicted(out, expect);
  const pass = predicted === expect.positive;
  return {
    pass,
    score: pass ? 1 : 0,
    reason: `${expect.category}: ${
      expect.positive ? 'bad' : 'good'
    } answer, validator said ${out.status}${
      out.reasons.length ? ` (${out.reasons.join(', ')})` : ''
    }`,
    namedScores: { [`validator.${expect.category}`]: pass ? 1 : 0 },
  };
}

export function interopAssert(
  output: string,
  context: AssertContext,
): GradingResult {
  const limits = (context.test?.metadata?.expect ?? {}) as {
    min?: Record<string, number>;
    max?: Record<string, number>;
  };
  const figures = parse<Record<string, number>>(output);
  if (!figures) return { pass: false, score: 0, reason: 'output is not JSON' };
  const problems: string[] = [];
  for (const [k, v] of Object.entries(limits.min ?? {}))
    if (!(figures[k] >= v)) problems.push(`${k} ${figures[k]} < ${v}`);
  for (const [k, v] of Object.entries(limits.max ?? {}))
    if (!(figures[k] <= v)) problems.push(`${k} ${figures[k]} > ${v}`);
  return {
    pass: !problems.length,
    score: problems.length ? 0 : 1,
    reason: problems.length ? problems.join('; ') : 'within limits',
  };
}
