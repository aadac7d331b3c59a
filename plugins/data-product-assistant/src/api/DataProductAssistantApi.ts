import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';

/**
 * What the frontend asks of the Data Product Assistant backend.
 *
 * Later features (ask, history, feedback, interoperability) add methods here
 * and in {@link DataProductAssistantClient}.
 */
export interface DataProductAssistantApi {
  /**
   * The data product's profile: entity facts plus its parsed contracts.
   *
   * Rejects with a `ContractValidationError` when a contract is invalid, and
   * with a `ResponseError` for other non-2xx answers (404, 400, ...).
   */
  getProfile(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<DataProductProfile>;
}

export const dataProductAssistantApiRef = createApiRef<DataProductAssistantApi>(
  {
    id: 'plugin.data-product-assistant.service',
  },
);
