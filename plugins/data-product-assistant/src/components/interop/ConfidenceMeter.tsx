import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { formatPercent, toPercent } from './formatInterop';

export interface ConfidenceMeterProps {
  /** In [0, 1]. */
  value: number;
  /** Names the bar for assistive technology; "Confidence" by default. */
  label?: string;
}

/** A confidence as a percentage and a bar. */
export function ConfidenceMeter(props: ConfidenceMeterProps): JSX.Element {
  const { value, label = 'Confidence' } = props;
  const percent = toPercent(value);
  return (
    <Box
      display="inline-flex"
      alignItems="center"
      style={{ gap: 8 }}
      data-testid="confidence"
    >
      <LinearProgress
        variant="determinate"
        value={percent}
        color={percent >= 80 ? 'primary' : 'secondary'}
        aria-label={`${label} ${formatPercent(value)}`}
        style={{ width: 72, height: 6, borderRadius: 3 }}
      />
      <Typography variant="body2" component="span">
        {formatPercent(value)}
      </Typography>
    </Box>
  );
}
