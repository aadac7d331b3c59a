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

/** An owner-curated note on a data product, as the API returns it. */
export interface KnowledgeNoteRecord {
  id: string;
  entityRef: string;
  text: string;
  /** `table.column` or `column`, when the note is about one. */
  column?: string;
  /** User entity ref of whoever last wrote the note. */
  author: string;
  createdAt: string;
  updatedAt: string;
}
