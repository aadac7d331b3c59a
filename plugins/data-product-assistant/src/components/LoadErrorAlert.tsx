import type { JSX } from 'react';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { errorMessage } from './ask/errorMessage';

export interface LoadErrorAlertProps {
  /** e.g. "Could not load the review queue". */
  title: string;
  error: Error;
  onRetry: () => void;
}

/** A load that failed: what, the backend's message, and a Retry button. */
export function LoadErrorAlert(props: LoadErrorAlertProps): JSX.Element {
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        <Button color="inherit" size="small" onClick={props.onRetry}>
          Retry
        </Button>
      }
    >
      <AlertTitle>{props.title}</AlertTitle>
      {errorMessage(props.error)}
    </Alert>
  );
}
