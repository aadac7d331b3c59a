import type { VerdictStatus } from './verdict';

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
  status: Exclude<VerdictStatus, 'abstained'>;
  issues: SuggestionIssue[];
  /** Share of the tables and columns named in the explanation that exist in the profiles, in [0, 1]. */
  groundedness: number;
}

/**
 * What a suggestion's `confidence` means, in words a UI can show beside the number
 * (see this package's README: "Interop confidence").
 */
export const INTEROP_CONFIDENCE_MEANING =
  'Estimated chance that this suggestion is a real relationship: of the labelled pairs that scored like it, this share were confirmed. It ranks suggestions; it is never 100%.';

/** A scored relationship before explanation. */
export interface ScoredPair {
  from: ColumnRef;
  to: ColumnRef;
  kind: RelationshipKind;
  /**
   * Calibrated probability in (0, 1) that the pair is a real relationship (`INTEROP_CONFIDENCE_MEANING`):
   * the relationship model's score after per-column selection, mapped by a monotone calibration
   * fitted on labelled pairs. Suggestions are listed by it, best first. A suggested pair can have a
   * low confidence: suggesting is the model's decision, the confidence says how often such pairs
   * held. Three decimals.
   */
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

/** A suggestion as the API serves it: entity refs as products, a stable id, the owners' decision. */
export interface InteropMapping extends InteropSuggestion {
  /** Stable across recomputation: derived from the two columns. */
  id: string;
  decision?: InteropDecision;
}

export type InteropDecisionStatus = 'accepted' | 'rejected';

export interface InteropDecision {
  suggestionId: string;
  status: InteropDecisionStatus;
  comment?: string;
  decidedBy: string;
  decidedAt: string;
  from: ColumnRef;
  to: ColumnRef;
  kind: RelationshipKind;
}

/**
 * Another data product the asked one fits with, and every column mapping
 * between the two: the same mappings whichever of the two is asked about,
 * oriented from the asked one.
 */
export interface RelatedProduct {
  entityRef: string;
  title?: string;
  domain?: string;
  owner?: string;
  bestConfidence: number;
  mappings: InteropMapping[];
}

export interface InteropResponse {
  entityRef: string;
  /** When the suggestions were computed (they are cached until a contract changes). */
  computedAt: string;
  /** Up to `top` related products, best first; those with an accepted mapping always. */
  related: RelatedProduct[];
  /** Whether the caller may accept or reject suggestions for this product. */
  canDecide: boolean;
  stats: InteropStats;
}

/** Body of `POST /products/:namespace/:kind/:name/interop/decisions`. */
export interface InteropDecisionRequest {
  suggestionId: string;
  decision: 'accept' | 'reject';
  /** At most `MAX_COMMENT_LENGTH` (2,000) characters. */
  comment?: string;
}

/** The catalog relation between two data products with an accepted relationship; symmetric. */
export const RELATION_INTEROPERATES_WITH = 'interoperatesWith';

/** An accepted relationship as `GET /interop/accepted` serves it (service principals only). */
export interface AcceptedInteropRelationship {
  suggestionId: string;
  fromEntityRef: string;
  toEntityRef: string;
  from: ColumnRef;
  to: ColumnRef;
  kind: RelationshipKind;
  decidedAt: string;
}
