import type { JSX } from 'react';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { Classification } from '@dpa/plugin-data-product-assistant-common';

/** Colours per ODCS classification level, from least to most sensitive. */
const classificationColours: Record<
  Classification,
  { background: string; color: string }
> = {
  public: { background: '#2e7d32', color: '#ffffff' },
  internal: { background: '#1565c0', color: '#ffffff' },
  confidential: { background: '#ef6c00', color: '#000000' },
  restricted: { background: '#c62828', color: '#ffffff' },
};

const badge = (level: Classification) => ({
  backgroundColor: classificationColours[level].background,
  color: classificationColours[level].color,
});

const useStyles = makeStyles({
  public: badge('public'),
  internal: badge('internal'),
  confidential: badge('confidential'),
  restricted: badge('restricted'),
  implied: { fontStyle: 'italic' },
});

export interface ClassificationBadgeProps {
  /** Missing classification is shown as `internal`, as consumers treat it. */
  classification?: Classification;
}

/** A colour-coded chip for a column's classification level. */
export function ClassificationBadge(
  props: ClassificationBadgeProps,
): JSX.Element {
  const classes = useStyles();
  const level = props.classification ?? 'internal';
  const implied = props.classification === undefined;
  const chip = (
    <Chip
      size="small"
      label={level}
      aria-label={`Classification: ${level}${
        implied ? ' (not set in contract)' : ''
      }`}
      data-classification={level}
      className={`${classes[level]} ${implied ? classes.implied : ''}`}
    />
  );
  return implied ? (
    <Tooltip title="No classification in the contract: treated as internal">
      {chip}
    </Tooltip>
  ) : (
    chip
  );
}
