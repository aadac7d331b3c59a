import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import type { DomainScorecard } from '@dpa/plugin-data-product-assistant-common';
import { ModelMetrics } from './ModelMetrics';
import { PromotionHistoryTable } from './PromotionHistoryTable';
import { ServingModelSummary } from './ServingModelSummary';

export interface DomainScorecardCardProps {
  scorecard: DomainScorecard;
  /** Whether any evaluation run was found. */
  runFound?: boolean;
}

/**
 * One domain: its answer model and validator side by side, each with its own
 * figures from the latest evaluation run, then the promotion history.
 */
export function DomainScorecardCard(
  props: DomainScorecardCardProps,
): JSX.Element {
  const { domain, champions, history } = props.scorecard;
  const runFound = props.runFound ?? false;
  return (
    <Box
      component="section"
      aria-label={`Domain ${domain}`}
      data-testid={`scorecard-${domain}`}
    >
      <InfoCard
        title={domain}
        subheader="Serving models, their latest evaluation and the promotion history"
      >
        <Grid container spacing={3}>
          {(
            [
              ['answer', 'Answer model', champions.answer],
              ['validator', 'Validator', champions.validator],
            ] as const
          ).map(([role, label, model]) => (
            <Grid item xs={12} md={6} key={role}>
              <ServingModelSummary label={label} model={model} />
              <Box mt={1}>
                <ModelMetrics model={model} role={role} runFound={runFound} />
              </Box>
            </Grid>
          ))}
        </Grid>
        <Box mt={3}>
          <Typography variant="h6" component="h3" gutterBottom>
            Promotion history
          </Typography>
          <PromotionHistoryTable history={history} />
        </Box>
      </InfoCard>
    </Box>
  );
}
