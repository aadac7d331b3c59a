import { useCallback, useMemo } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import {
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
}

const isReason = (value: string | null): value is ReviewReason =>
  reviewReasons.includes(value as ReviewReason);
const isState = (value: string | null): value is ReviewState =>
  reviewStates.includes(value as ReviewState);

/**
 * The review queue's filters, kept in the address (`?product=&verdict=&state=`)
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
  const filters = useMemo<ReviewFilterValues>(
    () => ({
      product,
      verdict: isReason(verdict) ? verdict : undefined,
      state: isState(state) ? state : 'pending',
    }),
    [product, verdict, state],
  );
  const setFilters = useCallback(
    (next: ReviewFilterValues) => {
      const search: Record<string, string> = {};
      if (next.product) search.product = next.product;
      if (next.verdict) search.verdict = next.verdict;
      if (next.state !== 'pending') search.state = next.state;
      setParams(search, { replace: true });
    },
    [setParams],
  );
  return [filters, setFilters];
}
