import { useId, useRef, useState } from 'react';
import type { FormEvent, JSX } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import CircularProgress from '@material-ui/core/CircularProgress';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import EditIcon from '@material-ui/icons/Edit';
import { useApi } from '@backstage/core-plugin-api';
import {
  MAX_COMMENT_LENGTH,
  MAX_CORRECTION_LENGTH,
  ReviewActionRequest,
  ReviewAnswerItem,
} from '@dpa/plugin-data-product-assistant-common';
import { dataProductAssistantApiRef } from '../../api';
import { ReviewErrorAlert } from './ReviewErrorAlert';

export interface ReviewActionsProps {
  item: ReviewAnswerItem;
  /** Called with the updated item once the backend saved the review. */
  onReviewed: (item: ReviewAnswerItem) => void;
}

/**
 * Approve, Correct or Reject a queued answer, each with a comment (required
 * to reject). Correcting opens an editor prefilled with the model's answer and
 * can also keep the text as a knowledge note. Whatever fails, the reviewer's
 * text stays.
 */
export function ReviewActions(props: ReviewActionsProps): JSX.Element {
  const { item, onReviewed } = props;
  const api = useApi(dataProductAssistantApiRef);
  const id = useId();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [correcting, setCorrecting] = useState(false);
  const [answer, setAnswer] = useState(item.modelAnswer);
  const [saveAsNote, setSaveAsNote] = useState(false);
  const [comment, setComment] = useState('');
  const [commentRequired, setCommentRequired] = useState(false);
  const [busy, setBusy] = useState<ReviewActionRequest['action']>();
  const [error, setError] = useState<Error>();

  const trimmedComment = comment.trim();
  const trimmedAnswer = answer.trim();
  const commentTooLong = trimmedComment.length > MAX_COMMENT_LENGTH;
  const answerTooLong = trimmedAnswer.length > MAX_CORRECTION_LENGTH;
  const missingComment = commentRequired && !trimmedComment;

  async function submit(request: ReviewActionRequest) {
    setBusy(request.action);
    setError(undefined);
    try {
      const updated = await api.reviewAsk(item.ask.id, request);
      onReviewed(updated);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  }

  const withComment = trimmedComment ? { comment: trimmedComment } : {};

  const approve = () => submit({ action: 'approve', ...withComment });

  const reject = () => {
    if (!trimmedComment) {
      setCommentRequired(true);
      commentRef.current?.focus();
      return;
    }
    submit({ action: 'reject', ...withComment });
  };

  const submitCorrection = (event: FormEvent) => {
    event.preventDefault();
    if (!correcting || !trimmedAnswer || answerTooLong || commentTooLong) {
      return;
    }
    submit({
      action: 'correct',
      answer: trimmedAnswer,
      ...withComment,
      ...(saveAsNote ? { saveAsNote: true } : {}),
    });
  };

  const disabled = busy !== undefined;
  const spinner = (action: ReviewActionRequest['action']) =>
    busy === action ? <CircularProgress size={16} aria-hidden /> : undefined;

  let answerHelp = `${trimmedAnswer.length}/${MAX_CORRECTION_LENGTH} · the validator checks it before it is saved.`;
  if (!trimmedAnswer) {
    answerHelp = 'The corrected answer must not be empty.';
  } else if (answerTooLong) {
    answerHelp = `Too long: the limit is ${MAX_CORRECTION_LENGTH} characters.`;
  }
  let commentHelp = 'Optional to approve or correct; required to reject.';
  if (missingComment) {
    commentHelp = 'Say what is wrong: a comment is required to reject.';
  } else if (commentTooLong) {
    commentHelp = `Too long: the limit is ${MAX_COMMENT_LENGTH} characters.`;
  }

  return (
    <Box
      component="form"
      aria-label="Review this answer"
      display="flex"
      flexDirection="column"
      style={{ gap: 12 }}
      onSubmit={submitCorrection}
      data-testid="review-actions"
    >
      {correcting && (
        <>
          <TextField
            id={`${id}-answer`}
            label="Corrected answer"
            multiline
            minRows={4}
            maxRows={16}
            variant="outlined"
            fullWidth
            value={answer}
            disabled={disabled}
            onChange={event => setAnswer(event.target.value)}
            error={!trimmedAnswer || answerTooLong}
            helperText={answerHelp}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={saveAsNote}
                disabled={disabled}
                onChange={event => setSaveAsNote(event.target.checked)}
                color="primary"
              />
            }
            label="Also save as a knowledge note"
          />
        </>
      )}
      <TextField
        id={`${id}-comment`}
        inputRef={commentRef}
        label="Comment"
        multiline
        maxRows={6}
        variant="outlined"
        size="small"
        fullWidth
        value={comment}
        disabled={disabled}
        onChange={event => {
          setComment(event.target.value);
          if (event.target.value.trim()) setCommentRequired(false);
        }}
        error={missingComment || commentTooLong}
        helperText={commentHelp}
      />
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {correcting ? (
          <>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={
                disabled || !trimmedAnswer || answerTooLong || commentTooLong
              }
              startIcon={spinner('correct') ?? <CheckIcon />}
            >
              Submit correction
            </Button>
            <Button disabled={disabled} onClick={() => setCorrecting(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            <Button
              variant="contained"
              color="primary"
              disabled={disabled || commentTooLong}
              startIcon={spinner('approve') ?? <CheckIcon />}
              onClick={approve}
            >
              Approve
            </Button>
            <Button
              variant="outlined"
              disabled={disabled}
              startIcon={<EditIcon />}
              onClick={() => {
                setCorrecting(true);
                setCommentRequired(false);
              }}
            >
              Correct
            </Button>
            <Button
              variant="outlined"
              disabled={disabled || commentTooLong}
              startIcon={spinner('reject') ?? <CloseIcon />}
              onClick={reject}
            >
              Reject
            </Button>
          </>
        )}
      </Box>
      {error && !busy && <ReviewErrorAlert error={error} />}
    </Box>
  );
}
