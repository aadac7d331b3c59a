import { useState } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  DataProductProfile,
  KnowledgeNoteRecord,
  KnowledgeNoteRequest,
} from '@dpa/plugin-data-product-assistant-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductAssistantApiRef } from '../../api';
import { errorMessage } from '../ask/errorMessage';
import { useIsDataProductOwner } from '../OwnershipChip';
import { NoteForm } from './NoteForm';

export interface KnowledgeCardProps {
  entity: Entity;
  /** Supplies the column choices; without it notes are about the whole product. */
  profile?: DataProductProfile;
}

/** `table.column` of every column in the profile's contracts. */
export function profileColumns(profile?: DataProductProfile): string[] {
  const names = new Set<string>();
  for (const contract of profile?.contracts ?? []) {
    for (const table of contract.tables) {
      for (const column of table.columns)
        names.add(`${table.name}.${column.name}`);
    }
  }
  return [...names];
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * "Domain knowledge": owner-curated notes the assistant cites like any
 * other fact. Everyone who can read the product reads them; owners edit.
 */
export function KnowledgeCard(props: KnowledgeCardProps): JSX.Element {
  const { entity, profile } = props;
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(dataProductAssistantApiRef);
  const { isOwner } = useIsDataProductOwner(entity);
  const {
    value: notes,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => api.listNotes(entityRef), [api, entityRef]);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<Error | undefined>();
  const [editing, setEditing] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const columns = profileColumns(profile);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      retry();
      return true;
    } catch (e) {
      setActionError(e as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (note: KnowledgeNoteRequest) => {
    if (await run(() => api.addNote(entityRef, note))) setAdding(false);
  };
  const update = async (id: string, note: KnowledgeNoteRequest) => {
    if (await run(() => api.updateNote(entityRef, id, note)))
      setEditing(undefined);
  };
  const remove = (note: KnowledgeNoteRecord) =>
    run(() => api.deleteNote(entityRef, note.id));

  return (
    <Box component="section" aria-label="Domain knowledge">
      <InfoCard
        title="Domain knowledge"
        subheader="Notes from this data product's owners. The assistant cites them like any other fact."
      >
        {loading && !notes && <Progress />}
        {error && (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={retry}>
                Retry
              </Button>
            }
          >
            Could not load the notes: {errorMessage(error)}
          </Alert>
        )}
        {actionError && (
          <Alert severity="error" onClose={() => setActionError(undefined)}>
            {errorMessage(actionError)}
          </Alert>
        )}
        {notes && notes.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No notes yet.
            {isOwner
              ? ' Add what consumers should know that the contract does not say.'
              : ''}
          </Typography>
        )}
        {notes && notes.length > 0 && (
          <List aria-label="Knowledge notes">
            {notes.map(note => (
              <ListItem key={note.id} divider alignItems="flex-start">
                {editing === note.id ? (
                  <Box flexGrow={1}>
                    <NoteForm
                      columns={columns}
                      initial={{ text: note.text, column: note.column }}
                      submitLabel="Save"
                      busy={busy}
                      onSubmit={change => update(note.id, change)}
                      onCancel={() => setEditing(undefined)}
                    />
                  </Box>
                ) : (
                  <Box display="flex" flexGrow={1} alignItems="flex-start">
                    <Box flexGrow={1}>
                      <Typography
                        variant="body1"
                        style={{ whiteSpace: 'pre-wrap' }}
                      >
                        {note.text}
                      </Typography>
                      <Box
                        display="flex"
                        alignItems="center"
                        style={{ gap: 8 }}
                        mt={0.5}
                      >
                        {note.column && (
                          <Chip size="small" label={note.column} />
                        )}
                        <Typography variant="caption" color="textSecondary">
                          {note.author} ·{' '}
                          {formatTime(note.updatedAt ?? note.createdAt)}
                        </Typography>
                      </Box>
                    </Box>
                    {isOwner && (
                      <Box display="flex">
                        <IconButton
                          aria-label={`Edit note ${note.id}`}
                          size="small"
                          disabled={busy}
                          onClick={() => setEditing(note.id)}
                        >
                          <EditIcon fontSize="small" />
                        </IconButton>
                        <IconButton
                          aria-label={`Delete note ${note.id}`}
                          size="small"
                          disabled={busy}
                          onClick={() => remove(note)}
                        >
                          <DeleteIcon fontSize="small" />
                        </IconButton>
                      </Box>
                    )}
                  </Box>
                )}
              </ListItem>
            ))}
          </List>
        )}
        {isOwner && notes && (
          <Box mt={2}>
            {adding ? (
              <NoteForm
                columns={columns}
                submitLabel="Add note"
                busy={busy}
                onSubmit={add}
                onCancel={() => setAdding(false)}
              />
            ) : (
              <Button
                variant="outlined"
                color="primary"
                onClick={() => setAdding(true)}
              >
                Add a note
              </Button>
            )}
          </Box>
        )}
      </InfoCard>
    </Box>
  );
}
