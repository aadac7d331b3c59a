import type {
  ContractProfile,
  InteropSuggestion,
  InteropStats,
} from '@dpa/plugin-data-product-assistant-common';

// The shapes the API serves live in -common; the engine re-exports them.
export type {
  ColumnRef,
  RelationshipKind,
  InteropExplanation,
  InteropCaveat,
  SuggestionIssue,
  SuggestionValidation,
  ScoredPair,
  InteropSuggestion,
  InteropStats,
} from '@dpa/plugin-data-product-assistant-common';

/** One data product as the interoperability engine sees it. */
export interface InteropProduct {
  /** Product id: the contract's `dataProduct` or `id` (Backstage entity name). */
  id: string;
  /** Business domain; defaults to the contract's `domain`. */
  domain?: string;
  contract: ContractProfile;
}

export interface InteropResult {
  suggestions: InteropSuggestion[];
  stats: InteropStats;
}
