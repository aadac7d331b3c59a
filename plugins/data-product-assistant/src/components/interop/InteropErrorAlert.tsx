import type { JSX } from 'react';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { errorMessage, errorStatus } from '../ask/errorMessage';

const titles: Record<number, string> = {
  400: 'No suggestions for this entity',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Data product not found',
};

export interface InteropErrorAlertProps {
  error: Error;
  onRetry?: () => void;
}

/** Why the suggestions could not be loaded, with the backend's own message. */
export function InteropErrorAlert(props: InteropErrorAlertProps): JSX.Element {
  const { error, onRetry } = props;
  const status = errorStatus(error);
  const title =
    (status !== undefined && titles[status]) ||
    'Could not load interoperability suggestions';
  return (
    <Alert
      severity={status === 404 ? 'warning' : 'error'}
      role="alert"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        )
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {errorMessage(error)}
    </Alert>
  );
}
