/**
 * The gate CI applies to what is being served (`dpa eval --gate`): every
 * label that ran (each domain's answer model, the validator, the interop
 * matcher, exported review cases) is held to the hard thresholds and the
 * absolute floors of evals/thresholds.yaml that apply to the suites it ran.
 * A failing case in a hard category fails it through `hard_case_failures`.
 * Quality margins need a champion to compare with and belong to `dpa promote`.
 */
import {
  applyGate,
  thresholdsHash,
  type GateRole,
  type GateThresholdsInput,
  type ThresholdResult,
} from '@dpa/plugin-data-product-assistant-node';
import type { Metrics } from './metrics';

export interface ServedGateFailure extends ThresholdResult {
  label: string;
}

export interface HardCaseFailure {
  label: string;
  suite: string;
  case: string;
  categories: string[];
}

export interface ServedGateOutcome {
  passed: boolean;
  /** Every label checked, with the roles whose thresholds applied. */
  checked: Array<{ label: string; roles: GateRole[] }>;
  /** Hard and floor thresholds that failed. */
  failures: ServedGateFailure[];
  /** The failing cases of hard categories (each also counts in `hard_case_failures`). */
  hardCases: HardCaseFailure[];
  thresholdsHash: string;
}

export function gateServedModels(
  metrics: Record<string, Metrics>,
  roles: Record<string, readonly GateRole[]>,
  thresholds: GateThresholdsInput,
  hardCases: readonly HardCaseFailure[] = [],
): ServedGateOutcome {
  const checked: ServedGateOutcome['checked'] = [];
  const failures: ServedGateFailure[] = [];
  for (const [label, m] of Object.entries(metrics)) {
    const labelRoles = [...(roles[label] ?? [])];
    if (!labelRoles.length) continue;
    checked.push({ label, roles: labelRoles });
    const outcome = applyGate(m, m, thresholds, { roles: labelRoles });
    for (const r of outcome.results)
      if (r.kind !== 'quality' && !r.passed) failures.push({ ...r, label });
  }
  return {
    // a failing hard case fails the gate even if no threshold names its metric
    passed: failures.length === 0 && hardCases.length === 0,
    checked,
    failures,
    hardCases: [...hardCases],
    thresholdsHash: thresholdsHash(thresholds),
  };
}
