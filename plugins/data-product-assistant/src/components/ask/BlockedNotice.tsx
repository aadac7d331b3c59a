import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  AskRecord,
  DataProductProfile,
} from '@dpa/plugin-data-product-assistant-common';
import { reviewQueueLink } from '../review/formatReview';
import { reviewRouteRef } from '../../routes';
import { accessHints, withheldForAccess } from './accessHint';

export interface BlockedNoticeProps {
  record: Pick<AskRecord, 'entityRef' | 'reasons'>;
  /** The product's profile: its contract roles name the way to such values. */
  profile?: DataProductProfile;
  /** Whether the viewer owns the product (and so reviews the answer). */
  isOwner?: boolean;
}

/** What a role covers: the withheld columns it names, else its description. */
function roleScope(columns: string[], description?: string): string {
  if (columns.length > 0) return ` — covers ${columns.join(', ')}`;
  return description ? ` — ${description.replace(/\.$/, '')}` : '';
}

/**
 * "Answer withheld": why, where the answer went, and what the asker can do:
 * the access role that would show such values and who approves it.
 */
export function BlockedNotice(props: BlockedNoticeProps): JSX.Element {
  const { record, profile, isOwner } = props;
  const forAccess = withheldForAccess(record.reasons);
  const hints = accessHints(record.reasons, profile);
  const reviewQueue = useRouteRef(reviewRouteRef);
  const owner = profile?.owner?.replace(/^[^:]+:(?:[^/]+\/)?/, '');
  return (
    <Alert severity="error" data-testid="blocked-notice">
      <AlertTitle>Answer withheld</AlertTitle>
      <Typography variant="body2" component="p" data-testid="answer-text">
        {forAccess
          ? 'The validator withheld this answer: it would show values your access does not cover.'
          : 'The validator withheld this answer: see its reasons below.'}{' '}
        {isOwner ? (
          <>
            You own this data product, so it waits in{' '}
            <Link to={reviewQueueLink(reviewQueue(), record.entityRef)}>
              your review queue
            </Link>
            , where you can approve, correct or reject it.
          </>
        ) : (
          `It waits for review by the data product's owners${
            owner ? ` (${owner})` : ''
          }.`
        )}
      </Typography>
      {hints.length > 0 && (
        <Box mt={1} data-testid="access-hint">
          <Typography variant="body2" component="p">
            {hints.length === 1
              ? 'To see such values, request the access role'
              : 'To see such values, request one of the access roles'}
          </Typography>
          <Box component="ul" m={0} pl={2.5}>
            {hints.map(({ role, columns }) => (
              <li key={role.role}>
                <Typography variant="body2" component="span">
                  <strong>{role.role}</strong>
                  {role.access ? ` (${role.access})` : ''}
                  {roleScope(columns, role.description)}
                  {role.approvers.length > 0
                    ? `; approved by ${role.approvers.join(', ')}.`
                    : '; the contract names no approver: ask the owners.'}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
      {forAccess && hints.length === 0 && profile && (
        <Typography variant="body2" component="p" style={{ marginTop: 8 }}>
          The contract names no access role for these values: ask the owners
          {owner ? ` (${owner})` : ''} how to get access.
        </Typography>
      )}
    </Alert>
  );
}
