import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { InteropMapping } from '@dpa/plugin-data-product-assistant-common';
import { CaveatList } from './CaveatList';
import { formatPercent } from './formatInterop';
import { SqlBlock } from './SqlBlock';
import { WrappingListItemText } from '../WrappingListItemText';

export interface MappingDetailsProps {
  mapping: InteropMapping;
}

/**
 * The explanation of one mapping: what joining enables, the caveats, an
 * example join, and the validator's notes and groundedness.
 */
export function MappingDetails(props: MappingDetailsProps): JSX.Element {
  const { mapping } = props;
  const { explanation, validation } = mapping;
  // Issues of a flagged mapping are shown as warnings on the row itself.
  const notes = validation.status === 'flagged' ? [] : validation.issues;
  return (
    <Box
      display="flex"
      flexDirection="column"
      style={{ gap: 12, width: '100%', minWidth: 0 }}
      data-testid="mapping-details"
    >
      <Box component="section" aria-label="What joining enables">
        <Typography variant="subtitle2" component="h5">
          What joining enables
        </Typography>
        <Typography variant="body2">{explanation.enables}</Typography>
      </Box>
      <CaveatList caveats={explanation.caveats} />
      <SqlBlock sql={explanation.sql} />
      {notes.length > 0 && (
        <Box component="section" aria-label="Validator notes">
          <Typography variant="subtitle2" component="h5">
            Validator notes
          </Typography>
          <List dense disablePadding>
            {notes.map((issue, index) => (
              <ListItem key={`${issue.code}-${index}`} disableGutters>
                <WrappingListItemText
                  primary={
                    <>
                      <code>{issue.code}</code> ({issue.severity})
                    </>
                  }
                  secondary={issue.message}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      <Typography variant="caption" color="textSecondary">
        Groundedness of the explanation {formatPercent(validation.groundedness)}
        : share of the tables and columns it names that exist in the contracts.
      </Typography>
    </Box>
  );
}
