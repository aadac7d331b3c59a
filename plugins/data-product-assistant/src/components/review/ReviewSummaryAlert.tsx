import type { JSX } from 'react';
import Button from '@material-ui/core/Button';
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
 * (one line, no taller than the title, the text cut short when narrow) so that
 * its arrival never moves the tabs or a button under the pointer.
 */
const useStyles = makeStyles(theme => ({
  root: {
    minWidth: 0,
    maxWidth: '100%',
    padding: theme.spacing(0, 1),
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
  action: { padding: 0, marginRight: 0, flexShrink: 0 },
}));

export interface ReviewSummaryAlertProps {
  /** `kind:namespace/name` of the data product. */
  entityRef: string;
}

/**
 * "2 answers and 1 relationship suggestion wait for your review", with a link
 * to the review queue for this product. Shown to the product's reviewers
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
      action={
        <Button color="inherit" size="small" component={Link} to={href}>
          Open the review queue
        </Button>
      }
    >
      <Link to={href} title={text}>
        {text}
      </Link>
    </Alert>
  );
}
