import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import type { Fact } from '../models/types';
import {
  classificationRank,
  effectiveClassification,
  extractFactValues,
} from './factValues';
import {
  maskFacts,
  maskText,
  revealUpTo,
  unmask,
  type SensitiveValue,
} from './placeholders';

/** Example values of PII / confidential / restricted columns anywhere in the product. */
export function sensitiveValues(facts: Fact[]): SensitiveValue[] {
  const out: SensitiveValue[] = [];
  for (const f of facts) {
    if (f.kind !== 'column') continue;
    const level = effectiveClassification(f);
    if (classificationRank(level) < classificationRank('confidential'))
      continue;
    for (const value of extractFactValues(f.text)) {
      out.push({
        value,
        classification: level,
        table: f.table,
        column: f.column,
      });
    }
  }
  return out;
}

/**
 * The text with the product's column values above the reader's clearance
 * replaced by `[redacted <type>]`: what a reviewer may read of a stored answer.
 */
export function redactAboveClearance(
  text: string,
  facts: Fact[],
  clearance: Classification,
): string {
  const { vault } = maskFacts([], { values: sensitiveValues(facts) });
  if (vault.entries.length === 0) return text;
  return unmask(maskText(text, vault, { detect: false }), vault, {
    reveal: revealUpTo(clearance),
  });
}
