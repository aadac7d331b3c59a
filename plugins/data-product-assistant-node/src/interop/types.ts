import type { ContractProfile } from '@dpa/plugin-data-product-assistant-common';

/** One data product as the interoperability engine sees it. */
export interface InteropProduct {
  /** Product id: the contract's `dataProduct` or `id` (Backstage entity name). */
  id: string;
  /** Business domain; defaults to the contract's `domain`. */
  domain?: string;
  contract: ContractProfile;
}

export interface ColumnRef {
  product: string;
  table: string;
  column: string;
}

export type RelationshipKind = 'join-key' | 'same-concept' | 'none';

export interface InteropExplanation {
  /** One sentence: which columns relate and how. */
  summary: string;
  /** What joining the two products enables, from their purposes and descriptions. */
  enables: string;
  /** Example SQL across the two products' tables (qualified names; never example values). */
  sql: string;
  caveats: InteropCaveat[];
}

export interface InteropCaveat {
  /** `grain-one-to-many`, `many-to-many`, `pii-join-key`, `re-identification`, `type-cast`, `not-a-join-key`. */
  code: string;
  message: string;
}

export interface SuggestionIssue {
  /** `type-incompatible`, `type-cast`, `pii-join-key-cross-domain`, `pii-join-key`, `ungrounded-reference`. */
  code: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
}

export interface SuggestionValidation {
  /** `approved`: fine to show; `flagged`: show with the issues; `blocked`: do not show as a suggestion. */
  status: 'approved' | 'flagged' | 'blocked';
  issues: SuggestionIssue[];
  /** Share of the tables and columns named in the explanation that exist in the profiles, in [0, 1]. */
  groundedness: number;
}

/** A scored relationship before explanation. */
export interface ScoredPair {
  from: ColumnRef;
  to: ColumnRef;
  kind: RelationshipKind;
  confidence: number;
  evidence: string[];
}

export interface InteropSuggestion extends ScoredPair {
  explanation: InteropExplanation;
  validation: SuggestionValidation;
}

export interface InteropStats {
  /** Columns in the index. */
  columns: number;
  /** Column pairs scored by the relationship model (after blocking). */
  candidatePairs: number;
  /** Cross-product column pairs an all-pairs scan would have scored. */
  allPairs: number;
}

export interface InteropResult {
  suggestions: InteropSuggestion[];
  stats: InteropStats;
}
