import { useCallback, useMemo, useState } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  INTEROP_CONFIDENCE_MEANING,
  InteropDecision,
  RelatedProduct,
} from '@dpa/plugin-data-product-assistant-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductAssistantApiRef } from '../../api';
import { PageControls, SortSelect } from '../paging';
import { applyDecisions } from './applyDecisions';
import { formatDate } from './formatInterop';
import { InteropErrorAlert } from './InteropErrorAlert';
import { RelatedProductCard } from './RelatedProductCard';

/** Related products per page. */
export const INTEROP_PAGE_SIZE = 5;

export type RelatedSort = 'confidence' | 'name' | 'domain';

const nameOf = (p: RelatedProduct) =>
  (p.title ?? p.entityRef).toLocaleLowerCase();

/** The related products in the chosen order; ties keep the backend's (best first). */
export function sortRelated(
  related: RelatedProduct[],
  sort: RelatedSort,
): RelatedProduct[] {
  const indexed = related.map((p, i) => ({ p, i }));
  const by: Record<
    RelatedSort,
    (a: RelatedProduct, b: RelatedProduct) => number
  > = {
    confidence: (a, b) => b.bestConfidence - a.bestConfidence,
    name: (a, b) => nameOf(a).localeCompare(nameOf(b)),
    domain: (a, b) =>
      (a.domain ?? '\uffff').localeCompare(b.domain ?? '\uffff') ||
      nameOf(a).localeCompare(nameOf(b)),
  };
  return indexed.sort((x, y) => by[sort](x.p, y.p) || x.i - y.i).map(x => x.p);
}

export interface InteropPanelProps {
  /** `kind:namespace/name` of the data product. */
  entityRef: string;
  /** How many related products to ask for; the backend's default when left out. */
  top?: number;
  pageSize?: number;
}

/**
 * "Interoperability": the data products this one fits with, a page at a
 * time, each folded to one line until opened; its column mappings are
 * explained, with Accept / Reject for owners.
 */
export function InteropPanel(props: InteropPanelProps): JSX.Element {
  const { entityRef, top } = props;
  const pageSize = props.pageSize ?? INTEROP_PAGE_SIZE;
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
  const [sort, setSort] = useState<RelatedSort>('confidence');
  const [offset, setOffset] = useState(0);
  const related = useMemo(
    () => sortRelated(applyDecisions(value?.related ?? [], decided), sort),
    [value, decided, sort],
  );
  // A rejection can empty the last page.
  const start = offset < related.length ? offset : 0;
  const page = related.slice(start, start + pageSize);

  return (
    <Box component="section" aria-label="Interoperability">
      <InfoCard
        title="Interoperability"
        subheader="Data products whose columns fit with this one's, from the contracts you can read. Owners accept or reject each mapping; accepted ones become catalog relations."
      >
        {loading && <Progress />}
        {!loading && error && (
          <InteropErrorAlert error={error} onRetry={retry} />
        )}
        {!loading && !error && value && (
          <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
            {related.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                No related data products found
              </Typography>
            ) : (
              <>
                <Box
                  display="flex"
                  alignItems="center"
                  flexWrap="wrap"
                  style={{ gap: 16 }}
                >
                  <Typography variant="body2" component="p">
                    {related.length} related data{' '}
                    {related.length === 1 ? 'product' : 'products'}
                  </Typography>
                  <SortSelect<RelatedSort>
                    value={sort}
                    onChange={next => {
                      setSort(next);
                      setOffset(0);
                    }}
                    options={[
                      {
                        value: 'confidence',
                        label: 'Likelihood',
                      },
                      { value: 'name', label: 'Name' },
                      { value: 'domain', label: 'Domain' },
                    ]}
                  />
                </Box>
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                  data-testid="confidence-legend"
                >
                  Likelihood: {INTEROP_CONFIDENCE_MEANING}
                </Typography>
                <Box
                  component="ul"
                  aria-label="Related data products"
                  display="flex"
                  flexDirection="column"
                  m={0}
                  p={0}
                  style={{ gap: 12, listStyle: 'none' }}
                >
                  {page.map(product => (
                    <li key={product.entityRef}>
                      <RelatedProductCard
                        entityRef={entityRef}
                        product={product}
                        canDecide={value.canDecide}
                        onDecided={onDecided}
                      />
                    </li>
                  ))}
                </Box>
                <PageControls
                  label="Pages of related data products"
                  total={related.length}
                  offset={start}
                  pageSize={pageSize}
                  shown={page.length}
                  onPage={setOffset}
                  testId="interop-page"
                />
              </>
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
