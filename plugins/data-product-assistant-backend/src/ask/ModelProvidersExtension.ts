import {
  BUILTIN_PROVIDER_ID,
  type DataProductAssistantModelsExtensionPoint,
  type ModelProvider,
} from '@dpa/plugin-data-product-assistant-node';

/** The model providers backend modules add; the built-in one is always there. */
export class ModelProvidersExtension
  implements DataProductAssistantModelsExtensionPoint
{
  readonly #providers = new Map<string, ModelProvider>();

  addModelProvider(
    ...providers: Array<ModelProvider | Array<ModelProvider>>
  ): void {
    for (const provider of providers.flat()) {
      // Two modules serving one id would make a spec's meaning depend on load order.
      if (
        provider.id === BUILTIN_PROVIDER_ID ||
        this.#providers.has(provider.id)
      ) {
        throw new Error(
          `model provider "${provider.id}" is already registered`,
        );
      }
      this.#providers.set(provider.id, provider);
    }
  }

  get providers(): ModelProvider[] {
    return [...this.#providers.values()];
  }
}
