import type {
  ContractIssue,
  ContractProfile,
} from '@dpa/plugin-data-product-assistant-common';

export type ContractSnapshot =
  | {
      source: string;
      etag?: string;
      valid: true;
      contract: ContractProfile;
      fetchedAt: Date;
    }
  | {
      source: string;
      etag?: string;
      valid: false;
      issues: ContractIssue[];
      fetchedAt: Date;
    };

/** Where parsed contracts are kept between reads. */
export interface ContractSnapshotStore {
  get(source: string): Promise<ContractSnapshot | undefined>;
  /** Snapshots of several sources in one read; missing sources are absent from the map. */
  getMany(sources: string[]): Promise<Map<string, ContractSnapshot>>;
  put(snapshot: ContractSnapshot): Promise<void>;
  /** Records that the source was checked and had not changed. */
  touch(source: string, fetchedAt: Date): Promise<void>;
}
