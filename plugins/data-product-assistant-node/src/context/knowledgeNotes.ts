import type { KnowledgeNote } from '@dpa/plugin-data-product-assistant-common';

export type { KnowledgeNote };

/** Where notes live; implemented by the backend (database), not by the engine. */
export interface KnowledgeNoteStore {
  listNotes(entityRef: string): Promise<KnowledgeNote[]>;
}
