export {
  dataProductAssistantApiRef,
  type DataProductAssistantApi,
  type AskHistoryPage,
  type AskHistoryQuery,
  type InteropQuery,
} from './DataProductAssistantApi';
export { DataProductAssistantClient } from './DataProductAssistantClient';
export {
  ContractValidationError,
  type ContractValidationErrorBody,
} from './ContractValidationError';
