import { useState } from 'react';
import type { JSX, KeyboardEvent } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { MAX_QUESTION_LENGTH } from '@dpa/plugin-data-product-assistant-common';
import { validateQuestion } from './validateQuestion';

export const QUESTION_LABEL = 'Ask a question about this data product';

export interface QuestionBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Called with a question that passed the client-side checks. */
  onAsk: (question: string) => void;
  /** While a question is being answered. */
  disabled?: boolean;
}

/**
 * The question field with its character counter. Enter asks, Shift+Enter
 * starts a new line. Empty and over-long questions are refused here, with a
 * helper text saying why, and never reach the backend.
 */
export function QuestionBox(props: QuestionBoxProps): JSX.Element {
  const { value, onChange, onAsk, disabled } = props;
  // An empty box is only an error once the user tried to send it.
  const [attempted, setAttempted] = useState(false);
  const problem = validateQuestion(value);
  const tooLong = value.trim().length > MAX_QUESTION_LENGTH;
  const showProblem = problem !== undefined && (attempted || tooLong);

  const submit = () => {
    if (disabled) return;
    setAttempted(true);
    if (problem === undefined) {
      setAttempted(false);
      onAsk(value.trim());
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (
      event.key === 'Enter' &&
      !event.shiftKey &&
      !event.nativeEvent.isComposing
    ) {
      event.preventDefault();
      submit();
    }
  };

  const counter = `${value.trim().length} / ${MAX_QUESTION_LENGTH}`;
  return (
    <Box
      component="form"
      display="flex"
      alignItems="flex-start"
      style={{ gap: 12 }}
      onSubmit={(event: { preventDefault: () => void }) => {
        event.preventDefault();
        submit();
      }}
    >
      <TextField
        id="data-product-assistant-question"
        label={QUESTION_LABEL}
        variant="outlined"
        multiline
        minRows={2}
        maxRows={8}
        fullWidth
        value={value}
        disabled={disabled}
        error={showProblem}
        helperText={
          showProblem
            ? `${problem} (${counter})`
            : `${counter} characters · Enter to ask, Shift+Enter for a new line`
        }
        onChange={event => {
          setAttempted(false);
          onChange(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <Box pt={1}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={disabled}
        >
          Ask
        </Button>
      </Box>
    </Box>
  );
}
