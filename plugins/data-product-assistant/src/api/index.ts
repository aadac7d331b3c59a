export {
  dataProductAssistantApiRef,
  type DataProductAssistantApi,
  type AskHistoryPage,
  type AskHistoryQuery,
  type InteropQuery,
  type ReviewInteropQuery,
  type ReviewQueueQuery,
} from './DataProductAssistantApi';
export { DataProductAssistantClient } from './DataProductAssistantClient';
export {
  ContractValidationError,
  type ContractValidationErrorBody,
} from './ContractValidationError';
export {
  ReviewRejectedError,
  type ReviewRejectedErrorBody,
} from './ReviewRejectedError';
