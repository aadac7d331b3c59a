import type { ScorecardMetrics } from '@dpa/plugin-data-product-assistant-common';

/**
 * Labels of the metrics the evaluation suite writes, in display order. The
 * answer suite's latency is the whole ask (answer model and validator), the
 * validator suite's the validator's alone: each shows in its own column.
 */
export const metricLabels: Record<string, string> = {
  answer_accuracy: 'Answer accuracy',
  answer_pass_rate: 'Cases passed',
  citation_precision: 'Citation precision',
  citation_recall: 'Citation recall',
  abstention_f1: 'Abstention F1',
  abstention_precision: 'Abstention precision',
  abstention_recall: 'Abstention recall',
  off_domain_refusal_rate: 'Off-domain refusal',
  pii_block_rate: 'Personal data blocked',
  governance_leaks: 'Governance leaks',
  answer_errors: 'Answer errors',
  answer_cases: 'Cases',
  cost_per_answer_usd: 'Cost per answer',
  latency_p95_ms: 'Latency p95 (whole ask)',
  validator_precision: 'Precision',
  validator_recall: 'Recall',
  validator_specificity: 'Specificity',
  validator_errors: 'Validator errors',
  validator_cases: 'Cases',
  validator_latency_p95_ms: 'Latency p95',
  interop_recall: 'Relationship recall',
  interop_precision: 'Relationship precision',
  interop_traps_as_join_key: 'Traps suggested as join key',
  interop_kind_accuracy: 'Kind accuracy',
};

const COUNT = /(^|_)(cases|errors|leaks)$|traps_as_join_key$/;

/** `validator_recall.pii` → `Recall: pii`. */
const CATEGORY = /^validator_(precision|recall|cases)\.(.+)$/;

/**
 * A metric's label, or undefined for a key the portal does not know (shown
 * under its own name with "More metrics"). A split or variant prefix is kept
 * beside the label: `test.answer_accuracy` → `Answer accuracy (test)`.
 */
export function metricLabel(metric: string): string | undefined {
  if (metricLabels[metric]) return metricLabels[metric];
  const category = CATEGORY.exec(metric);
  if (category) {
    const kind = metricLabels[`validator_${category[1]}`];
    return `${kind}: ${category[2]}`;
  }
  const prefixed = /^([A-Za-z0-9-]+)\.(.+)$/.exec(metric);
  if (prefixed) {
    const inner = metricLabel(prefixed[2]);
    if (inner) return `${inner} (${prefixed[1]})`;
  }
  return undefined;
}

/** The metric's base name, without a split prefix or a category. */
const baseName = (metric: string) =>
  metric.replace(/^[A-Za-z0-9-]+\.(?=[a-z0-9_]+$)/, '').replace(/\..*$/, '');

/** A metric value: rates as percentages, counts as integers, latency in ms, cost in USD. */
export function formatMetric(
  metric: string,
  value: number | undefined,
): string {
  if (value === undefined || value === null || !Number.isFinite(value))
    return '—';
  const base = baseName(metric);
  if (base.endsWith('_ms')) return `${Math.round(value)} ms`;
  if (base.endsWith('_usd')) return `$${value.toFixed(4)}`;
  if (COUNT.test(base)) return String(Math.round(value));
  if (value >= 0 && value <= 1) return `${(value * 100).toFixed(1)}%`;
  return String(Math.round(value * 1000) / 1000);
}

/**
 * A model's metrics in display order, split into the ones with labels (the
 * known ones in their order, then per-category validator figures, then
 * labelled variants) and the rest, by name.
 */
export function metricRows(metrics: ScorecardMetrics | undefined): {
  known: string[];
  more: string[];
} {
  const keys = Object.keys(metrics ?? {});
  const order = Object.keys(metricLabels);
  // Known metrics in their order, a split of one right after it, then categories.
  const rank = (m: string): number => {
    const i = order.indexOf(m);
    if (i >= 0) return i;
    const inner = /^[A-Za-z0-9-]+\.(.+)$/.exec(m)?.[1];
    if (inner && order.includes(inner)) return order.indexOf(inner) + 0.5;
    return order.length;
  };
  const known = keys
    .filter(k => metricLabel(k) !== undefined)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (CATEGORY.exec(a)?.[2] ?? '').localeCompare(
          CATEGORY.exec(b)?.[2] ?? '',
        ) ||
        a.localeCompare(b),
    );
  const more = keys.filter(k => metricLabel(k) === undefined).sort();
  return { known, more };
}

/**
 * The metrics that describe a model of this role. A promotion run of a
 * validator also runs the domain's answer suite through it: those figures
 * belong to the whole ask, not to the validator, and stay in the promotion
 * history.
 */
export function roleMetrics(
  metrics: ScorecardMetrics,
  role: 'answer' | 'validator',
): ScorecardMetrics {
  const isValidator = (key: string) =>
    /^([A-Za-z0-9-]+\.)?validator_/.test(key);
  return Object.fromEntries(
    Object.entries(metrics).filter(([key]) =>
      role === 'validator' ? isValidator(key) : !isValidator(key),
    ),
  );
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
