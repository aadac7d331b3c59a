import type { Knex } from 'knex';
import type {
  ContractSnapshot,
  ContractSnapshotStore,
} from './ContractSnapshotStore';

type Row = {
  source: string;
  etag: string | null;
  valid: boolean | number;
  contract: string | null;
  issues: string | null;
  fetched_at: Date | string;
};

const TABLE = 'dpa_contract_snapshots';
const CHUNK = 500;

function fromRow(row: Row): ContractSnapshot {
  const base = {
    source: row.source,
    etag: row.etag ?? undefined,
    fetchedAt: new Date(row.fetched_at),
  };
  return row.valid
    ? { ...base, valid: true, contract: JSON.parse(row.contract ?? '{}') }
    : { ...base, valid: false, issues: JSON.parse(row.issues ?? '[]') };
}

export class DatabaseContractSnapshotStore implements ContractSnapshotStore {
  constructor(private readonly db: Knex) {}

  async get(source: string): Promise<ContractSnapshot | undefined> {
    const row: Row | undefined = await this.db(TABLE).where({ source }).first();
    return row ? fromRow(row) : undefined;
  }

  async getMany(sources: string[]): Promise<Map<string, ContractSnapshot>> {
    const result = new Map<string, ContractSnapshot>();
    for (let i = 0; i < sources.length; i += CHUNK) {
      const rows: Row[] = await this.db(TABLE).whereIn(
        'source',
        sources.slice(i, i + CHUNK),
      );
      for (const row of rows) result.set(row.source, fromRow(row));
    }
    return result;
  }

  async put(snapshot: ContractSnapshot): Promise<void> {
    await this.db(TABLE)
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

  async touch(source: string, fetchedAt: Date): Promise<void> {
    await this.db(TABLE).where({ source }).update({ fetched_at: fetchedAt });
  }
}
