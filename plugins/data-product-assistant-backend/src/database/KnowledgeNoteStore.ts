import type { KnowledgeNoteRecord } from '@dpa/plugin-data-product-assistant-common';
import type {
  KnowledgeNote,
  KnowledgeNoteStore as EngineKnowledgeNoteStore,
} from '@dpa/plugin-data-product-assistant-node';

/** Owner knowledge notes; also what the engine reads notes from. */
export interface KnowledgeNoteStore extends EngineKnowledgeNoteStore {
  /** The product's notes, oldest first, in the engine's shape. */
  listNotes(entityRef: string): Promise<KnowledgeNote[]>;
  list(entityRef: string): Promise<KnowledgeNoteRecord[]>;
  get(id: string): Promise<KnowledgeNoteRecord | undefined>;
  insert(note: KnowledgeNoteRecord): Promise<void>;
  /** Replaces text, column, author and updatedAt; false if there is no such note. */
  update(
    id: string,
    change: Pick<
      KnowledgeNoteRecord,
      'text' | 'column' | 'author' | 'updatedAt'
    >,
  ): Promise<boolean>;
  /** False if there is no such note. */
  delete(id: string): Promise<boolean>;
}

/** Notes in the engine's shape: what the engine cites, without the edit time. */
export const engineNotes = (records: KnowledgeNoteRecord[]): KnowledgeNote[] =>
  records.map(({ updatedAt: _updatedAt, ...note }) => note);
