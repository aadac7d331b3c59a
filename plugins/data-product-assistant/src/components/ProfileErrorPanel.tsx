import type { JSX } from 'react';
import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { ContractValidationError } from '../api';
import { ContractIssuesPanel } from './ContractIssuesPanel';

const titles: Record<number, string> = {
  400: 'Not a data product',
  403: 'Not allowed',
  404: 'Data product not found',
};

/** Explains why the profile could not be loaded. */
export function ProfileErrorPanel(props: { error: Error }): JSX.Element {
  const { error } = props;
  if (ContractValidationError.isContractValidationError(error)) {
    return (
      <ContractIssuesPanel
        message={error.message}
        source={error.source}
        issues={error.issues}
      />
    );
  }
  if (ResponseError.is(error) && titles[error.statusCode]) {
    // The backend's own message says what is wrong; show it as is.
    return (
      <WarningPanel
        severity={error.statusCode === 404 ? 'warning' : 'error'}
        title={titles[error.statusCode]}
        message={error.cause.message}
        defaultExpanded
      />
    );
  }
  return <ResponseErrorPanel error={error} />;
}
