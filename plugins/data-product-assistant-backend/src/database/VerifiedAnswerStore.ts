import type { VerifiedAnswerRecord } from '@dpa/plugin-data-product-assistant-common';

/** Owner-verified answers, reused for the same or a near-identical question. */
export interface VerifiedAnswerStore {
  insert(record: VerifiedAnswerRecord): Promise<void>;
  get(id: string): Promise<VerifiedAnswerRecord | undefined>;
  /** The product's verified answers, newest first; only active ones unless `all`. */
  listForEntity(
    entityRef: string,
    options?: { all?: boolean },
  ): Promise<VerifiedAnswerRecord[]>;
  /** Every active verified answer, for the scheduled re-check. */
  listActive(): Promise<VerifiedAnswerRecord[]>;
  /** Records the cited facts as they read now, after a re-check found no contradiction. */
  updateCitations(
    id: string,
    citations: VerifiedAnswerRecord['citations'],
  ): Promise<void>;
  /** Demotes an active answer; false when it was not active (already demoted). */
  demote(id: string, reason: string, at: string): Promise<boolean>;
}
