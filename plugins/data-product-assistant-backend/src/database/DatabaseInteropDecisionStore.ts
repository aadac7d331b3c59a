import type { Knex } from 'knex';
import type {
  InteropDecision,
  InteropDecisionStatus,
  RelationshipKind,
} from '@dpa/plugin-data-product-assistant-common';
import type { InteropDecisionStore } from './InteropDecisionStore';

const TABLE = 'dpa_interop_decisions';

type Row = {
  suggestion_id: string;
  from_entity_ref: string;
  from_table: string;
  from_column: string;
  to_entity_ref: string;
  to_table: string;
  to_column: string;
  kind: string;
  status: string;
  comment: string | null;
  decided_by: string;
  decided_at: Date | string;
};

const toRow = (d: InteropDecision): Row => ({
  suggestion_id: d.suggestionId,
  from_entity_ref: d.from.product,
  from_table: d.from.table,
  from_column: d.from.column,
  to_entity_ref: d.to.product,
  to_table: d.to.table,
  to_column: d.to.column,
  kind: d.kind,
  status: d.status,
  comment: d.comment ?? null,
  decided_by: d.decidedBy,
  decided_at: new Date(d.decidedAt),
});

const fromRow = (row: Row): InteropDecision => ({
  suggestionId: row.suggestion_id,
  status: row.status as InteropDecisionStatus,
  comment: row.comment ?? undefined,
  decidedBy: row.decided_by,
  decidedAt: new Date(row.decided_at).toISOString(),
  from: {
    product: row.from_entity_ref,
    table: row.from_table,
    column: row.from_column,
  },
  to: {
    product: row.to_entity_ref,
    table: row.to_table,
    column: row.to_column,
  },
  kind: row.kind as RelationshipKind,
});

export class DatabaseInteropDecisionStore implements InteropDecisionStore {
  constructor(private readonly db: Knex) {}

  async put(decision: InteropDecision): Promise<void> {
    await this.db(TABLE)
      .insert(toRow(decision))
      .onConflict('suggestion_id')
      .merge();
  }

  async get(suggestionId: string): Promise<InteropDecision | undefined> {
    const row: Row | undefined = await this.db(TABLE)
      .where({ suggestion_id: suggestionId })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async listForEntity(entityRef: string): Promise<InteropDecision[]> {
    const rows: Row[] = await this.db(TABLE)
      .where({ from_entity_ref: entityRef })
      .orWhere({ to_entity_ref: entityRef });
    return rows.map(fromRow);
  }

  async listAccepted(): Promise<InteropDecision[]> {
    const rows: Row[] = await this.db(TABLE)
      .where({ status: 'accepted' })
      .orderBy('suggestion_id');
    return rows.map(fromRow);
  }
}
