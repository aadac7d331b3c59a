import type { JSX } from 'react';
import { LoadErrorAlert } from '../LoadErrorAlert';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { Content, Header, Page, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductAssistantApiRef } from '../../api';
import { DomainScorecardCard } from './DomainScorecardCard';

/**
 * The scorecards of every domain: which answer model and validator serve,
 * from the promotion registry or app-config, their metrics and every
 * promotion run. The content of the "Model scorecards" page.
 */
export function ScorecardsContent(): JSX.Element {
  const api = useApi(dataProductAssistantApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getScorecards(),
    [api],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load the model scorecards"
        error={error}
        onRetry={retry}
      />
    );
  }
  const domains = value?.domains ?? [];
  const promotions = domains.some(d => d.history.length > 0);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
      {!promotions && (
        <Alert severity="info">
          No promotions recorded yet — run <code>dpa promote</code>. Until then
          app-config's models serve every domain.
        </Alert>
      )}
      {!value?.latestRun && (
        <Alert severity="info">
          No evaluation run found: <code>npm run evals</code> (what CI runs)
          writes one under <code>evals/results/</code>, and each model's figures
          from the newest run show here.
        </Alert>
      )}
      {domains.map(scorecard => (
        <DomainScorecardCard
          key={scorecard.domain}
          scorecard={scorecard}
          runFound={!!value?.latestRun}
        />
      ))}
    </Box>
  );
}

/** "Model scorecards" as a routable page of its own (legacy frontend system). */
export function ScorecardsPage(): JSX.Element {
  return (
    <Page themeId="tool">
      <Header
        title="Model scorecards"
        subtitle="Which models answer and validate each domain, and how they got there"
      />
      <Content>
        <ScorecardsContent />
      </Content>
    </Page>
  );
}
