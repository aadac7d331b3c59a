import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { dataProductAssistantPermissions } from '@dpa/plugin-data-product-assistant-common';
import { DatabaseContractSnapshotStore } from './database/DatabaseContractSnapshotStore';
import { DataProductProfileService } from './profile/DataProductProfileService';
import { dataProductTypes } from './profile/dataProductFilter';
import { createRouter } from './service/router';

/** The Data Product Assistant backend, mounted at /api/data-product-assistant. */
export const dataProductAssistantPlugin = createBackendPlugin({
  pluginId: 'data-product-assistant',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        urlReader: coreServices.urlReader,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        urlReader,
        permissionsRegistry,
        catalog,
      }) {
        permissionsRegistry.addPermissions(dataProductAssistantPermissions);
        const snapshots = await DatabaseContractSnapshotStore.create({ database });
        const profiles = new DataProductProfileService({
          catalog,
          urlReader,
          snapshots,
          integrations: ScmIntegrations.fromConfig(config),
          dataProductTypes: dataProductTypes(config),
          logger,
        });
        httpRouter.use(await createRouter({ httpAuth, profiles }));
      },
    });
  },
});
