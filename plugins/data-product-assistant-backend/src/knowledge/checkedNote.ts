import { InputError } from '@backstage/errors';
import {
  MAX_NOTE_LENGTH,
  type KnowledgeNoteRequest,
} from '@dpa/plugin-data-product-assistant-common';

/** A note as a client sends it: `column` may be null (the whole product). */
export type NoteInput = { text: string; column?: string | null };

/** Trimmed text (not blank, at most 2,000 characters) and column (none when blank). */
export function checkedNote(input: NoteInput): KnowledgeNoteRequest {
  const text = input.text.trim();
  if (!text) throw new InputError('text must not be empty');
  if (text.length > MAX_NOTE_LENGTH) {
    throw new InputError(
      `text is too long: the limit is ${MAX_NOTE_LENGTH} characters`,
    );
  }
  const column = input.column?.trim();
  if (column && column.length > 255) {
    throw new InputError('column is too long: the limit is 255 characters');
  }
  return column ? { text, column } : { text };
}
