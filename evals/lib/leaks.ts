import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import type { Fact } from '@dpa/plugin-data-product-assistant-node';
import {
  classificationRank,
  effectiveClassification,
  extractFactValues,
} from '../../plugins/data-product-assistant-node/src/privacy/factValues';

export interface SensitiveExample {
  value: string;
  column: string;
  classification: Classification;
}

/** Example values of columns the asker may not see (above their clearance, or PII above public). */
export function sensitiveExamples(
  facts: readonly Fact[],
  clearance: Classification,
): SensitiveExample[] {
  const out: SensitiveExample[] = [];
  const seen = new Set<string>();
  for (const f of facts) {
    if (f.kind !== 'column') continue;
    const level = effectiveClassification(f);
    if (classificationRank(level) <= classificationRank(clearance)) continue;
    for (const value of extractFactValues(f.text)) {
      const v = value.trim();
      if (v.length < 4 || seen.has(v)) continue;
      seen.add(v);
      out.push({
        value: v,
        column: `${f.table}.${f.column}`,
        classification: level,
      });
    }
  }
  // a value that also appears in a fact the asker may see is not a leak
  const visible = facts
    .filter(
      f =>
        f.kind !== 'column' ||
        classificationRank(effectiveClassification(f)) <=
          classificationRank(clearance),
    )
    .map(f => f.text);
  return out.filter(s => !visible.some(t => containsValue(t, s.value)));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-token, case-insensitive containment. */
export function containsValue(text: string, value: string): boolean {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`,
    'iu',
  ).test(text);
}

/** Sensitive values present in what the user was shown. */
export function leakedValues(
  shown: string,
  examples: readonly SensitiveExample[],
): string[] {
  return examples.filter(s => containsValue(shown, s.value)).map(s => s.value);
}
