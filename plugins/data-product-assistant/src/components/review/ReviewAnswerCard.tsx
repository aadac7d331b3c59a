import { useId } from 'react';
import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { ReviewAnswerItem } from '@dpa/plugin-data-product-assistant-common';
import { CitationList } from '../ask/CitationList';
import { formatTime } from '../ask/formatUsage';
import { ReasonList } from '../ask/ReasonList';
import { VerdictBadge } from '../ask/VerdictBadge';
import { UserRefLink } from '../UserRefLink';
import { DemotedAnswer } from './DemotedAnswer';
import { reasonLabels } from './formatReview';
import { ProductLink } from './ProductLink';
import { ReviewActions } from './ReviewActions';
import { ReviewOutcome } from './ReviewOutcome';

export interface ReviewAnswerCardProps {
  item: ReviewAnswerItem;
  /** Given, a pending item offers Approve / Correct / Reject. */
  onReviewed?: (item: ReviewAnswerItem) => void;
}

/**
 * One answer in the review queue: the question, who asked and when, what the
 * model wrote, the verdict and its reasons, the cited facts, for a demoted
 * answer the verified answer it replaced, and the review or its controls.
 */
export function ReviewAnswerCard(props: ReviewAnswerCardProps): JSX.Element {
  const { item, onReviewed } = props;
  const { ask } = item;
  const headingId = useId();

  return (
    <Card
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      data-testid={`review-item-${ask.id}`}
      data-state={item.state}
    >
      <CardContent>
        <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
          <Box>
            <Box
              display="flex"
              alignItems="center"
              flexWrap="wrap"
              style={{ gap: 8 }}
            >
              <VerdictBadge status={ask.status} />
              {item.reason !== ask.status && (
                <Chip
                  size="small"
                  variant="outlined"
                  label={reasonLabels[item.reason]}
                  data-testid="review-reason"
                />
              )}
              <Typography variant="h6" component="h3" id={headingId}>
                {ask.question}
              </Typography>
            </Box>
            <Typography
              variant="body2"
              color="textSecondary"
              data-testid="review-asked"
            >
              Asked by <UserRefLink userRef={ask.userRef} /> on{' '}
              <time dateTime={ask.createdAt}>{formatTime(ask.createdAt)}</time>{' '}
              about <ProductLink entityRef={ask.entityRef} />
            </Typography>
          </Box>

          <Box component="section" aria-label="Model answer">
            <Typography variant="subtitle2" component="h4">
              {ask.status === 'blocked'
                ? 'Model answer (withheld from the asker)'
                : 'Model answer'}
            </Typography>
            <Typography
              variant="body1"
              component="div"
              style={{ whiteSpace: 'pre-wrap' }}
              data-testid="model-answer"
            >
              {item.modelAnswer}
            </Typography>
          </Box>

          <ReasonList reasons={ask.reasons} />
          <CitationList
            citations={ask.citations}
            idPrefix={`review-${ask.id}`}
          />
          {item.reason === 'demoted' && item.demoted && (
            <DemotedAnswer verified={item.demoted} />
          )}

          {item.review && (
            <>
              <Divider />
              <ReviewOutcome review={item.review} />
            </>
          )}
          {!item.review && item.state === 'pending' && onReviewed && (
            <>
              <Divider />
              <ReviewActions item={item} onReviewed={onReviewed} />
            </>
          )}
        </Box>
      </CardContent>
    </Card>
  );
}
