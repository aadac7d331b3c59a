import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReviewRejectedError } from '../../api';
import { errorMessage, errorStatus } from '../ask/errorMessage';
import { ReasonList } from '../ask/ReasonList';

const titles: Record<number, string> = {
  400: 'The review was not accepted',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Answer not found',
  409: 'Already reviewed',
};

export interface ReviewErrorAlertProps {
  error: Error;
}

/**
 * Why a review was not saved, with the backend's own message. When the
 * validator blocked the text, its reasons too: the reviewer's text stays in
 * the form to be fixed.
 */
export function ReviewErrorAlert(props: ReviewErrorAlertProps): JSX.Element {
  const { error } = props;
  if (ReviewRejectedError.isReviewRejectedError(error)) {
    return (
      <Alert severity="error" role="alert" data-testid="review-error">
        <AlertTitle>The validator blocked this text</AlertTitle>
        {errorMessage(error)}
        <Box mt={1}>
          <ReasonList
            reasons={error.verdict.reasons}
            title="Why the validator blocked it"
          />
        </Box>
        Nothing was saved. Your text is kept: change it and submit again.
      </Alert>
    );
  }
  const status = errorStatus(error);
  return (
    <Alert
      severity={status === 409 ? 'warning' : 'error'}
      role="alert"
      data-testid="review-error"
    >
      <AlertTitle>
        {(status !== undefined && titles[status]) ||
          'Could not save the review'}
      </AlertTitle>
      {errorMessage(error)}
    </Alert>
  );
}
