import type { JSX } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type {
  ScorecardMetrics,
  ScorecardRole,
  ServingModel,
} from '@dpa/plugin-data-product-assistant-common';
import {
  formatDateTime,
  formatMetric,
  metricLabel,
  metricRows,
  roleMetrics,
} from './formatScorecards';

const roleNames: Record<ScorecardRole, string> = {
  answer: 'Answer model',
  validator: 'Validator',
};

export interface ModelMetricsProps {
  model: ServingModel;
  role: ScorecardRole;
  /** Whether any evaluation run was found (else the page says how to make one). */
  runFound: boolean;
}

function MetricTable(props: {
  metrics: ScorecardMetrics;
  keys: string[];
  label: string;
  raw?: boolean;
}): JSX.Element {
  const { metrics, keys, label, raw } = props;
  return (
    <Table size="small" aria-label={label}>
      <TableBody>
        {keys.map(key => (
          <TableRow key={key} data-testid={`metric-${key}`}>
            <TableCell component="th" scope="row" style={{ paddingLeft: 0 }}>
              {raw ? <code>{key}</code> : metricLabel(key)}
            </TableCell>
            <TableCell align="right">
              {formatMetric(key, metrics[key])}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Labelled metrics, then the keys the portal has no label for, folded. */
function Metrics(props: {
  metrics: ScorecardMetrics;
  label: string;
}): JSX.Element {
  const { metrics, label } = props;
  const { known, more } = metricRows(metrics);
  return (
    <>
      <MetricTable metrics={metrics} keys={known} label={label} />
      {more.length > 0 && (
        <Accordion variant="outlined" TransitionProps={{ unmountOnExit: true }}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography variant="body2">
              More metrics ({more.length})
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <MetricTable
              metrics={metrics}
              keys={more}
              label={`${label}: more`}
              raw
            />
          </AccordionDetails>
        </Accordion>
      )}
    </>
  );
}

/**
 * A serving model's figures: its metrics in the latest evaluation run (as CI
 * runs `dpa eval`), when that run measured this model; and, for a promoted
 * model, its own (role's) metrics from its promotion run.
 */
export function ModelMetrics(props: ModelMetricsProps): JSX.Element {
  const { model, role, runFound } = props;
  const name = roleNames[role];
  const run = model.latestRun;
  const promoted = roleMetrics(model.metrics ?? {}, role);
  return (
    <Box data-testid={`metrics-${role}`}>
      {run ? (
        <>
          <Typography variant="caption" color="textSecondary" component="p">
            Latest evaluation run, {formatDateTime(run.time)} (
            <code>{run.run}</code>, suite label <code>{run.label}</code>
            {run.hostedCalled === false ? ', built-in models only' : ''})
          </Typography>
          <Metrics metrics={run.metrics} label={`${name} metrics`} />
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {!runFound &&
            'No evaluation run found: run npm run evals (CI runs it on every change).'}
          {runFound &&
            (model.source === 'registry'
              ? 'The latest evaluation run did not measure this model: it measures the models app-config names, not promoted ones.'
              : 'The latest evaluation run did not measure this model.')}
        </Typography>
      )}
      {Object.keys(promoted).length > 0 && (
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary" component="p">
            In its promotion run
            {model.promotedAt ? `, ${formatDateTime(model.promotedAt)}` : ''}
          </Typography>
          <Metrics
            metrics={promoted}
            label={`${name} metrics in its promotion run`}
          />
        </Box>
      )}
    </Box>
  );
}
