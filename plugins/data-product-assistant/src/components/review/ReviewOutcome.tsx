import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import CancelIcon from '@material-ui/icons/Cancel';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { AskReview } from '@dpa/plugin-data-product-assistant-common';
import { formatGroundedness } from '../ask/formatUsage';
import { verdictLabels } from '../ask/VerdictBadge';
import { formatDate } from '../interop/formatInterop';
import { UserRefLink } from '../UserRefLink';

export interface ReviewOutcomeProps {
  review: AskReview;
}

/**
 * What an owner decided: "Verified by alice on 4 Mar 2025" (approved or
 * corrected) or "Rejected by …", with the comment, the corrected text, the
 * validator's verdict on it and the knowledge note it was saved as.
 */
export function ReviewOutcome(props: ReviewOutcomeProps): JSX.Element {
  const { review } = props;
  const rejected = review.state === 'rejected';
  return (
    <Box
      component="section"
      aria-label="Review"
      data-testid="review-outcome"
      data-state={review.state}
      display="flex"
      flexDirection="column"
      style={{ gap: 8 }}
    >
      <Box display="flex" alignItems="center" style={{ gap: 6 }}>
        {rejected ? (
          <CancelIcon fontSize="small" color="error" />
        ) : (
          <VerifiedUserIcon fontSize="small" style={{ color: '#2e7d32' }} />
        )}
        <Typography variant="body2" component="span">
          {rejected ? 'Rejected by ' : 'Verified by '}
          <UserRefLink userRef={review.reviewedBy} />
          {review.reviewedAt && (
            <>
              {' on '}
              <time dateTime={review.reviewedAt} title={review.reviewedAt}>
                {formatDate(review.reviewedAt)}
              </time>
            </>
          )}
          {review.state === 'corrected' && ' · corrected'}
        </Typography>
      </Box>
      {review.comment && (
        <Typography
          variant="body2"
          color="textSecondary"
          component="blockquote"
          style={{ margin: '0 0 0 26px' }}
        >
          “{review.comment}”
        </Typography>
      )}
      {review.correctedAnswer && (
        <Box>
          <Typography variant="subtitle2" component="h4">
            The owners' answer
          </Typography>
          <Typography
            variant="body1"
            component="div"
            style={{ whiteSpace: 'pre-wrap' }}
            data-testid="corrected-answer"
          >
            {review.correctedAnswer}
          </Typography>
        </Box>
      )}
      {(review.verdict || review.noteId) && (
        <Typography variant="caption" color="textSecondary" component="p">
          {review.verdict &&
            `Validator: ${
              verdictLabels[review.verdict.status]
            } · groundedness ${formatGroundedness(
              review.verdict.groundedness,
            )}`}
          {review.verdict && review.noteId && ' · '}
          {review.noteId && 'Saved as a knowledge note'}
        </Typography>
      )}
    </Box>
  );
}
