import type { JSX } from 'react';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ContractValidationError } from '../../api';
import { ContractIssuesPanel } from '../ContractIssuesPanel';
import { errorMessage, errorStatus } from './errorMessage';

const titles: Record<number, string> = {
  400: 'The question was not accepted',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Data product not found',
  413: 'The question is too large',
  429: 'Too many questions',
};

export interface AskErrorAlertProps {
  error: Error;
  /** What failed, for errors without a known status. */
  action?: string;
}

/**
 * Why a call failed, with the backend's own message (which names the limit
 * and when it resets for a 429, or what is wrong with a question for a 400).
 */
export function AskErrorAlert(props: AskErrorAlertProps): JSX.Element {
  const { error, action = 'Could not ask the question' } = props;
  if (ContractValidationError.isContractValidationError(error)) {
    return (
      <ContractIssuesPanel
        message={error.message}
        source={error.source}
        issues={error.issues}
      />
    );
  }
  const status = errorStatus(error);
  const title =
    (status !== undefined && titles[status]) ||
    (status !== undefined && status >= 500
      ? `The assistant failed (${status})`
      : action);
  return (
    <Alert severity={status === 429 ? 'warning' : 'error'} role="alert">
      <AlertTitle>{title}</AlertTitle>
      {errorMessage(error)}
    </Alert>
  );
}
