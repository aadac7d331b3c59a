import type { Knex } from 'knex';
import type { VerifiedAnswerRecord } from '@dpa/plugin-data-product-assistant-common';
import type { VerifiedAnswerStore } from './VerifiedAnswerStore';

export const VERIFIED_ANSWERS_TABLE = 'dpa_verified_answers';

type Row = {
  id: string;
  entity_ref: string;
  ask_id: string;
  question: string;
  answer: string;
  claims: string;
  citations: string;
  verdict: string;
  verified_by: string;
  verified_at: Date | string;
  status: string;
  demoted_at: Date | string | null;
  demoted_reason: string | null;
};

const toRow = (r: VerifiedAnswerRecord): Row => ({
  id: r.id,
  entity_ref: r.entityRef,
  ask_id: r.askId,
  question: r.question,
  answer: r.answer,
  claims: JSON.stringify(r.claims),
  citations: JSON.stringify(r.citations),
  verdict: JSON.stringify(r.verdict),
  verified_by: r.verifiedBy,
  verified_at: new Date(r.verifiedAt),
  status: r.status,
  demoted_at: r.demotedAt ? new Date(r.demotedAt) : null,
  demoted_reason: r.demotedReason ?? null,
});

const fromRow = (row: Row): VerifiedAnswerRecord => ({
  id: row.id,
  entityRef: row.entity_ref,
  askId: row.ask_id,
  question: row.question,
  answer: row.answer,
  claims: JSON.parse(row.claims),
  citations: JSON.parse(row.citations),
  verdict: JSON.parse(row.verdict),
  verifiedBy: row.verified_by,
  verifiedAt: new Date(row.verified_at).toISOString(),
  status: row.status as VerifiedAnswerRecord['status'],
  demotedAt: row.demoted_at
    ? new Date(row.demoted_at).toISOString()
    : undefined,
  demotedReason: row.demoted_reason ?? undefined,
});

const NEWEST_FIRST = [
  { column: 'verified_at', order: 'desc' as const },
  { column: 'id', order: 'desc' as const },
];

export class DatabaseVerifiedAnswerStore implements VerifiedAnswerStore {
  constructor(private readonly db: Knex) {}

  async insert(record: VerifiedAnswerRecord): Promise<void> {
    await this.db(VERIFIED_ANSWERS_TABLE).insert(toRow(record));
  }

  async get(id: string): Promise<VerifiedAnswerRecord | undefined> {
    const row = await this.db<Row>(VERIFIED_ANSWERS_TABLE)
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async listForEntity(entityRef: string, options: { all?: boolean } = {}) {
    const query = this.db<Row>(VERIFIED_ANSWERS_TABLE)
      .where({ entity_ref: entityRef })
      .orderBy(NEWEST_FIRST);
    if (!options.all) query.where({ status: 'active' });
    return (await query).map(fromRow);
  }

  async listActive() {
    const rows = await this.db<Row>(VERIFIED_ANSWERS_TABLE)
      .where({ status: 'active' })
      .orderBy(NEWEST_FIRST);
    return rows.map(fromRow);
  }

  async updateCitations(
    id: string,
    citations: VerifiedAnswerRecord['citations'],
  ): Promise<void> {
    await this.db(VERIFIED_ANSWERS_TABLE)
      .where({ id })
      .update({ citations: JSON.stringify(citations) });
  }

  async demote(id: string, reason: string, at: string): Promise<boolean> {
    const updated = await this.db(VERIFIED_ANSWERS_TABLE)
      .where({ id, status: 'active' })
      .update({
        status: 'demoted',
        demoted_reason: reason,
        demoted_at: new Date(at),
      });
    return updated === 1;
  }
}
