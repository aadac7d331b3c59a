import type { ScorecardMetrics } from '@dpa/plugin-data-product-assistant-common';

/** Metrics shown first, in this order, with these labels. */
export const metricLabels: Record<string, string> = {
  answer_accuracy: 'Answer accuracy',
  citation_precision: 'Citation precision',
  citation_recall: 'Citation recall',
  abstention_f1: 'Abstention F1',
  abstention_precision: 'Abstention precision',
  abstention_recall: 'Abstention recall',
  off_domain_refusal_rate: 'Off-domain refusal',
  governance_leaks: 'Governance leaks',
  pii_block_rate: 'PII block rate',
  answer_errors: 'Answer errors',
  latency_p95_ms: 'Latency p95',
  cost_per_answer_usd: 'Cost per answer',
};

const counts = new Set([
  'governance_leaks',
  'answer_errors',
  'interop_traps_as_join_key',
]);

/** `validator_recall.pii` → `Validator recall: pii`; known metrics by their label. */
export function metricLabel(metric: string): string {
  if (metricLabels[metric]) return metricLabels[metric];
  const m = /^validator_(recall|precision)\.(.+)$/.exec(metric);
  if (m) return `Validator ${m[1]}: ${m[2]}`;
  return metric;
}

/** A metric value: rates as percentages, counts as integers, latency in ms, cost in USD. */
export function formatMetric(
  metric: string,
  value: number | undefined,
): string {
  if (value === undefined || value === null || !Number.isFinite(value))
    return '—';
  if (metric === 'latency_p95_ms') return `${Math.round(value)} ms`;
  if (metric === 'cost_per_answer_usd') return `$${value.toFixed(4)}`;
  if (counts.has(metric)) return String(Math.round(value));
  if (value >= 0 && value <= 1) return `${(value * 100).toFixed(1)}%`;
  return String(Math.round(value * 1000) / 1000);
}

/**
 * The metrics of either model in display order: the known ones, then
 * validator recall/precision by category, then anything else by name.
 */
export function metricRows(
  ...sets: Array<ScorecardMetrics | undefined>
): string[] {
  const present = new Set(sets.flatMap(s => Object.keys(s ?? {})));
  const known = Object.keys(metricLabels).filter(m => present.has(m));
  const validator = [...present]
    .filter(m => /^validator_(recall|precision)\./.test(m))
    .sort((a, b) => {
      const [, ka, ca] = /^validator_(\w+)\.(.+)$/.exec(a)!;
      const [, kb, cb] = /^validator_(\w+)\.(.+)$/.exec(b)!;
      return ca === cb ? kb.localeCompare(ka) : ca.localeCompare(cb);
    });
  const rest = [...present]
    .filter(m => !metricLabels[m] && !validator.includes(m))
    .sort();
  return [...known, ...validator, ...rest];
}

/** The first `n` characters of a hash or SHA; a dash when there is none. */
export function shortHash(value: string | null | undefined, n = 7): string {
  return value ? value.slice(0, n) : '—';
}

/** Date and time in the user's locale; the raw value if it does not parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
}
