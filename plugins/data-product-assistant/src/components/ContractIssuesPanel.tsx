import type { JSX } from 'react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Link, WarningPanel } from '@backstage/core-components';
import { ContractIssue } from '@dpa/plugin-data-product-assistant-common';
import { WrappingListItemText } from './WrappingListItemText';

export interface ContractIssuesPanelProps {
  message: string;
  source?: string;
  issues: ContractIssue[];
}

/** Every validation problem of an invalid contract, with where it lives. */
export function ContractIssuesPanel(
  props: ContractIssuesPanelProps,
): JSX.Element {
  const { message, source, issues } = props;
  return (
    <WarningPanel
      severity="error"
      title="Contract is invalid"
      message={message}
      defaultExpanded
    >
      {source && (
        <Typography variant="body2" gutterBottom>
          Contract: <Link to={source}>{source}</Link>
        </Typography>
      )}
      <List dense aria-label="Contract issues" disablePadding>
        {issues.map((issue, index) => (
          <ListItem key={`${issue.path}-${index}`} disableGutters>
            <WrappingListItemText
              primary={<code>{issue.path || '/'}</code>}
              secondary={issue.message}
            />
          </ListItem>
        ))}
      </List>
    </WarningPanel>
  );
}
