export { InteropPanel, type InteropPanelProps } from './InteropPanel';
export {
  RelatedProductCard,
  type RelatedProductCardProps,
} from './RelatedProductCard';
export { MappingRow, type MappingRowProps } from './MappingRow';
export { MappingDetails, type MappingDetailsProps } from './MappingDetails';
export { ConfidenceMeter, type ConfidenceMeterProps } from './ConfidenceMeter';
export {
  KindChip,
  kindLabels,
  kindDescriptions,
  type KindChipProps,
} from './KindChip';
export { SqlBlock, type SqlBlockProps } from './SqlBlock';
export { CaveatList, caveatKinds, type CaveatListProps } from './CaveatList';
export {
  DecisionControls,
  type DecisionControlsProps,
} from './DecisionControls';
export { DecisionState, type DecisionStateProps } from './DecisionState';
export {
  InteropErrorAlert,
  type InteropErrorAlertProps,
} from './InteropErrorAlert';
export { applyDecisions } from './applyDecisions';
