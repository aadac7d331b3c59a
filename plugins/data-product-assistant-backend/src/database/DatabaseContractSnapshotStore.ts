import type { Knex } from 'knex';
import type { ContractSnapshot, ContractSnapshotStore } from './ContractSnapshotStore';

type Row = {
  source: string;
  etag: string | null;
  valid: boolean | number;
  contract: string | null;
  issues: string | null;
  fetched_at: Date | string;
};

export class DatabaseContractSnapshotStore implements ContractSnapshotStore {
  constructor(private readonly db: Knex) {}

  async get(source: string): Promise<ContractSnapshot | undefined> {
    const row: Row | undefined = await this.db('dpa_contract_snapshots')
      .where({ source })
      .first();
    if (!row) return undefined;
    const base = {
      source: row.source,
      etag: row.etag ?? undefined,
      fetchedAt: new Date(row.fetched_at),
    };
    return row.valid
      ? { ...base, valid: true, contract: JSON.parse(row.contract ?? '{}') }
      : { ...base, valid: false, issues: JSON.parse(row.issues ?? '[]') };
  }

  async put(snapshot: ContractSnapshot): Promise<void> {
    await this.db('dpa_contract_snapshots')
      .insert({
        source: snapshot.source,
        etag: snapshot.etag ?? null,
        valid: snapshot.valid,
        contract: snapshot.valid ? JSON.stringify(snapshot.contract) : null,
        issues: snapshot.valid ? null : JSON.stringify(snapshot.issues),
        fetched_at: snapshot.fetchedAt,
      })
      .onConflict('source')
      .merge();
  }
}
