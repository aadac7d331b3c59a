import { useId, useState } from 'react';
import type { FormEvent, JSX } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import {
  MAX_NOTE_LENGTH,
  type KnowledgeNoteRequest,
} from '@dpa/plugin-data-product-assistant-common';

export interface NoteFormProps {
  /** `table.column` choices from the product's contracts. */
  columns: string[];
  initial?: KnowledgeNoteRequest;
  submitLabel: string;
  busy: boolean;
  onSubmit(note: KnowledgeNoteRequest): void;
  onCancel?(): void;
}

/** Text plus an optional column, for adding or editing a note. */
export function NoteForm(props: NoteFormProps): JSX.Element {
  const { columns, initial, submitLabel, busy, onSubmit, onCancel } = props;
  const id = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [column, setColumn] = useState(initial?.column ?? '');
  const trimmed = text.trim();
  const tooLong = trimmed.length > MAX_NOTE_LENGTH;
  // A note may name a column the profile no longer lists; keep it selectable.
  const choices =
    column && !columns.includes(column) ? [column, ...columns] : columns;

  return (
    <Box
      component="form"
      display="flex"
      flexDirection="column"
      style={{ gap: 8 }}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (trimmed && !tooLong)
          onSubmit({ text: trimmed, column: column || undefined });
      }}
    >
      <TextField
        id={`${id}-text`}
        label="Note"
        multiline
        minRows={2}
        variant="outlined"
        value={text}
        onChange={event => setText(event.target.value)}
        error={tooLong}
        helperText={
          tooLong
            ? `Too long: the limit is ${MAX_NOTE_LENGTH} characters`
            : `${trimmed.length}/${MAX_NOTE_LENGTH}`
        }
        disabled={busy}
      />
      <TextField
        id={`${id}-column`}
        select
        label="Column (optional)"
        variant="outlined"
        value={column}
        onChange={event => setColumn(event.target.value)}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        disabled={busy}
      >
        <option value="">Whole data product</option>
        {choices.map(c => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </TextField>
      <Box display="flex" style={{ gap: 8 }}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={busy || !trimmed || tooLong}
        >
          {submitLabel}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        )}
      </Box>
    </Box>
  );
}
