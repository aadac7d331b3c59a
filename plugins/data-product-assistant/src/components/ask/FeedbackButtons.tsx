import { useId, useState } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import ThumbDownIcon from '@material-ui/icons/ThumbDown';
import ThumbUpIcon from '@material-ui/icons/ThumbUp';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  AskFeedback,
  MAX_COMMENT_LENGTH,
} from '@dpa/plugin-data-product-assistant-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dataProductAssistantApiRef } from '../../api';
import { errorMessage } from './errorMessage';

export interface FeedbackButtonsProps {
  askId: string;
  /** The caller's stored feedback on this answer, if any. */
  feedback?: AskFeedback;
}

/**
 * Thumbs up / down on an answer with an optional comment. Clicking a thumb
 * sends the feedback (with the comment typed so far); clicking again, after
 * changing the comment, replaces it.
 */
export function FeedbackButtons(props: FeedbackButtonsProps): JSX.Element {
  const { askId } = props;
  const api = useApi(dataProductAssistantApiRef);
  const commentId = useId();
  const [comment, setComment] = useState(props.feedback?.comment ?? '');
  const [stored, setStored] = useState<
    Pick<AskFeedback, 'helpful' | 'comment'> | undefined
  >(props.feedback);

  const [state, send] = useAsyncFn(
    async (helpful: boolean) => {
      const trimmed = comment.trim();
      const saved = await api.sendFeedback(askId, {
        helpful,
        ...(trimmed ? { comment: trimmed } : {}),
      });
      // The backend's copy wins; fall back to what was sent.
      setStored({
        helpful: saved?.helpful ?? helpful,
        comment: saved?.comment ?? (trimmed || undefined),
      });
      return true;
    },
    [api, askId, comment],
  );

  const tooLong = comment.length > MAX_COMMENT_LENGTH;
  const thanks = !state.loading && !state.error && state.value === true;

  return (
    <Box component="section" aria-label="Feedback" mt={2}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 4 }}
      >
        <Typography variant="body2" component="span">
          Was this answer helpful?
        </Typography>
        <Tooltip title="Helpful">
          <span>
            <IconButton
              aria-label="Helpful"
              aria-pressed={stored?.helpful === true}
              color={stored?.helpful === true ? 'primary' : 'default'}
              disabled={state.loading || tooLong}
              onClick={() => send(true)}
              size="small"
            >
              <ThumbUpIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Not helpful">
          <span>
            <IconButton
              aria-label="Not helpful"
              aria-pressed={stored?.helpful === false}
              color={stored?.helpful === false ? 'secondary' : 'default'}
              disabled={state.loading || tooLong}
              onClick={() => send(false)}
              size="small"
            >
              <ThumbDownIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        {stored && !thanks && (
          <Typography variant="body2" color="textSecondary" component="span">
            You marked this answer {stored.helpful ? 'helpful' : 'not helpful'}.
          </Typography>
        )}
        {thanks && (
          <Typography variant="body2" role="status" component="span">
            Thanks for the feedback
          </Typography>
        )}
      </Box>
      <TextField
        id={commentId}
        label="Comment (optional)"
        size="small"
        variant="outlined"
        fullWidth
        multiline
        maxRows={4}
        margin="dense"
        value={comment}
        onChange={event => setComment(event.target.value)}
        error={tooLong}
        helperText={
          tooLong
            ? `The comment is too long: at most ${MAX_COMMENT_LENGTH} characters.`
            : 'Sent with your thumbs up or down.'
        }
      />
      {state.error && (
        <Alert severity="error">
          Could not send the feedback: {errorMessage(state.error)}
        </Alert>
      )}
    </Box>
  );
}
