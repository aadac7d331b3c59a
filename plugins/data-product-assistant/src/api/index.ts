export {
  dataProductAssistantApiRef,
  type DataProductAssistantApi,
  type AskHistoryPage,
  type AskHistoryQuery,
} from './DataProductAssistantApi';
export { DataProductAssistantClient } from './DataProductAssistantClient';
export {
  ContractValidationError,
  type ContractValidationErrorBody,
} from './ContractValidationError';
