import { useId, useState } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import TextField from '@material-ui/core/TextField';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import CommentIcon from '@material-ui/icons/Comment';
import FingerprintIcon from '@material-ui/icons/Fingerprint';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useApi } from '@backstage/core-plugin-api';
import {
  InteropDecision,
  InteropMapping,
  MAX_COMMENT_LENGTH,
} from '@dpa/plugin-data-product-assistant-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dataProductAssistantApiRef } from '../../api';
import { errorMessage, errorStatus } from '../ask/errorMessage';
import { mappingLabel } from './formatInterop';
import { piiJoinWarning } from './piiJoin';

type Choice = 'accept' | 'reject';

export interface DecisionControlsProps {
  /** `kind:namespace/name` of the data product the suggestions belong to. */
  entityRef: string;
  mapping: InteropMapping;
  /** Called with the choice when saving starts, and with nothing when it failed. */
  onPending: (choice?: Choice) => void;
  /** Called with the stored decision once the backend has it. */
  onDecided: (decision: InteropDecision) => void;
}

/**
 * "Accept" / "Reject" for the owners of a data product, with an optional
 * comment. An accepted mapping can still be rejected. A mapping that joins on
 * personal data says so beside Accept, and Accept asks to confirm.
 */
export function DecisionControls(props: DecisionControlsProps): JSX.Element {
  const { entityRef, mapping, onPending, onDecided } = props;
  const api = useApi(dataProductAssistantApiRef);
  const commentId = useId();
  const [commenting, setCommenting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const piiWarning = piiJoinWarning(mapping);
  const [comment, setComment] = useState('');
  const label = mappingLabel(mapping);

  const [state, decide] = useAsyncFn(
    async (choice: Choice) => {
      const trimmed = comment.trim();
      onPending(choice);
      try {
        const saved: Partial<InteropDecision> | undefined =
          await api.decideInterop(entityRef, {
            suggestionId: mapping.id,
            decision: choice,
            ...(trimmed ? { comment: trimmed } : {}),
          });
        // The backend's copy wins; fill what it left out from the request.
        const sent: InteropDecision = {
          suggestionId: mapping.id,
          status: choice === 'accept' ? 'accepted' : 'rejected',
          ...(trimmed ? { comment: trimmed } : {}),
          decidedBy: '',
          decidedAt: new Date().toISOString(),
          from: mapping.from,
          to: mapping.to,
          kind: mapping.kind,
        };
        onDecided({ ...sent, ...saved });
        setComment('');
        setCommenting(false);
      } catch (error) {
        onPending(undefined);
        throw error;
      }
    },
    [api, entityRef, mapping, comment, onPending, onDecided],
  );

  const tooLong = comment.length > MAX_COMMENT_LENGTH;
  const disabled = state.loading || tooLong;
  const accepted = mapping.decision?.status === 'accepted';

  return (
    <Box data-testid="decision-controls">
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        {!accepted && (
          <Button
            size="small"
            variant="contained"
            color="primary"
            startIcon={<CheckIcon />}
            aria-label={`Accept ${label}`}
            disabled={disabled}
            onClick={() =>
              piiWarning ? setConfirming(true) : decide('accept')
            }
          >
            Accept
          </Button>
        )}
        {!accepted && piiWarning && (
          <Box
            display="inline-flex"
            alignItems="center"
            style={{ gap: 4 }}
            color="warning.main"
            data-testid="pii-join-warning"
          >
            <FingerprintIcon fontSize="small" />
            <Typography variant="body2" component="span">
              Joins on personal data
            </Typography>
          </Box>
        )}
        <Button
          size="small"
          variant="outlined"
          startIcon={<CloseIcon />}
          aria-label={`Reject ${label}`}
          disabled={disabled}
          onClick={() => decide('reject')}
        >
          Reject
        </Button>
        {!commenting && (
          <Button
            size="small"
            startIcon={<CommentIcon />}
            aria-label={`Add a comment on ${label}`}
            disabled={state.loading}
            onClick={() => setCommenting(true)}
          >
            Comment
          </Button>
        )}
      </Box>
      {commenting && (
        <TextField
          id={commentId}
          label={`Comment on ${label} (optional)`}
          size="small"
          variant="outlined"
          fullWidth
          multiline
          maxRows={4}
          margin="dense"
          value={comment}
          disabled={state.loading}
          onChange={event => setComment(event.target.value)}
          error={tooLong}
          helperText={
            tooLong
              ? `The comment is too long: at most ${MAX_COMMENT_LENGTH} characters.`
              : 'Saved with your decision.'
          }
        />
      )}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        aria-labelledby={`${commentId}-confirm-title`}
      >
        <DialogTitle id={`${commentId}-confirm-title`}>
          Accept a join on personal data?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{piiWarning}</DialogContentText>
          <DialogContentText>
            Accepting makes {label} a relation in the catalog that anyone who
            can read both data products sees. Accept only if joining them on
            this column is allowed.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            onClick={() => {
              setConfirming(false);
              decide('accept');
            }}
          >
            Accept anyway
          </Button>
        </DialogActions>
      </Dialog>
      {!state.loading && state.error && (
        <Box mt={1}>
          <Alert severity="error" role="alert">
            <AlertTitle>
              {errorStatus(state.error) === 403
                ? 'Not allowed'
                : 'Could not save the decision'}
            </AlertTitle>
            {errorMessage(state.error)}
          </Alert>
        </Box>
      )}
    </Box>
  );
}
