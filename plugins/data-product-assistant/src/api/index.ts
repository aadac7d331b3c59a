export {
  dataProductAssistantApiRef,
  type DataProductAssistantApi,
} from './DataProductAssistantApi';
export { DataProductAssistantClient } from './DataProductAssistantClient';
export {
  ContractValidationError,
  type ContractValidationErrorBody,
} from './ContractValidationError';
