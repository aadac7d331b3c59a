export {
  ReviewQueueContent,
  ReviewQueuePage,
  REVIEW_PAGE_SIZE,
  type ReviewQueueContentProps,
} from './ReviewQueuePage';
export {
  ReviewAnswerCard,
  type ReviewAnswerCardProps,
} from './ReviewAnswerCard';
export {
  ReviewAnswerList,
  type ReviewAnswerListProps,
} from './ReviewAnswerList';
export { ReviewActions, type ReviewActionsProps } from './ReviewActions';
export {
  ReviewErrorAlert,
  type ReviewErrorAlertProps,
} from './ReviewErrorAlert';
export { ReviewFilters, type ReviewFiltersProps } from './ReviewFilters';
export {
  ReviewInteropList,
  type ReviewInteropListProps,
} from './ReviewInteropList';
export { ReviewOutcome, type ReviewOutcomeProps } from './ReviewOutcome';
export {
  ReviewSummaryAlert,
  type ReviewSummaryAlertProps,
} from './ReviewSummaryAlert';
export { DemotedAnswer, type DemotedAnswerProps } from './DemotedAnswer';
export { useReviewFilters, type ReviewFilterValues } from './useReviewFilters';
export { reviewQueueLink, summaryText } from './formatReview';
