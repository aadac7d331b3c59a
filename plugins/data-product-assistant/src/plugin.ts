import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { dataProductAssistantApiRef, DataProductAssistantClient } from './api';

/** The Data Product Assistant plugin for the legacy frontend system. */
export const dataProductAssistantPlugin = createPlugin({
  id: 'data-product-assistant',
  apis: [
    createApiFactory({
      api: dataProductAssistantApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataProductAssistantClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Assistant tab content for a data product's entity page (legacy
 * frontend system). Render it inside `EntityLayout.Route` for data products.
 */
export const EntityDataProductAssistantContent =
  dataProductAssistantPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductAssistantContent',
      component: {
        lazy: () =>
          import('./components/AssistantTab').then(m => m.AssistantTab),
      },
    }),
  );
