import type { JSX } from 'react';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { dataProductAssistantApiRef } from '../../api';
import { reviewQueueLink, summaryText } from './formatReview';
import { reviewRouteRef } from '../../routes';

export interface ReviewSummaryAlertProps {
  /** `kind:namespace/name` of the data product. */
  entityRef: string;
}

/**
 * "2 answers and 1 relationship suggestion wait for your review", with a link
 * to the review queue for this product. Shown to the product's reviewers
 * only when something waits; nothing when the summary cannot be loaded.
 */
export function ReviewSummaryAlert(
  props: ReviewSummaryAlertProps,
): JSX.Element | null {
  const { entityRef } = props;
  const api = useApi(dataProductAssistantApiRef);
  const reviewQueue = useRouteRef(reviewRouteRef);
  const { value } = useAsync(
    () => api.getReviewSummary(entityRef),
    [api, entityRef],
  );
  const text = value?.canReview ? summaryText(value) : '';
  if (!text) {
    return null;
  }
  const href = reviewQueueLink(reviewQueue(), entityRef);
  return (
    <Alert
      severity="info"
      role="status"
      data-testid="review-summary"
      action={
        <Button color="inherit" size="small" component={Link} to={href}>
          Open the review queue
        </Button>
      }
    >
      <Link to={href}>{text}</Link>
    </Alert>
  );
}
