import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { ServingModel } from '@dpa/plugin-data-product-assistant-common';
import { formatDateTime } from './formatScorecards';

export interface ServingModelSummaryProps {
  label: string;
  model: ServingModel;
}

/** "Answer model: name@version", its provider, and where it comes from. */
export function ServingModelSummary(
  props: ServingModelSummaryProps,
): JSX.Element {
  const { label, model } = props;
  return (
    <Box
      flex={1}
      minWidth={240}
      data-testid={`serving-${label.toLowerCase().replace(/\W+/g, '-')}`}
    >
      <Typography variant="overline" color="textSecondary">
        {label}
      </Typography>
      <Typography variant="subtitle1" component="p">
        <code>
          {model.name}@{model.version}
        </code>
      </Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        <Chip size="small" variant="outlined" label={model.provider} />
        <Chip
          size="small"
          color={model.source === 'registry' ? 'primary' : 'default'}
          label={model.source === 'registry' ? 'registry' : 'app-config'}
        />
        <Typography variant="body2" color="textSecondary">
          {model.source === 'registry' && model.promotedAt
            ? `promoted ${formatDateTime(model.promotedAt)}`
            : 'configured in app-config'}
        </Typography>
      </Box>
    </Box>
  );
}
