import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { confidenceMeaning } from './confidenceMeaning';
import { formatPercent, toPercent } from './formatInterop';

export interface ConfidenceMeterProps {
  /** The relationship model's calibrated confidence, in [0, 1]. */
  value: number;
  /** Names the bar for assistive technology; the meaning's label by default. */
  label?: string;
}

/**
 * A suggestion's number as a percentage and a bar, named for what it is
 * ("Likelihood") with its meaning on hover.
 */
export function ConfidenceMeter(props: ConfidenceMeterProps): JSX.Element {
  const meaning = confidenceMeaning({ confidence: props.value });
  const label = props.label ?? meaning.label;
  const percent = toPercent(meaning.value);
  return (
    <Tooltip title={meaning.description} arrow>
      <Box
        display="inline-flex"
        alignItems="center"
        style={{ gap: 8 }}
        data-testid="confidence"
        data-meaning={meaning.label}
      >
        <LinearProgress
          variant="determinate"
          value={percent}
          color={percent >= 80 ? 'primary' : 'secondary'}
          aria-label={`${label} ${formatPercent(meaning.value)}`}
          style={{ width: 56, height: 6, borderRadius: 3 }}
        />
        <Typography variant="body2" component="span">
          likely {formatPercent(meaning.value)}
        </Typography>
      </Box>
    </Tooltip>
  );
}
