import type { Knex } from 'knex';
import type { KnowledgeNoteRecord } from '@dpa/plugin-data-product-assistant-common';
import type { KnowledgeNote } from '@dpa/plugin-data-product-assistant-node';
import { engineNotes, type KnowledgeNoteStore } from './KnowledgeNoteStore';

export const NOTES_TABLE = 'dpa_knowledge_notes';

type Row = {
  id: string;
  entity_ref: string;
  text: string;
  column: string | null;
  author: string;
  created_at: Date | string;
  updated_at: Date | string;
};

const fromRow = (row: Row): KnowledgeNoteRecord => ({
  id: row.id,
  entityRef: row.entity_ref,
  text: row.text,
  column: row.column ?? undefined,
  author: row.author,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

export class DatabaseKnowledgeNoteStore implements KnowledgeNoteStore {
  constructor(private readonly db: Knex) {}

  async list(entityRef: string): Promise<KnowledgeNoteRecord[]> {
    const rows: Row[] = await this.db(NOTES_TABLE)
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(fromRow);
  }

  async listNotes(entityRef: string): Promise<KnowledgeNote[]> {
    return engineNotes(await this.list(entityRef));
  }

  async get(id: string): Promise<KnowledgeNoteRecord | undefined> {
    const row: Row | undefined = await this.db(NOTES_TABLE)
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async insert(note: KnowledgeNoteRecord): Promise<void> {
    await this.db(NOTES_TABLE).insert({
      id: note.id,
      entity_ref: note.entityRef,
      text: note.text,
      column: note.column ?? null,
      author: note.author,
      created_at: new Date(note.createdAt),
      updated_at: new Date(note.updatedAt),
    });
  }

  async update(
    id: string,
    change: Pick<
      KnowledgeNoteRecord,
      'text' | 'column' | 'author' | 'updatedAt'
    >,
  ): Promise<boolean> {
    const count = await this.db(NOTES_TABLE)
      .where({ id })
      .update({
        text: change.text,
        column: change.column ?? null,
        author: change.author,
        updated_at: new Date(change.updatedAt),
      });
    return count > 0;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db(NOTES_TABLE).where({ id }).delete()) > 0;
  }
}
