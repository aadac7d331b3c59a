import type { JSX } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { dataProductAssistantApiRef } from '../../api';
import { reviewQueueLink, summaryText } from './formatReview';
import { reviewRouteRef } from '../../routes';

/*
 * The summary arrives after the tab has rendered. It sits on the title's line
 * and takes only the room left there (no basis of its own, so it never wraps
 * to a line of its own; one line, no taller than the title; the link's text,
 * whole in its tooltip, cut short when narrow) so that its arrival never moves
 * the tabs or a button under the pointer.
 */
const useStyles = makeStyles(theme => ({
  root: {
    flex: '1 1 0%',
    minWidth: 0,
    maxWidth: 'max-content',
    padding: theme.spacing(0.5, 1),
    alignItems: 'center',
  },
  icon: { padding: 0, marginRight: theme.spacing(1) },
  message: {
    padding: 0,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
}));

export interface ReviewSummaryAlertProps {
  /** `kind:namespace/name` of the data product. */
  entityRef: string;
}

/**
 * "2 answers and 1 relationship suggestion wait for your review", a link to
 * the review queue for this product. Shown to the product's reviewers
 * only when something waits; nothing when the summary cannot be loaded.
 * Meant for the title's row (see the styles above).
 */
export function ReviewSummaryAlert(
  props: ReviewSummaryAlertProps,
): JSX.Element | null {
  const { entityRef } = props;
  const classes = useStyles();
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
      classes={classes}
    >
      <Link to={href} title={`Open the review queue: ${text}`}>
        {text}
      </Link>
    </Alert>
  );
}
