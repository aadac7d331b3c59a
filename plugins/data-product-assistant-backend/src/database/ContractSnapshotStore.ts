import type {
  ContractIssue,
  ContractProfile,
} from '@dpa/plugin-data-product-assistant-common';

export type ContractSnapshot =
  | { source: string; etag?: string; valid: true; contract: ContractProfile; fetchedAt: Date }
  | { source: string; etag?: string; valid: false; issues: ContractIssue[]; fetchedAt: Date };

/** Where parsed contracts are kept between reads. */
export interface ContractSnapshotStore {
  get(source: string): Promise<ContractSnapshot | undefined>;
  put(snapshot: ContractSnapshot): Promise<void>;
}
