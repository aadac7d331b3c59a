import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { z } from 'zod';
import { canonicalJson } from '../models/spec';
import { pairedTest, type PairedCounts } from './pairedTest';
import type {
  GateMetrics,
  RegistryRole,
  ThresholdResult,
} from './registryRecord';

/**
 * Which results a threshold reads: a domain's answer suite, the answer suite on
 * contracts nobody tuned on (`answer-unseen`), the validator suite, or the
 * interoperability suite. A promotion of a validator runs the domain's answer
 * suite too, so it is held to both.
 */
export const gateRoleSchema = z.enum([
  'answer',
  'answer-unseen',
  'validator',
  'interop',
]);
export type GateRole = z.infer<typeof gateRoleSchema>;

const rolesSchema = z.array(gateRoleSchema).min(1);

const absoluteSchema = z
  .object({
    metric: z.string().min(1),
    op: z.enum(['>=', '<=', '==']),
    value: z.number(),
    roles: rolesSchema,
    description: z.string().optional(),
  })
  .strict();

const qualitySchema = z
  .object({
    metric: z.string().min(1),
    /** How far the challenger may fall behind the champion (absolute, in the metric's unit). */
    margin: z.number().min(0),
    direction: z.enum(['higher', 'lower']).default('higher'),
    roles: rolesSchema,
    description: z.string().optional(),
  })
  .strict();

/** `evals/thresholds.yaml`. */
export const gateThresholdsSchema = z
  .object({
    /** Governance and safety: must hold outright, for every served model and every challenger. */
    hard: z.array(absoluteSchema).default([]),
    /** Absolute floors on quality metrics: must hold outright too, so promotions cannot ratchet quality down. */
    floors: z.array(absoluteSchema).default([]),
    /** Champion-relative: the challenger may not fall behind by more than the margin, nor significantly on the paired test. */
    quality: z.array(qualitySchema).default([]),
    paired: z
      .object({
        /** A quality threshold fails when the one-sided exact McNemar p-value of the challenger being worse is below alpha. */
        alpha: z.number().gt(0).lt(1).default(0.05),
      })
      .strict()
      .default({ alpha: 0.05 }),
  })
  .strict();
export type GateThresholdsInput = z.input<typeof gateThresholdsSchema>;
export type GateThresholds = z.output<typeof gateThresholdsSchema>;

/** Parses the text of a thresholds file (YAML or JSON), throwing a one-line error naming every problem. */
export function parseGateThresholds(text: string): GateThresholds {
  const parsed = gateThresholdsSchema.safeParse(parse(text));
  if (!parsed.success)
    throw new Error(
      `invalid thresholds: ${parsed.error.issues
        .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

/**
 * sha256 over the canonical JSON of the parsed thresholds: comments and
 * formatting do not change it, any rule or value does. A promotion record
 * carries the hash of the thresholds it passed.
 */
export function thresholdsHash(input: GateThresholdsInput): string {
  return createHash('sha256')
    .update(canonicalJson(gateThresholdsSchema.parse(input)))
    .digest('hex');
}

/** The suites a promotion of this role runs, so the thresholds that apply. */
export function gateRolesFor(role: RegistryRole): GateRole[] {
  return role === 'validator' ? ['answer', 'validator'] : ['answer'];
}

export interface GateOutcome {
  verdict: 'promoted' | 'refused';
  results: ThresholdResult[];
  /** One line per failed threshold. */
  reasons: string[];
}

const fmt = (x: number | null) => {
  if (x === null) return 'n/a';
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
};

const EPS = 1e-9;

function compare(op: '>=' | '<=' | '==', a: number, b: number): boolean {
  if (op === '>=') return a >= b - EPS;
  if (op === '<=') return a <= b + EPS;
  return Math.abs(a - b) <= EPS;
}

function value(metrics: GateMetrics, name: string): number | null {
  const v = metrics[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

const fmtP = (p: number) => (p < 0.0001 ? p.toExponential(2) : p.toFixed(4));

/**
 * Applies the thresholds to a challenger (and, for quality, its champion):
 * - hard and floor thresholds must hold for the challenger outright; one it
 *   was not measured on fails (a gate that cannot see a metric does not pass it);
 * - a quality metric may not fall behind the champion by more than its margin
 *   and, where `paired` holds case-by-case counts for it, the challenger may not
 *   be significantly worse (one-sided exact McNemar p < `paired.alpha`); a
 *   quality metric measured for neither model is skipped.
 * Only thresholds of the given roles apply (all when none are given).
 */
export function applyGate(
  champion: GateMetrics,
  challenger: GateMetrics,
  thresholdsInput: GateThresholdsInput,
  options: {
    roles?: readonly GateRole[];
    paired?: Readonly<Record<string, PairedCounts>>;
  } = {},
): GateOutcome {
  const thresholds = gateThresholdsSchema.parse(thresholdsInput);
  const applies = (roles: readonly GateRole[]) =>
    !options.roles || roles.some(r => options.roles!.includes(r));
  const results: ThresholdResult[] = [];
  for (const [kind, list] of [
    ['hard', thresholds.hard],
    ['floor', thresholds.floors],
  ] as const) {
    for (const t of list) {
      if (!applies(t.roles)) continue;
      const ch = value(champion, t.metric);
      const cl = value(challenger, t.metric);
      const passed = cl !== null && compare(t.op, cl, t.value);
      results.push({
        metric: t.metric,
        kind,
        op: t.op,
        value: t.value,
        champion: ch,
        challenger: cl,
        passed,
        reason:
          cl === null
            ? `${t.metric} was not measured (must be ${t.op} ${fmt(t.value)})`
            : `${t.metric} = ${fmt(cl)} ${passed ? 'holds' : 'breaks'} ${
                t.op
              } ${fmt(t.value)}`,
      });
    }
  }
  for (const t of thresholds.quality) {
    if (!applies(t.roles)) continue;
    const ch = value(champion, t.metric);
    const cl = value(challenger, t.metric);
    const counts = options.paired?.[t.metric];
    const paired = counts ? pairedTest(counts) : undefined;
    const base = {
      metric: t.metric,
      kind: 'quality' as const,
      margin: t.margin,
      direction: t.direction,
      champion: ch,
      challenger: cl,
      ...(paired ? { paired } : {}),
    };
    if (cl === null && ch === null) {
      results.push({
        ...base,
        passed: true,
        skipped: true,
        reason: 'not measured for either model',
      });
      continue;
    }
    const problems: string[] = [];
    let note: string;
    if (cl === null) {
      problems.push(`${t.metric} was not measured for the challenger`);
      note = '';
    } else if (ch === null) {
      note = `${t.metric} = ${fmt(
        cl,
      )}; the champion has no figure to compare with`;
    } else {
      const regression = t.direction === 'higher' ? ch - cl : cl - ch;
      if (regression > t.margin + EPS)
        problems.push(
          `${t.metric} ${fmt(cl)} falls behind champion ${fmt(ch)} by ${fmt(
            regression,
          )} (margin ${fmt(t.margin)})`,
        );
      note = `${t.metric} ${fmt(cl)} vs champion ${fmt(
        ch,
      )} (within margin ${fmt(t.margin)})`;
    }
    if (paired && paired.pWorse < thresholds.paired.alpha)
      problems.push(
        `${t.metric}: challenger significantly worse case by case (${
          paired.championOnly
        } regressions vs ${
          paired.challengerOnly
        } improvements, one-sided p = ${fmtP(paired.pWorse)} < ${
          thresholds.paired.alpha
        })`,
      );
    const pairedNote = paired
      ? `; paired: ${paired.championOnly} regressions, ${
          paired.challengerOnly
        } improvements of ${paired.cases} cases, p = ${fmtP(paired.pValue)}`
      : '';
    results.push({
      ...base,
      passed: problems.length === 0,
      reason: `${problems.length ? problems.join('; ') : note}${pairedNote}`,
    });
  }
  const reasons = results
    .filter(r => !r.passed)
    .map(r => `${r.kind}: ${r.reason}`);
  return { verdict: reasons.length ? 'refused' : 'promoted', results, reasons };
}
