import { parseEntityRef } from '@backstage/catalog-model';
import {
  ReviewReason,
  ReviewState,
  ReviewSummary,
} from '@dpa/plugin-data-product-assistant-common';

/** The verdict filter's choices, in order. */
export const reviewReasons: ReviewReason[] = ['flagged', 'blocked', 'demoted'];

/** The state toggle's choices, in order. */
export const reviewStates: ReviewState[] = [
  'pending',
  'approved',
  'corrected',
  'rejected',
];

export const reasonLabels: Record<ReviewReason, string> = {
  flagged: 'Flagged',
  blocked: 'Blocked',
  demoted: 'Demoted',
};

export const stateLabels: Record<ReviewState, string> = {
  pending: 'Pending',
  approved: 'Approved',
  corrected: 'Corrected',
  rejected: 'Rejected',
};

/** `1 answer`, `2 answers`. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * "2 answers and 1 relationship suggestion wait for your review", leaving out
 * a part that is zero; empty when nothing waits.
 */
export function summaryText(summary: ReviewSummary): string {
  const parts = [
    summary.pendingAnswers > 0 && countOf(summary.pendingAnswers, 'answer'),
    summary.pendingSuggestions > 0 &&
      countOf(summary.pendingSuggestions, 'relationship suggestion'),
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return '';
  const single =
    parts.length === 1 &&
    summary.pendingAnswers + summary.pendingSuggestions === 1;
  return `${parts.join(' and ')} ${single ? 'waits' : 'wait'} for your review`;
}

/** The review queue's address (where `reviewRouteRef` is mounted), for one product if given. */
export function reviewQueueLink(queuePath: string, product?: string): string {
  return product
    ? `${queuePath}?product=${encodeURIComponent(product)}`
    : queuePath;
}

/** `orders`, or `orders (sales)` outside the default namespace; the ref itself if it does not parse. */
export function productLabel(ref: string): string {
  try {
    const { name, namespace } = parseEntityRef(ref, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return namespace === 'default' ? name : `${name} (${namespace})`;
  } catch {
    return ref;
  }
}
