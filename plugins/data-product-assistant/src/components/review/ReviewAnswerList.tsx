import type { JSX } from 'react';
import Box from '@material-ui/core/Box';
import { ReviewAnswerItem } from '@dpa/plugin-data-product-assistant-common';
import { PageControls } from '../paging';
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

/** One page of answers with "Previous" / "Next" when there is more. */
export function ReviewAnswerList(props: ReviewAnswerListProps): JSX.Element {
  const { items, total, offset, pageSize, onPage, onReviewed } = props;
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
      <PageControls
        label="Pages"
        total={total}
        offset={offset}
        pageSize={pageSize}
        shown={items.length}
        onPage={onPage}
        testId="review-page"
      />
    </Box>
  );
}
