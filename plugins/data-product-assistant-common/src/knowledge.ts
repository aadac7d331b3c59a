import { z } from 'zod';

export const MAX_NOTE_LENGTH = 2000;

/** Body of `POST`/`PUT /products/:ns/:kind/:name/notes[/:id]`. */
export const knowledgeNoteRequestSchema = z.object({
  text: z
    .string({ error: 'text is required and must be a string' })
    .trim()
    .min(1, 'text must not be empty')
    .max(
      MAX_NOTE_LENGTH,
      `text is too long: the limit is ${MAX_NOTE_LENGTH} characters`,
    ),
  column: z
    .string({
      error:
        'column must be a string such as "orders.net_amount" or "net_amount"',
    })
    .trim()
    .max(255, 'column is too long: the limit is 255 characters')
    .nullish()
    .transform(value => value || undefined),
});
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
