export { AssistantTab } from './AssistantTab';
export {
  AccessAndSupport,
  type AccessAndSupportProps,
} from './AccessAndSupport';
export {
  ClassificationBadge,
  type ClassificationBadgeProps,
} from './ClassificationBadge';
export { ColumnsTable, type ColumnsTableProps } from './ColumnsTable';
export {
  ContractIssuesPanel,
  type ContractIssuesPanelProps,
} from './ContractIssuesPanel';
export {
  DataProductProfileView,
  type DataProductProfileViewProps,
} from './DataProductProfileView';
export { DocsCard, type DocsCardProps } from './DocsCard';
export { OwnershipChip, useIsDataProductOwner } from './OwnershipChip';
export { PiiBadge, type PiiBadgeProps } from './PiiBadge';
export { ProfileErrorPanel } from './ProfileErrorPanel';
export { ProfileOverview, type ProfileOverviewProps } from './ProfileOverview';
export { SlaList, type SlaListProps } from './SlaList';
export { UserRefLink, type UserRefLinkProps } from './UserRefLink';
export * from './ask';
export * from './interop';
