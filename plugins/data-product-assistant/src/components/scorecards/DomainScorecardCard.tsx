import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import type { DomainScorecard } from '@dpa/plugin-data-product-assistant-common';
import { MetricsTable } from './MetricsTable';
import { PromotionHistoryTable } from './PromotionHistoryTable';
import { ServingModelSummary } from './ServingModelSummary';

export interface DomainScorecardCardProps {
  scorecard: DomainScorecard;
}

/** One domain: its serving models, their metrics and its promotion history. */
export function DomainScorecardCard(
  props: DomainScorecardCardProps,
): JSX.Element {
  const { domain, champions, history } = props.scorecard;
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
        <Box display="flex" flexWrap="wrap" style={{ gap: 24 }} mb={2}>
          <ServingModelSummary label="Answer model" model={champions.answer} />
          <ServingModelSummary label="Validator" model={champions.validator} />
        </Box>
        <Typography variant="h6" component="h3" gutterBottom>
          Metrics
        </Typography>
        <Box mb={2}>
          <MetricsTable
            answer={champions.answer}
            validator={champions.validator}
          />
        </Box>
        <Typography variant="h6" component="h3" gutterBottom>
          Promotion history
        </Typography>
        <PromotionHistoryTable history={history} />
      </InfoCard>
    </Box>
  );
}
