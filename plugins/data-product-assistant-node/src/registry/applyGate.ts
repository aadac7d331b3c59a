import { z } from 'zod';
import type {
  GateMetrics,
  RegistryRole,
  ThresholdResult,
} from './registryRecord';

const rolesSchema = z.array(z.enum(['answer', 'validator'])).optional();

const hardSchema = z
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
    hard: z.array(hardSchema).default([]),
    quality: z.array(qualitySchema).default([]),
  })
  .strict();
export type GateThresholdsInput = z.input<typeof gateThresholdsSchema>;
export type GateThresholds = z.output<typeof gateThresholdsSchema>;

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

/**
 * Applies the thresholds: every hard threshold must hold for the challenger
 * outright; no quality metric may fall behind the champion by more than its
 * margin. A metric the challenger lacks fails (unless neither model has it,
 * then the threshold is skipped). Thresholds limited to other roles are left out.
 */
export function applyGate(
  champion: GateMetrics,
  challenger: GateMetrics,
  thresholdsInput: GateThresholdsInput,
  options: { role?: RegistryRole } = {},
): GateOutcome {
  const thresholds = gateThresholdsSchema.parse(thresholdsInput);
  const applies = (roles?: RegistryRole[]) =>
    !roles || !options.role || roles.includes(options.role);
  const results: ThresholdResult[] = [];

  for (const t of thresholds.hard) {
    if (!applies(t.roles)) continue;
    const ch = value(champion, t.metric);
    const cl = value(challenger, t.metric);
    if (cl === null && ch === null) {
      results.push({
        metric: t.metric,
        kind: 'hard',
        op: t.op,
        value: t.value,
        champion: ch,
        challenger: cl,
        passed: true,
        skipped: true,
        reason: 'not measured for either model',
      });
      continue;
    }
    const passed = cl !== null && compare(t.op, cl, t.value);
    results.push({
      metric: t.metric,
      kind: 'hard',
      op: t.op,
      value: t.value,
      champion: ch,
      challenger: cl,
      passed,
      reason:
        cl === null
          ? `${t.metric} was not measured for the challenger (must be ${
              t.op
            } ${fmt(t.value)})`
          : `${t.metric} = ${fmt(cl)} ${passed ? 'holds' : 'breaks'} ${
              t.op
            } ${fmt(t.value)}`,
    });
  }

  for (const t of thresholds.quality) {
    if (!applies(t.roles)) continue;
    const ch = value(champion, t.metric);
    const cl = value(challenger, t.metric);
    if (cl === null && ch === null) {
      results.push({
        metric: t.metric,
        kind: 'quality',
        margin: t.margin,
        direction: t.direction,
        champion: ch,
        challenger: cl,
        passed: true,
        skipped: true,
        reason: 'not measured for either model',
      });
      continue;
    }
    let passed: boolean;
    let reason: string;
    if (cl === null) {
      passed = false;
      reason = `${t.metric} was not measured for the challenger`;
    } else if (ch === null) {
      passed = true;
      reason = `${t.metric} = ${fmt(
        cl,
      )}; the champion has no figure to compare with`;
    } else {
      const regression = t.direction === 'higher' ? ch - cl : cl - ch;
      passed = regression <= t.margin + EPS;
      reason = passed
        ? `${t.metric} ${fmt(cl)} vs champion ${fmt(ch)} (within margin ${fmt(
            t.margin,
          )})`
        : `${t.metric} ${fmt(cl)} falls behind champion ${fmt(ch)} by ${fmt(
            regression,
          )} (margin ${fmt(t.margin)})`;
    }
    results.push({
      metric: t.metric,
      kind: 'quality',
      margin: t.margin,
      direction: t.direction,
      champion: ch,
      challenger: cl,
      passed,
      reason,
    });
  }

  const reasons = results
    .filter(r => !r.passed)
    .map(r => `${r.kind}: ${r.reason}`);
  return { verdict: reasons.length ? 'refused' : 'promoted', results, reasons };
}
