import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { dataProductAssistantPermissions } from '@dpa/plugin-data-product-assistant-common';
import { parseDomainConfig } from '@dpa/plugin-data-product-assistant-node';
import { registerAskDataProductAction } from './actions/askDataProductAction';
import { AskService } from './ask/AskService';
import { BudgetService } from './budget/BudgetService';
import { readBudgetSettings } from './budget/budgetSettings';
import { ClearancePolicy } from './ask/clearance';
import { DatabaseAskStore } from './database/DatabaseAskStore';
import { DatabaseContractSnapshotStore } from './database/DatabaseContractSnapshotStore';
import { DatabaseInteropDecisionStore } from './database/DatabaseInteropDecisionStore';
import { DatabaseInteropSuggestionStore } from './database/DatabaseInteropSuggestionStore';
import { InteropIndexCache } from './interop/InteropIndexCache';
import { InteropService } from './interop/InteropService';
import {
  INTEROP_SCAN_TASK_ID,
  readInteropSettings,
} from './interop/interopSettings';
import { migrate } from './database/migrate';
import { DataProductProfileService } from './profile/DataProductProfileService';
import { dataProductTypes } from './profile/dataProductFilter';
import { ModelRegistry } from './registry/ModelRegistry';
import { ScorecardService } from './registry/ScorecardService';
import { createRouter } from './service/router';
import { DatabaseKnowledgeNoteStore } from './database/DatabaseKnowledgeNoteStore';
import { KnowledgeService } from './knowledge/KnowledgeService';

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
        userInfo: coreServices.userInfo,
        urlReader: coreServices.urlReader,
        permissionsRegistry: coreServices.permissionsRegistry,
        permissions: coreServices.permissions,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        actionsRegistry: actionsRegistryServiceRef,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, database, httpRouter, httpAuth, userInfo } =
          deps;
        deps.permissionsRegistry.addPermissions(
          dataProductAssistantPermissions,
        );
        // A wrong model configuration stops the backend here, not at the first question.
        const domainConfig = parseDomainConfig({
          models: config.getOptional('dataProductAssistant.models'),
          domains: config.getOptional('dataProductAssistant.domains'),
          defaults: config.getOptional('dataProductAssistant.defaults'),
        });
        const db = await migrate(database);
        const profiles = new DataProductProfileService({
          catalog: deps.catalog,
          urlReader: deps.urlReader,
          snapshots: new DatabaseContractSnapshotStore(db),
          integrations: ScmIntegrations.fromConfig(config),
          dataProductTypes: dataProductTypes(config),
          logger,
        });
        // Promoted champions (evals/registry) serve instead of app-config's models.
        const registry = ModelRegistry.fromConfig(config, logger);
        const notes = new DatabaseKnowledgeNoteStore(db);
        const asks = new AskService({
          profiles,
          asks: new DatabaseAskStore(db),
          domainConfig,
          clearance: ClearancePolicy.fromConfig(config),
          userInfo,
          logger,
          registry,
          budget: new BudgetService(db, readBudgetSettings(config)),
          notes,
        });
        const scorecards = new ScorecardService({
          registry,
          domainConfig,
          profiles,
          logger,
        });
        registerAskDataProductAction(deps.actionsRegistry, asks);

        const interopSettings = readInteropSettings(config);
        const interop = new InteropService({
          profiles,
          index: new InteropIndexCache({
            profiles,
            auth: deps.auth,
            logger,
            contractMaxAgeMs: interopSettings.contractMaxAgeMs,
          }),
          catalog: deps.catalog,
          auth: deps.auth,
          permissions: deps.permissions,
          decisions: new DatabaseInteropDecisionStore(db),
          suggestions: new DatabaseInteropSuggestionStore(db),
          logger,
        });
        deps.lifecycle.addShutdownHook(() => interop.close());
        await deps.scheduler.scheduleTask({
          id: INTEROP_SCAN_TASK_ID,
          ...interopSettings.schedule,
          fn: async () => {
            await interop.fullScan();
          },
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            profiles,
            asks,
            interop,
            auditor: deps.auditor,
            scorecards,
            interopTop: interopSettings.defaultTop,
            knowledge: new KnowledgeService({
              profiles,
              notes,
              permissions: deps.permissions,
            }),
          }),
        );
      },
    });
  },
});
