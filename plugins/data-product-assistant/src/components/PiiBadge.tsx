import type { JSX } from 'react';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  pii: { backgroundColor: '#6a1b9a', color: '#ffffff' },
});

export interface PiiBadgeProps {
  pii: boolean;
  piiTypes: string[];
}

/** Marks a column holding personal data, with the PII types when known. */
export function PiiBadge(props: PiiBadgeProps): JSX.Element | null {
  const classes = useStyles();
  if (!props.pii && props.piiTypes.length === 0) {
    return null;
  }
  const label =
    props.piiTypes.length > 0 ? `PII: ${props.piiTypes.join(', ')}` : 'PII';
  return (
    <Chip
      size="small"
      label={label}
      aria-label={label}
      className={classes.pii}
    />
  );
}
