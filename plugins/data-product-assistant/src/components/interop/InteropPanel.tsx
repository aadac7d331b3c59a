import { useCallback, useMemo, useState } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { InteropDecision } from '@dpa/plugin-data-product-assistant-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductAssistantApiRef } from '../../api';
import { applyDecisions } from './applyDecisions';
import { formatDate } from './formatInterop';
import { InteropErrorAlert } from './InteropErrorAlert';
import { RelatedProductCard } from './RelatedProductCard';

export interface InteropPanelProps {
  /** `kind:namespace/name` of the data product. */
  entityRef: string;
  /** How many related products to ask for; the backend's default when left out. */
  top?: number;
}

/**
 * "Interoperability": the data products this one fits with and the column
 * mappings between them, each explained, with Accept / Reject for owners.
 */
export function InteropPanel(props: InteropPanelProps): JSX.Element {
  const { entityRef, top } = props;
  const api = useApi(dataProductAssistantApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getInterop(entityRef, top !== undefined ? { top } : undefined),
    [api, entityRef, top],
  );
  // Decisions made on this page win over the served ones.
  const [decided, setDecided] = useState<Record<string, InteropDecision>>({});
  const onDecided = useCallback(
    (decision: InteropDecision) =>
      setDecided(current => ({
        ...current,
        [decision.suggestionId]: decision,
      })),
    [],
  );
  const related = useMemo(
    () => applyDecisions(value?.related ?? [], decided),
    [value, decided],
  );

  return (
    <Box component="section" aria-label="Interoperability">
      <InfoCard
        title="Interoperability"
        subheader="Data products whose columns fit with this one's. Suggestions are computed from the contracts you can read; the owners of this data product accept or reject them, and accepted ones become catalog relations."
      >
        {loading && <Progress />}
        {!loading && error && (
          <InteropErrorAlert error={error} onRetry={retry} />
        )}
        {!loading && !error && value && (
          <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
            {related.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                No related data products found
              </Typography>
            ) : (
              related.map(product => (
                <RelatedProductCard
                  key={product.entityRef}
                  entityRef={entityRef}
                  product={product}
                  canDecide={value.canDecide}
                  onDecided={onDecided}
                />
              ))
            )}
            <Typography
              variant="caption"
              color="textSecondary"
              data-testid="interop-stats"
            >
              Computed {formatDate(value.computedAt)} ·{' '}
              {value.stats.candidatePairs} of {value.stats.allPairs} column
              pairs compared
            </Typography>
          </Box>
        )}
      </InfoCard>
    </Box>
  );
}
