import type { JSX } from 'react';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { DEFAULT_DATA_PRODUCT_TYPE } from '@dpa/plugin-data-product-assistant-common';
import { z } from 'zod';
import { dataProductAssistantApiRef, DataProductAssistantClient } from './api';
import { isDataProduct } from './isDataProduct';

/** `api:data-product-assistant` */
export const dataProductAssistantApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataProductAssistantApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataProductAssistantClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `entity-content:data-product-assistant/assistant`: the Assistant tab,
 * shown on entities whose `spec.type` is one of `config.types`
 * (default `['data-product']`). The blueprint's own `config.filter`, when set,
 * replaces that predicate.
 */
export const dataProductAssistantEntityContent =
  EntityContentBlueprint.makeWithOverrides({
    name: 'assistant',
    configSchema: {
      types: z.array(z.string()).default([DEFAULT_DATA_PRODUCT_TYPE]),
    },
    factory(originalFactory, { config }) {
      const types = config.types;
      return originalFactory({
        path: '/assistant',
        title: 'Assistant',
        filter: entity => isDataProduct(entity, types),
        loader: (): Promise<JSX.Element> =>
          import('./components/AssistantTab').then(m => <m.AssistantTab />),
      });
    },
  });

/** The Data Product Assistant plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'data-product-assistant',
  title: 'Data Product Assistant',
  extensions: [dataProductAssistantApi, dataProductAssistantEntityContent],
});
