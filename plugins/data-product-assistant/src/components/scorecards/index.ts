export { ScorecardsContent, ScorecardsPage } from './ScorecardsPage';
export {
  DomainScorecardCard,
  type DomainScorecardCardProps,
} from './DomainScorecardCard';
export { ModelMetrics, type ModelMetricsProps } from './ModelMetrics';
export {
  PromotionHistoryTable,
  type PromotionHistoryTableProps,
} from './PromotionHistoryTable';
export {
  ServingModelSummary,
  type ServingModelSummaryProps,
} from './ServingModelSummary';
export { formatMetric, metricLabel, metricRows } from './formatScorecards';
