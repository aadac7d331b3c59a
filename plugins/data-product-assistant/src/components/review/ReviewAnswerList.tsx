import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReviewAnswerItem } from '@dpa/plugin-data-product-assistant-common';
import { ReviewAnswerCard } from './ReviewAnswerCard';

export interface ReviewAnswerListProps {
  items: ReviewAnswerItem[];
  /** How many items match the filters in all. */
  total: number;
  offset: number;
  pageSize: number;
  onPage: (offset: number) => void;
  /** Given, pending items offer Approve / Correct / Reject. */
  onReviewed?: (item: ReviewAnswerItem) => void;
}

/** One page of answers, newest first, with "Previous" / "Next" when there is more. */
export function ReviewAnswerList(props: ReviewAnswerListProps): JSX.Element {
  const { items, total, offset, pageSize, onPage, onReviewed } = props;
  const paged = total > pageSize || offset > 0;
  const last = Math.min(offset + items.length, total);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <Box
        component="ol"
        aria-label="Answers to review"
        p={0}
        m={0}
        display="flex"
        flexDirection="column"
        style={{ gap: 16, listStyle: 'none' }}
      >
        {items.map(item => (
          <li key={item.ask.id}>
            <ReviewAnswerCard item={item} onReviewed={onReviewed} />
          </li>
        ))}
      </Box>
      {paged && (
        <Box
          component="nav"
          aria-label="Pages"
          display="flex"
          alignItems="center"
          style={{ gap: 12 }}
        >
          <Button
            variant="outlined"
            size="small"
            disabled={offset === 0}
            onClick={() => onPage(Math.max(0, offset - pageSize))}
          >
            Previous
          </Button>
          <Typography variant="body2" data-testid="review-page">
            {items.length > 0 ? `${offset + 1}–${last}` : '0'} of {total}
          </Typography>
          <Button
            variant="outlined"
            size="small"
            disabled={offset + pageSize >= total}
            onClick={() => onPage(offset + pageSize)}
          >
            Next
          </Button>
        </Box>
      )}
    </Box>
  );
}
