/**
 * The gate CI applies to what is being served: every hard threshold of
 * evals/thresholds.yaml must hold for each domain's answer model and for the
 * validator, on the suite that just ran. Quality margins need a champion to
 * compare with and belong to `dpa promote`.
 */
import {
  applyGate,
  type GateThresholdsInput,
  type ThresholdResult,
} from '@dpa/plugin-data-product-assistant-node';
import type { Metrics } from './metrics';
import { loadThresholds } from './promote';

export interface ServedGateFailure extends ThresholdResult {
  label: string;
}

export function gateServedModels(
  metrics: Record<string, Metrics>,
  thresholds: GateThresholdsInput = loadThresholds(),
): { passed: boolean; checked: string[]; failures: ServedGateFailure[] } {
  const checked: string[] = [];
  const failures: ServedGateFailure[] = [];
  for (const [label, m] of Object.entries(metrics)) {
    if (!label.endsWith('-served')) continue;
    const role = label === 'validator-served' ? 'validator' : 'answer';
    checked.push(label);
    const outcome = applyGate(m, m, thresholds, { role });
    for (const r of outcome.results) {
      if (r.kind === 'hard' && !r.passed) failures.push({ ...r, label });
    }
  }
  return { passed: failures.length === 0, checked, failures };
}
