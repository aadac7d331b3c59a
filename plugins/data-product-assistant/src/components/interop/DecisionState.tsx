import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import { InteropDecision } from '@dpa/plugin-data-product-assistant-common';
import { UserRefLink } from '../UserRefLink';
import { formatDate } from './formatInterop';

export interface DecisionStateProps {
  /** The owners' decision, if any. */
  decision?: InteropDecision;
  /** A decision being saved: shown at once, before the backend confirms it. */
  pending?: 'accept' | 'reject';
}

/**
 * "Accepted by alice on 4 Mar 2025" (or "Rejected by …"), "Accepted · saving…"
 * while a decision is saved, and nothing for a pending suggestion.
 */
export function DecisionState(props: DecisionStateProps): JSX.Element | null {
  const { decision, pending } = props;
  if (pending) {
    const accepted = pending === 'accept';
    return (
      <Box
        display="inline-flex"
        alignItems="center"
        style={{ gap: 6 }}
        data-testid="decision-state"
        data-status={accepted ? 'accepted' : 'rejected'}
      >
        {accepted ? (
          <CheckCircleIcon fontSize="small" style={{ color: '#2e7d32' }} />
        ) : (
          <CancelIcon fontSize="small" color="error" />
        )}
        <Typography variant="body2" component="span">
          {accepted ? 'Accepted' : 'Rejected'}
        </Typography>
        <CircularProgress size={14} aria-label="Saving the decision" />
        <Typography variant="caption" color="textSecondary" component="span">
          saving…
        </Typography>
      </Box>
    );
  }
  if (!decision) {
    return null;
  }
  const accepted = decision.status === 'accepted';
  return (
    <Box data-testid="decision-state" data-status={decision.status}>
      <Box display="inline-flex" alignItems="center" style={{ gap: 6 }}>
        {accepted ? (
          <CheckCircleIcon fontSize="small" style={{ color: '#2e7d32' }} />
        ) : (
          <CancelIcon fontSize="small" color="error" />
        )}
        <Typography variant="body2" component="span">
          {accepted ? 'Accepted' : 'Rejected'}
          {decision.decidedBy && (
            <>
              {' by '}
              <UserRefLink userRef={decision.decidedBy} />
            </>
          )}
          {decision.decidedAt && (
            <>
              {' on '}
              <time dateTime={decision.decidedAt} title={decision.decidedAt}>
                {formatDate(decision.decidedAt)}
              </time>
            </>
          )}
        </Typography>
      </Box>
      {decision.comment && (
        <Typography
          variant="body2"
          color="textSecondary"
          component="blockquote"
          style={{ margin: '2px 0 0 26px' }}
        >
          “{decision.comment}”
        </Typography>
      )}
    </Box>
  );
}
