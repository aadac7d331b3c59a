import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  CachedAcceptedRelationships,
  HttpAcceptedRelationshipsSource,
} from './AcceptedRelationshipsSource';
import { DataProductRelationsProcessor } from './DataProductRelationsProcessor';

/**
 * Accepted interoperability relationships become `interoperatesWith`
 * relations between the two data products in the catalog.
 */
export const catalogModuleDataProductRelations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-product-relations',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
      },
      async init({ catalog, discovery, auth, logger, config }) {
        const ttlMs =
          (config.getOptionalNumber(
            'dataProductAssistant.interop.relationsCacheSeconds',
          ) ?? 5) * 1000;
        const source = new CachedAcceptedRelationships(
          new HttpAcceptedRelationshipsSource({ discovery, auth }),
          { ttlMs, logger },
        );
        catalog.addProcessor(
          new DataProductRelationsProcessor({ source, logger }),
        );
      },
    });
  },
});
