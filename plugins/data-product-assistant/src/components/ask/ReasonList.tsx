import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { AskRecord } from '@dpa/plugin-data-product-assistant-common';

export interface ReasonListProps {
  reasons: AskRecord['reasons'];
  /** The section's heading and accessible name. */
  title?: string;
}

/** The validator's reasons: code, severity and message each. Nothing when there are none. */
export function ReasonList(props: ReasonListProps): JSX.Element | null {
  const { reasons, title = 'Validator reasons' } = props;
  if (reasons.length === 0) {
    return null;
  }
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle2" component="h4">
        {title}
      </Typography>
      <List dense disablePadding>
        {reasons.map((reason, index) => (
          <ListItem key={`${reason.code}-${index}`} disableGutters>
            <ListItemText
              primary={
                <>
                  <code>{reason.code}</code>
                  {reason.severity ? ` (${reason.severity})` : ''}
                </>
              }
              secondary={reason.message}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
