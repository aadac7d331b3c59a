import type { KnowledgeNoteRecord } from '@dpa/plugin-data-product-assistant-common';
import type { KnowledgeNote } from '@dpa/plugin-data-product-assistant-node';
import { NOTES_TABLE } from './DatabaseKnowledgeNoteStore';
import { engineNotes, type KnowledgeNoteStore } from './KnowledgeNoteStore';
import type { TableChangeFeed } from './TableChangeFeed';
import { TableReadCache } from './TableReadCache';

/**
 * A product's notes kept in memory between changes: every ask reads them,
 * owners rarely write them. Writes and single reads go to the store.
 */
export class CachedKnowledgeNoteStore implements KnowledgeNoteStore {
  private readonly byEntity: TableReadCache<KnowledgeNoteRecord[]>;

  constructor(
    private readonly store: KnowledgeNoteStore,
    feed: TableChangeFeed,
  ) {
    this.byEntity = new TableReadCache(feed, NOTES_TABLE);
  }

  list(entityRef: string): Promise<KnowledgeNoteRecord[]> {
    return this.byEntity.read(entityRef, () => this.store.list(entityRef));
  }

  async listNotes(entityRef: string): Promise<KnowledgeNote[]> {
    return engineNotes(await this.list(entityRef));
  }

  get(id: string): Promise<KnowledgeNoteRecord | undefined> {
    return this.store.get(id);
  }

  insert(note: KnowledgeNoteRecord): Promise<void> {
    return this.byEntity.afterWrite(() => this.store.insert(note));
  }

  update(
    id: string,
    change: Pick<
      KnowledgeNoteRecord,
      'text' | 'column' | 'author' | 'updatedAt'
    >,
  ): Promise<boolean> {
    return this.byEntity.afterWrite(() => this.store.update(id, change));
  }

  delete(id: string): Promise<boolean> {
    return this.byEntity.afterWrite(() => this.store.delete(id));
  }
}
