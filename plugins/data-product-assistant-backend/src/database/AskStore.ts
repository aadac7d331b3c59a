import type {
  AskFeedback,
  AskRecord,
} from '@dpa/plugin-data-product-assistant-common';

/** A stored ask plus what only reviewers see: the model output as produced. */
export interface StoredAsk extends AskRecord {
  output: {
    answer: string;
    claims: Array<{ text: string; citations: string[] }>;
    abstained: boolean;
    refused?: boolean;
  };
  /** The product's `spec.domain` when asked (budgets sum cost per domain); not returned to askers. */
  domain?: string;
}

export interface AskStore {
  insert(ask: StoredAsk): Promise<void>;
  get(id: string): Promise<StoredAsk | undefined>;
  /** Newest first. */
  listForEntity(
    entityRef: string,
    options: { limit: number; offset: number },
  ): Promise<{ items: StoredAsk[]; total: number }>;
  setFeedback(askId: string, feedback: AskFeedback): Promise<void>;
  getFeedback(askId: string, userRef: string): Promise<AskFeedback | undefined>;
}
