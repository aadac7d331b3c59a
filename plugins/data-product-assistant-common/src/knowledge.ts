export const MAX_NOTE_LENGTH = 2000;

/** What a client sends to add or edit a note. */
export interface KnowledgeNoteRequest {
  text: string;
  /** `table.column` or `column` of the product's contract; left out: the whole product. */
  column?: string;
}

/**
 * Owner-curated domain knowledge on a data product (and optionally one of its
 * columns), cited in answers like any other fact (`note:<id>`). Corrections
 * made in the review queue can become notes.
 */
export interface KnowledgeNote {
  id: string;
  /** The data product entity, e.g. `component:default/orders`. */
  entityRef: string;
  text: string;
  /** `table.column` or `column` of the contract, when the note is about one. */
  column?: string;
  /** User entity ref of whoever last wrote the note. */
  author: string;
  /** ISO 8601. */
  createdAt: string;
}

/** A note as the API returns it. */
export interface KnowledgeNoteRecord extends KnowledgeNote {
  updatedAt: string;
}
