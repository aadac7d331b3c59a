/**
 * Owner-curated domain knowledge attached to a data product (and optionally
 * one of its columns). Corrections made in the review queue become notes.
 */
export interface KnowledgeNote {
  /** Stable id; the fact built from it is `note:<id>`. */
  id: string;
  /** The data product entity, e.g. `component:default/orders`. */
  entityRef: string;
  text: string;
  /** `table.column` or `column` the note is about, when it is about one. */
  column?: string;
  author: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

/** Where notes live; implemented by the backend (database), not by the engine. */
export interface KnowledgeNoteStore {
  listNotes(entityRef: string): Promise<KnowledgeNote[]>;
}
