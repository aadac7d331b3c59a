import { useCallback, useState } from 'react';
import type { JSX } from 'react';
import { LoadErrorAlert } from '../LoadErrorAlert';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  InteropDecision,
  ReviewInteropItem,
  ReviewInteropSort,
} from '@dpa/plugin-data-product-assistant-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductAssistantApiRef } from '../../api';
import { RelatedProductCard } from '../interop/RelatedProductCard';
import { PageControls, SortSelect } from '../paging';
import { productLabel } from './formatReview';
import { ProductLink } from './ProductLink';

/** Pairs of products per page. */
export const REVIEW_INTEROP_PAGE_SIZE = 5;

export interface ReviewInteropListProps {
  /** Only this data product's suggestions. */
  product?: string;
  pageSize?: number;
}

const itemKey = (item: ReviewInteropItem) =>
  `${item.entityRef}|${item.related.entityRef}`;

/**
 * "Relationship suggestions": pending column mappings on the data products
 * the caller owns, one card per pair of products (however it was found), a
 * page at a time, best match or product name first; each mapping explained,
 * with Accept / Reject.
 */
export function ReviewInteropList(props: ReviewInteropListProps): JSX.Element {
  const { product } = props;
  const pageSize = props.pageSize ?? REVIEW_INTEROP_PAGE_SIZE;
  const api = useApi(dataProductAssistantApiRef);
  const [sort, setSort] = useState<ReviewInteropSort>('confidence');
  const [paging, setPaging] = useState({ key: '', offset: 0 });
  const key = `${product ?? ''}|${sort}`;
  const offset = paging.key === key ? paging.offset : 0;
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.getReviewInterop({
        ...(product ? { product } : {}),
        sort,
        limit: pageSize,
        offset,
      }),
    [api, product, sort, pageSize, offset],
  );
  // Decided here: shown with their decision until the page reloads.
  const [decided, setDecided] = useState<Record<string, InteropDecision>>({});
  const decide = useCallback(
    (decision: InteropDecision) =>
      setDecided(current => ({
        ...current,
        [decision.suggestionId]: decision,
      })),
    [],
  );
  const items = value?.items ?? [];
  const pending = Math.max(
    0,
    (value?.pendingMappings ?? 0) - Object.keys(decided).length,
  );

  return (
    <Box
      component="section"
      aria-labelledby="dpa-review-interop-heading"
      data-testid="review-interop"
    >
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        style={{ gap: 12 }}
        mb={1}
      >
        <Typography variant="h5" component="h2" id="dpa-review-interop-heading">
          Relationship suggestions
          {value && pending > 0 ? ` (${pending})` : ''}
        </Typography>
        <SortSelect<ReviewInteropSort>
          value={sort}
          onChange={setSort}
          options={[
            { value: 'confidence', label: 'Best match first' },
            { value: 'product', label: 'Product name' },
          ]}
        />
      </Box>
      {loading && <Progress />}
      {!loading && error && (
        <LoadErrorAlert
          title="Could not load the relationship suggestions"
          error={error}
          onRetry={retry}
        />
      )}
      {!loading && !error && items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No relationship suggestions wait for your review
        </Typography>
      )}
      {!loading && !error && items.length > 0 && (
        <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
          <Typography variant="body2" color="textSecondary">
            {value?.total} pairs of data products, each listed once: the
            mappings are shown from your product's side.
          </Typography>
          <Box
            component="ul"
            aria-label="Pairs of data products"
            display="flex"
            flexDirection="column"
            m={0}
            p={0}
            style={{ gap: 12, listStyle: 'none' }}
          >
            {items.map(item => (
              <Box
                component="li"
                key={itemKey(item)}
                aria-label={`${productLabel(item.entityRef)} ↔ ${productLabel(
                  item.related.entityRef,
                )}`}
                data-testid="review-interop-group"
              >
                <Typography variant="subtitle1" component="h3">
                  <ProductLink entityRef={item.entityRef} /> ↔{' '}
                  <ProductLink entityRef={item.related.entityRef} />
                </Typography>
                <RelatedProductCard
                  entityRef={item.entityRef}
                  product={{
                    ...item.related,
                    mappings: item.related.mappings.map(m =>
                      decided[m.id] ? { ...m, decision: decided[m.id] } : m,
                    ),
                  }}
                  canDecide
                  onDecided={decide}
                />
              </Box>
            ))}
          </Box>
          <PageControls
            label="Pages of relationship suggestions"
            total={value?.total ?? 0}
            offset={offset}
            pageSize={pageSize}
            shown={items.length}
            onPage={next => setPaging({ key, offset: next })}
            testId="review-interop-page"
          />
        </Box>
      )}
    </Box>
  );
}
