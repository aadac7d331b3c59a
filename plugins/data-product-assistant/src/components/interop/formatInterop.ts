import {
  ColumnRef,
  InteropMapping,
} from '@dpa/plugin-data-product-assistant-common';

/** `table.column`. */
export function columnPath(ref: Pick<ColumnRef, 'table' | 'column'>): string {
  return `${ref.table}.${ref.column}`;
}

/** `from.column ↔ to.column`: what the decision buttons are named after. */
export function mappingLabel(mapping: Pick<InteropMapping, 'from' | 'to'>) {
  return `${mapping.from.column} ↔ ${mapping.to.column}`;
}

/** A confidence in [0, 1] as a whole percentage, clamped. */
export function formatPercent(value: number): string {
  return `${toPercent(value)}%`;
}

/** A confidence in [0, 1] as a whole number 0..100, clamped. */
export function toPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(1, Math.max(0, value)) * 100);
}

/** A date in the user's locale (day, short month, year); the raw value if it does not parse. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      });
}
