import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  AskRecord,
  VerdictReasonCode,
} from '@dpa/plugin-data-product-assistant-common';
import { WrappingListItemText } from '../WrappingListItemText';

export interface ReasonListProps {
  reasons: AskRecord['reasons'];
  /** The section's heading and accessible name. */
  title?: string;
}

/** What each known reason code means, in the reader's words. */
export const reasonCodeLabels: Partial<Record<VerdictReasonCode, string>> = {
  ungrounded: 'Not supported by its sources',
  pii: 'Personal data',
  'restricted-value': 'Value above your clearance',
  secret: 'Credential',
  scope: 'Outside this data product',
  injection: 'Instruction-like text',
  'validator-error': 'Validator unavailable',
  'answer-model-error': 'Answer model unavailable',
};

const severityLabels: Record<string, string> = {
  block: 'withheld',
  warning: 'warning',
  info: 'note',
};

/** The validator's reasons: what each is about, its weight and message. Nothing when there are none. */
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
          <ListItem
            key={`${reason.code}-${index}`}
            disableGutters
            data-code={reason.code}
          >
            <WrappingListItemText
              primary={
                <>
                  {reasonCodeLabels[reason.code as VerdictReasonCode] ??
                    reason.code}
                  {reason.severity
                    ? ` (${severityLabels[reason.severity] ?? reason.severity})`
                    : ''}
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
