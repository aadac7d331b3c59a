import { useCallback, useMemo } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import {
  ReviewOrder,
  ReviewReason,
  ReviewState,
} from '@dpa/plugin-data-product-assistant-common';
import { reviewReasons, reviewStates } from './formatReview';

/** What the review queue shows. */
export interface ReviewFilterValues {
  /** `kind:namespace/name`, or every product the caller reviews. */
  product?: string;
  /** Every reason when left out. */
  verdict?: ReviewReason;
  state: ReviewState;
  /** Newest questions first unless `oldest`. */
  order: ReviewOrder;
}

const isReason = (value: string | null): value is ReviewReason =>
  reviewReasons.includes(value as ReviewReason);
const isState = (value: string | null): value is ReviewState =>
  reviewStates.includes(value as ReviewState);

/**
 * The review queue's filters and order, kept in the address
 * (`?product=&verdict=&state=&order=`)
 * so that a link can preselect them; unknown values are ignored. Changing a
 * filter replaces the history entry.
 */
export function useReviewFilters(): [
  ReviewFilterValues,
  (next: ReviewFilterValues) => void,
] {
  const [params, setParams] = useAppSearchParams();
  const product = params.get('product') || undefined;
  const verdict = params.get('verdict');
  const state = params.get('state');
  const order = params.get('order') === 'oldest' ? 'oldest' : 'newest';
  const filters = useMemo<ReviewFilterValues>(
    () => ({
      product,
      verdict: isReason(verdict) ? verdict : undefined,
      state: isState(state) ? state : 'pending',
      order,
    }),
    [product, verdict, state, order],
  );
  const setFilters = useCallback(
    (next: ReviewFilterValues) => {
      const search: Record<string, string> = {};
      if (next.product) search.product = next.product;
      if (next.verdict) search.verdict = next.verdict;
      if (next.state !== 'pending') search.state = next.state;
      if (next.order === 'oldest') search.order = next.order;
      setParams(search, { replace: true });
    },
    [setParams],
  );
  return [filters, setFilters];
}
