import type { JSX } from 'react';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { VerdictStatus } from '@dpa/plugin-data-product-assistant-common';

/** The badge text for each verdict: exactly these words. */
export const verdictLabels: Record<VerdictStatus, string> = {
  approved: 'Approved',
  flagged: 'Flagged',
  blocked: 'Blocked',
  abstained: 'Abstained',
};

/** What each verdict means for the reader, shown next to the badge. */
export const verdictDescriptions: Record<VerdictStatus, string> = {
  approved: 'Checked against the metadata by the validator',
  flagged: 'Review pending: use with care',
  blocked: 'Answer withheld by the validator',
  abstained: 'No answer in the metadata',
};

const useStyles = makeStyles({
  approved: { backgroundColor: '#2e7d32', color: '#ffffff' },
  flagged: { backgroundColor: '#ffb300', color: '#000000' },
  blocked: { backgroundColor: '#c62828', color: '#ffffff' },
  abstained: { backgroundColor: '#757575', color: '#ffffff' },
});

export interface VerdictBadgeProps {
  status: VerdictStatus;
}

/** The validator's verdict as a colour-coded chip. */
export function VerdictBadge(props: VerdictBadgeProps): JSX.Element {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={verdictLabels[props.status]}
      title={verdictDescriptions[props.status]}
      className={classes[props.status]}
      data-testid="verdict-badge"
      data-verdict={props.status}
    />
  );
}
