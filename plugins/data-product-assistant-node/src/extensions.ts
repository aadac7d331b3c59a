import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ModelProvider } from './models/modelProvider';

/**
 * Adds model providers to the Data Product Assistant backend, as catalog
 * modules add processors. A provider's id may be named as `provider` in the
 * model specs of app-config and of promoted registry records.
 *
 * @public
 */
export interface DataProductAssistantModelsExtensionPoint {
  addModelProvider(
    ...providers: Array<ModelProvider | Array<ModelProvider>>
  ): void;
}

/**
 * The models extension point of the Data Product Assistant backend.
 *
 * @public
 */
export const dataProductAssistantModelsExtensionPoint =
  createExtensionPoint<DataProductAssistantModelsExtensionPoint>({
    id: 'data-product-assistant.models',
  });
