import type { JSX } from 'react';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { PromotionHistoryEntry } from '@dpa/plugin-data-product-assistant-common';
import { formatDateTime, shortHash } from './formatScorecards';

export interface PromotionHistoryTableProps {
  history: PromotionHistoryEntry[];
}

/** Every `dpa promote` run of the domain, newest first. */
export function PromotionHistoryTable(
  props: PromotionHistoryTableProps,
): JSX.Element {
  const { history } = props;
  if (history.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No promotions recorded yet — run <code>dpa promote</code>.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Promotion history">
      <TableHead>
        <TableRow>
          <TableCell>Time</TableCell>
          <TableCell>Role</TableCell>
          <TableCell>Challenger</TableCell>
          <TableCell>Verdict</TableCell>
          <TableCell>Reasons</TableCell>
          <TableCell>Git SHA</TableCell>
          <TableCell>Dataset</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.map(entry => (
          <TableRow key={entry.id} data-testid={`promotion-${entry.id}`}>
            <TableCell>
              <time dateTime={entry.time}>{formatDateTime(entry.time)}</time>
            </TableCell>
            <TableCell>{entry.role}</TableCell>
            <TableCell>
              <code>
                {entry.challenger.name}@{entry.challenger.specHash}
              </code>
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                vs {entry.champion.name}@{entry.champion.specHash}
              </Typography>
            </TableCell>
            <TableCell>
              <Chip
                size="small"
                label={entry.verdict}
                color={entry.verdict === 'promoted' ? 'primary' : 'secondary'}
                variant={entry.verdict === 'promoted' ? 'default' : 'outlined'}
              />
            </TableCell>
            <TableCell>
              {entry.reasons.length === 0 ? (
                '—'
              ) : (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {entry.reasons.map((reason, i) => (
                    <li key={i}>{reason}</li>
                  ))}
                </ul>
              )}
            </TableCell>
            <TableCell title={entry.gitSha ?? 'outside a git checkout'}>
              <code>{shortHash(entry.gitSha)}</code>
            </TableCell>
            <TableCell title={entry.datasetHash}>
              <code>{shortHash(entry.datasetHash, 8)}</code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
