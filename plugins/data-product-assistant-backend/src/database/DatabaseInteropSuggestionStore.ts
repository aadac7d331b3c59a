import type { Knex } from 'knex';
import type {
  InteropScan,
  InteropSuggestionStore,
  StoredInteropSuggestion,
} from './InteropSuggestionStore';

const TABLE = 'dpa_interop_suggestions';
const BATCH = 200;

export class DatabaseInteropSuggestionStore implements InteropSuggestionStore {
  constructor(private readonly db: Knex) {}

  async replaceAll(scan: InteropScan): Promise<void> {
    const rows = scan.suggestions.map(({ id, suggestion: s }) => ({
      suggestion_id: id,
      from_entity_ref: s.from.product,
      from_table: s.from.table,
      from_column: s.from.column,
      to_entity_ref: s.to.product,
      to_table: s.to.table,
      to_column: s.to.column,
      kind: s.kind,
      confidence: s.confidence,
      validation_status: s.validation.status,
      suggestion: JSON.stringify(s),
      index_key: scan.indexKey,
      computed_at: scan.computedAt,
    }));
    await this.db.transaction(async tx => {
      await tx(TABLE).delete();
      if (rows.length) await tx.batchInsert(TABLE, rows, BATCH);
    });
  }

  async listForEntity(entityRef: string): Promise<StoredInteropSuggestion[]> {
    const rows: Array<{ suggestion_id: string; suggestion: string }> =
      await this.db(TABLE)
        .select('suggestion_id', 'suggestion')
        .where({ from_entity_ref: entityRef })
        .orWhere({ to_entity_ref: entityRef })
        .orderBy('confidence', 'desc');
    return rows.map(r => ({
      id: r.suggestion_id,
      suggestion: JSON.parse(r.suggestion),
    }));
  }

  async count(): Promise<number> {
    const [{ n }] = await this.db(TABLE).count({ n: '*' });
    return Number(n);
  }
}
