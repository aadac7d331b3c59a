import type { JSX } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ServingModel } from '@dpa/plugin-data-product-assistant-common';
import { formatMetric, metricLabel, metricRows } from './formatScorecards';

export interface MetricsTableProps {
  answer: ServingModel;
  validator: ServingModel;
}

/** The serving models' metrics from their latest evaluation run, side by side. */
export function MetricsTable(props: MetricsTableProps): JSX.Element {
  const { answer, validator } = props;
  const rows = metricRows(answer.metrics, validator.metrics);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No metrics yet: the serving models have not been evaluated by a
        promotion run.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Metrics">
      <TableHead>
        <TableRow>
          <TableCell>Metric</TableCell>
          <TableCell align="right">Answer model</TableCell>
          <TableCell align="right">Validator</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(metric => (
          <TableRow key={metric} data-testid={`metric-${metric}`}>
            <TableCell component="th" scope="row">
              {metricLabel(metric)}
            </TableCell>
            <TableCell align="right">
              {formatMetric(metric, answer.metrics?.[metric])}
            </TableCell>
            <TableCell align="right">
              {formatMetric(metric, validator.metrics?.[metric])}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
