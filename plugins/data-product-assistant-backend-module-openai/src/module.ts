import { createBackendModule } from '@backstage/backend-plugin-api';
import { dataProductAssistantModelsExtensionPoint } from '@dpa/plugin-data-product-assistant-node';
import { createOpenAiModelProvider } from './modelProvider';

/**
 * Serves model specs with `provider: openai` from OpenAI-compatible
 * endpoints, through the Data Product Assistant's models extension point.
 */
export const dataProductAssistantModuleOpenAi = createBackendModule({
  pluginId: 'data-product-assistant',
  moduleId: 'openai',
  register(reg) {
    reg.registerInit({
      deps: { models: dataProductAssistantModelsExtensionPoint },
      async init({ models }) {
        models.addModelProvider(createOpenAiModelProvider());
      },
    });
  },
});
