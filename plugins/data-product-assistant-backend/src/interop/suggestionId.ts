import { createHash } from 'node:crypto';
import type { ColumnRef } from '@dpa/plugin-data-product-assistant-common';

const key = (ref: ColumnRef) => `${ref.product}|${ref.table}|${ref.column}`;

/**
 * The stable id of a suggestion: the same two columns give the same id in
 * either orientation and across recomputations, so decisions stay attached.
 */
export function suggestionId(a: ColumnRef, b: ColumnRef): string {
  const keys = [key(a), key(b)].sort();
  return createHash('sha256')
    .update(keys.join('\n'))
    .digest('hex')
    .slice(0, 16);
}
