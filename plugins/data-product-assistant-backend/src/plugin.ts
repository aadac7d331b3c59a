import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { dataProductAssistantPermissions } from '@dpa/plugin-data-product-assistant-common';
import {
  dataProductAssistantModelsExtensionPoint,
  parseDomainConfig,
} from '@dpa/plugin-data-product-assistant-node';
import { registerAskDataProductAction } from './actions/askDataProductAction';
import { createAskServices } from './ask/createAskServices';
import { EngineThreads } from './ask/EngineThreads';
import { ModelProvidersExtension } from './ask/ModelProvidersExtension';
import { BudgetService } from './budget/BudgetService';
import { readBudgetSettings } from './budget/budgetSettings';
import { ClearancePolicy } from './ask/clearance';
import { DatabaseAskStore } from './database/DatabaseAskStore';
import { DatabaseBudgetLedgerStore } from './database/DatabaseBudgetLedgerStore';
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
import { EvalResults } from './registry/EvalResults';
import { ScorecardService } from './registry/ScorecardService';
import { createRouter } from './service/router';
import {
  DatabaseKnowledgeNoteStore,
  NOTES_TABLE,
} from './database/DatabaseKnowledgeNoteStore';
import { CachedKnowledgeNoteStore } from './database/CachedKnowledgeNoteStore';
import { CachedVerifiedAnswerStore } from './database/CachedVerifiedAnswerStore';
import { PostgresTableChangeFeed } from './database/TableChangeFeed';
import { KnowledgeService } from './knowledge/KnowledgeService';
import {
  DatabaseVerifiedAnswerStore,
  VERIFIED_ANSWERS_TABLE,
} from './database/DatabaseVerifiedAnswerStore';
import { ReviewService } from './review/ReviewService';
import { ReviewNotifier } from './review/ReviewNotifier';
import { auditModelPromotions } from './audit/modelPromotionAudit';
import { auditVerifiedAnswerDemoted } from './audit/verifiedAnswerDemotedAudit';
import {
  recheckVerifiedAnswers,
  VERIFIED_RECHECK_TASK_ID,
} from './review/recheckVerifiedAnswers';

/** The Data Product Assistant backend, mounted at /api/data-product-assistant. */
export const dataProductAssistantPlugin = createBackendPlugin({
  pluginId: 'data-product-assistant',
  register(env) {
    // Backend modules add model providers (e.g. OpenAI-compatible endpoints).
    const models = new ModelProvidersExtension();
    env.registerExtensionPoint(
      dataProductAssistantModelsExtensionPoint,
      models,
    );
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
        notifications: notificationService,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, database, httpRouter, httpAuth, userInfo } =
          deps;
        deps.permissionsRegistry.addPermissions(
          dataProductAssistantPermissions,
        );
        // A wrong model configuration, or a provider no module registered,
        // stops the backend here, not at the first question.
        const modelProviders = models.providers;
        const domainConfig = parseDomainConfig(
          {
            models: config.getOptional('dataProductAssistant.models'),
            domains: config.getOptional('dataProductAssistant.domains'),
            defaults: config.getOptional('dataProductAssistant.defaults'),
          },
          { providers: modelProviders },
        );
        const db = await migrate(database);
        const profiles = new DataProductProfileService({
          catalog: deps.catalog,
          urlReader: deps.urlReader,
          snapshots: new DatabaseContractSnapshotStore(db),
          integrations: ScmIntegrations.fromConfig(config),
          dataProductTypes: dataProductTypes(config),
          logger,
          recheckMs: config.getOptionalNumber(
            'dataProductAssistant.contractRecheckMs',
          ),
        });
        // Promoted champions (evals/registry) serve instead of app-config's models.
        const registry = ModelRegistry.fromConfig(
          config,
          logger,
          auditModelPromotions(deps.auditor),
        );
        const budget = new BudgetService(
          new DatabaseBudgetLedgerStore(db),
          readBudgetSettings(config),
        );
        await deps.scheduler.scheduleTask({
          id: 'data-product-assistant-budget-prune',
          frequency: { hours: 6 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 5 },
          fn: async () => {
            const pruned = await budget.prune();
            logger.info(
              `Pruned ${pruned} budget ledger entries older than 2 days`,
            );
          },
        });
        // Every ask reads notes and verified answers; owners rarely write them.
        // Kept in memory only while PostgreSQL tells this instance of every change.
        const changes = await PostgresTableChangeFeed.start(db, logger, {
          tables: [NOTES_TABLE, VERIFIED_ANSWERS_TABLE],
        });
        if (changes) deps.lifecycle.addShutdownHook(() => changes.close());
        const notes = changes
          ? new CachedKnowledgeNoteStore(
              new DatabaseKnowledgeNoteStore(db),
              changes,
            )
          : new DatabaseKnowledgeNoteStore(db);
        const askStore = new DatabaseAskStore(db);
        const verified = changes
          ? new CachedVerifiedAnswerStore(
              new DatabaseVerifiedAnswerStore(db),
              changes,
            )
          : new DatabaseVerifiedAnswerStore(db);
        const clearance = ClearancePolicy.fromConfig(config);
        const threads = EngineThreads.fromConfig(config, logger);
        deps.lifecycle.addShutdownHook(() => threads?.close());
        const asks = createAskServices({
          profiles,
          permissions: deps.permissions,
          auth: deps.auth,
          asks: askStore,
          domainConfig,
          modelProviders,
          clearance,
          userInfo,
          logger,
          registry,
          budget,
          notes,
          verified,
          onDemoted: auditVerifiedAnswerDemoted(deps.auditor),
          onReviewNeeded: ReviewNotifier.hookFor({
            notifications: deps.notifications,
            logger,
          }),
          threads,
        });
        const scorecards = new ScorecardService({
          registry,
          domainConfig,
          profiles,
          logger,
          evalResults: EvalResults.fromConfig(config, logger),
        });
        registerAskDataProductAction(
          deps.actionsRegistry,
          asks.ask,
          deps.auditor,
        );

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

        const knowledge = new KnowledgeService({
          profiles,
          notes,
          permissions: deps.permissions,
        });
        const reviews = new ReviewService({
          profiles,
          asks: askStore,
          history: asks.history,
          verifiedAnswers: asks.verifiedAnswers,
          verified,
          knowledge,
          notes,
          interop,
          permissions: deps.permissions,
          userInfo,
          clearance,
          interopTop: interopSettings.defaultTop,
        });
        // Contract changes are caught when someone asks; this catches them when nobody does.
        await deps.scheduler.scheduleTask({
          id: VERIFIED_RECHECK_TASK_ID,
          frequency: { minutes: 30 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await recheckVerifiedAnswers({
              verified,
              verifiedAnswers: asks.verifiedAnswers,
              profiles,
              auth: deps.auth,
              logger,
            });
          },
        });

        // Health checks carry no token, like Backstage's own (/.backstage/health/v1/*).
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.use(
          await createRouter({
            httpAuth,
            logger,
            ready: async () => {
              await db.raw('select 1');
              return true;
            },
            profiles,
            asks: asks.ask,
            history: asks.history,
            verifiedAnswers: asks.verifiedAnswers,
            interop,
            auditor: deps.auditor,
            scorecards,
            interopTop: interopSettings.defaultTop,
            knowledge,
            reviews,
          }),
        );
      },
    });
  },
});
