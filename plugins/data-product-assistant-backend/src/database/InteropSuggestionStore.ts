import type { InteropSuggestion } from '@dpa/plugin-data-product-assistant-common';

export interface StoredInteropSuggestion {
  id: string;
  suggestion: InteropSuggestion;
}

export interface InteropScan {
  /** Hash of the contract snapshots the scan indexed. */
  indexKey: string;
  computedAt: Date;
  suggestions: StoredInteropSuggestion[];
}

/** The last scheduled full scan, shared by every backend instance. */
export interface InteropSuggestionStore {
  /** Replaces the previous scan's suggestions. */
  replaceAll(scan: InteropScan): Promise<void>;
  /** The stored suggestions involving the product, either side. */
  listForEntity(entityRef: string): Promise<StoredInteropSuggestion[]>;
  count(): Promise<number>;
}
