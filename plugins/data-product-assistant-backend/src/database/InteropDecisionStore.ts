import type { InteropDecision } from '@dpa/plugin-data-product-assistant-common';

/** Owners' decisions on relationship suggestions, one (the latest) per suggestion id. */
export interface InteropDecisionStore {
  /** Inserts or replaces the decision on `decision.suggestionId`. */
  put(decision: InteropDecision): Promise<void>;
  get(suggestionId: string): Promise<InteropDecision | undefined>;
  /** Decisions on suggestions that involve the product, either side. */
  listForEntity(entityRef: string): Promise<InteropDecision[]>;
  listAccepted(): Promise<InteropDecision[]>;
}
