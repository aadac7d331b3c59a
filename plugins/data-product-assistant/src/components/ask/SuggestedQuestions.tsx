import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';

export interface SuggestedQuestionsProps {
  questions: string[];
  /** Asks the clicked question. */
  onPick: (question: string) => void;
  disabled?: boolean;
}

/** Questions drawn from the profile; clicking one asks it. */
export function SuggestedQuestions(
  props: SuggestedQuestionsProps,
): JSX.Element | null {
  const { questions, onPick, disabled } = props;
  if (questions.length === 0) {
    return null;
  }
  return (
    <Box
      component="section"
      aria-label="Suggested questions"
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 8 }}
    >
      <Typography variant="body2" color="textSecondary" component="span">
        Try:
      </Typography>
      {questions.map(question => (
        <Chip
          key={question}
          label={question}
          variant="outlined"
          color="primary"
          size="small"
          clickable
          disabled={disabled}
          onClick={() => onPick(question)}
        />
      ))}
    </Box>
  );
}
