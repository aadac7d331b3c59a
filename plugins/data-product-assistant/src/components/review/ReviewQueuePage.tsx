import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JSX } from 'react';
import { LoadErrorAlert } from '../LoadErrorAlert';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Content, Header, Page, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ReviewAnswerItem } from '@dpa/plugin-data-product-assistant-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductAssistantApiRef, ReviewQueueQuery } from '../../api';
import { countOf, stateLabels } from './formatReview';
import { ReviewAnswerCard } from './ReviewAnswerCard';
import { ReviewAnswerList } from './ReviewAnswerList';
import { ReviewFilters } from './ReviewFilters';
import { ReviewInteropList } from './ReviewInteropList';
import { useReviewFilters } from './useReviewFilters';

/** Answers per page of the review queue. */
export const REVIEW_PAGE_SIZE = 10;

export interface ReviewQueueContentProps {
  pageSize?: number;
}

/**
 * The review queue: flagged, blocked and demoted answers on the data products
 * the caller owns, a page at a time, newest or oldest first, filtered by
 * product, verdict and review state, each with Approve / Correct / Reject;
 * then the relationship suggestions waiting on the same owners, one card per
 * pair of products. `?product=<ref>` preselects a
 * product. The content of the "Review queue" page.
 */
export function ReviewQueueContent(
  props: ReviewQueueContentProps,
): JSX.Element {
  const pageSize = props.pageSize ?? REVIEW_PAGE_SIZE;
  const api = useApi(dataProductAssistantApiRef);
  const [filters, setFilters] = useReviewFilters();
  const { product, verdict, state, order } = filters;
  const filterKey = `${product ?? ''}|${verdict ?? ''}|${state}|${order}`;

  // Paging and the answers reviewed here belong to one choice of filters.
  const [paging, setPaging] = useState({ key: filterKey, offset: 0 });
  const offset = paging.key === filterKey ? paging.offset : 0;
  const [session, setSession] = useState<{
    key: string;
    reviewed: ReviewAnswerItem[];
  }>({ key: filterKey, reviewed: [] });
  const reviewed = useMemo(
    () => (session.key === filterKey ? session.reviewed : []),
    [session, filterKey],
  );

  const { value, loading, error, retry } = useAsyncRetry(() => {
    const query: ReviewQueueQuery = { state, limit: pageSize, offset };
    if (product) query.product = product;
    if (verdict) query.verdict = verdict;
    if (order === 'oldest') query.order = order;
    return api.getReviewQueue(query);
  }, [api, product, verdict, state, order, pageSize, offset]);

  // Keep the product choices while another page or filter loads.
  const [products, setProducts] = useState<string[]>([]);
  useEffect(() => {
    if (value) setProducts(value.products);
  }, [value]);

  const onReviewed = useCallback(
    (item: ReviewAnswerItem) =>
      setSession(current => ({
        key: filterKey,
        reviewed: [
          item,
          ...(current.key === filterKey ? current.reviewed : []).filter(
            r => r.ask.id !== item.ask.id,
          ),
        ],
      })),
    [filterKey],
  );

  const reviewedIds = new Set(reviewed.map(item => item.ask.id));
  const items = (value?.items ?? []).filter(
    item => !reviewedIds.has(item.ask.id),
  );
  const removed = (value?.items.length ?? 0) - items.length;
  const remaining = Math.max(0, (value?.total ?? 0) - removed);
  const pending = state === 'pending';

  let heading = 'Answers';
  if (value) {
    heading = pending
      ? `Answers waiting for review (${remaining})`
      : `${stateLabels[state]} answers (${remaining})`;
  }

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
      <ReviewFilters
        products={products}
        value={filters}
        onChange={setFilters}
      />

      <Box component="section" aria-labelledby="dpa-review-answers-heading">
        <Typography
          variant="h5"
          component="h2"
          id="dpa-review-answers-heading"
          gutterBottom
        >
          {heading}
        </Typography>
        {loading && <Progress />}
        {!loading && error && (
          <LoadErrorAlert
            title="Could not load the review queue"
            error={error}
            onRetry={retry}
          />
        )}
        {!loading && !error && value && (
          <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
            {items.length === 0 && pending && remaining === 0 && (
              <Box data-testid="review-empty">
                <Typography variant="h6" component="p">
                  Nothing waits for your review
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {value.products.length === 0 && !product
                    ? 'You own no data products: answers are reviewed by the owners of the data product they are about.'
                    : 'Flagged, blocked and demoted answers on your data products appear here.'}
                </Typography>
              </Box>
            )}
            {items.length === 0 && pending && remaining > 0 && (
              <Box display="flex" alignItems="center" style={{ gap: 12 }}>
                <Typography variant="body2">
                  You reviewed every answer on this page;{' '}
                  {countOf(remaining, 'more answer')} to go.
                </Typography>
                <Button variant="outlined" size="small" onClick={retry}>
                  Show more
                </Button>
              </Box>
            )}
            {items.length === 0 && !pending && (
              <Typography
                variant="body2"
                color="textSecondary"
                data-testid="review-empty"
              >
                No {stateLabels[state].toLocaleLowerCase('en-US')} answers
              </Typography>
            )}
            {items.length > 0 && (
              <ReviewAnswerList
                items={items}
                total={remaining}
                offset={offset}
                pageSize={pageSize}
                onPage={next => setPaging({ key: filterKey, offset: next })}
                onReviewed={pending ? onReviewed : undefined}
              />
            )}
          </Box>
        )}
        {reviewed.length > 0 && (
          <Box
            component="section"
            aria-labelledby="dpa-review-done-heading"
            mt={3}
          >
            <Typography
              variant="h6"
              component="h3"
              id="dpa-review-done-heading"
              gutterBottom
            >
              Reviewed just now
            </Typography>
            <Box
              component="ol"
              aria-label="Reviewed just now"
              p={0}
              m={0}
              display="flex"
              flexDirection="column"
              style={{ gap: 16, listStyle: 'none' }}
            >
              {reviewed.map(item => (
                <li key={item.ask.id}>
                  <ReviewAnswerCard item={item} />
                </li>
              ))}
            </Box>
          </Box>
        )}
      </Box>

      <ReviewInteropList product={product} />
    </Box>
  );
}

/** "Review queue" as a routable page of its own (legacy frontend system). */
export function ReviewQueuePage(): JSX.Element {
  return (
    <Page themeId="tool">
      <Header
        title="Review queue"
        subtitle="Answers and relationship suggestions that wait for the owners of your data products"
      />
      <Content>
        <ReviewQueueContent />
      </Content>
    </Page>
  );
}
