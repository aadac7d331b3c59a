import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { VerifiedAnswerRecord } from '@dpa/plugin-data-product-assistant-common';
import { formatDate } from '../interop/formatInterop';
import { UserRefLink } from '../UserRefLink';

export interface DemotedAnswerProps {
  verified: VerifiedAnswerRecord;
}

/** The verified answer a contract change contradicted, and why it was demoted. */
export function DemotedAnswer(props: DemotedAnswerProps): JSX.Element {
  const { verified } = props;
  return (
    <Box
      component="section"
      aria-label="Demoted verified answer"
      data-testid="demoted-answer"
    >
      <Alert severity="warning" role="note">
        <AlertTitle>Verified answer demoted</AlertTitle>
        <Typography variant="body2" gutterBottom>
          {verified.demotedReason ??
            'A change to the facts it cites contradicts it.'}
          {verified.demotedAt && <> ({formatDate(verified.demotedAt)})</>}
        </Typography>
        <Typography
          variant="body2"
          component="blockquote"
          style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}
          data-testid="demoted-answer-text"
        >
          {verified.answer}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="p">
          Verified by <UserRefLink userRef={verified.verifiedBy} /> on{' '}
          <time dateTime={verified.verifiedAt}>
            {formatDate(verified.verifiedAt)}
          </time>{' '}
          for “{verified.question}”. Until it is reviewed again, questions are
          answered by the model.
        </Typography>
      </Alert>
    </Box>
  );
}
