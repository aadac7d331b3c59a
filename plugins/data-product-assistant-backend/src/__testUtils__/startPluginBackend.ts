import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestDatabaseId,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { Knex } from 'knex';
import {
  coreServices,
  createServiceFactory,
  type BackendFeature,
  type BackstageCredentials,
  type PermissionsService,
  type RootLoggerService,
  type SchedulerService,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { InputError } from '@backstage/errors';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import dataProductAssistantModuleOpenAi from '@dpa/plugin-data-product-assistant-backend-module-openai';
import { dataProductAssistantPlugin } from '../plugin';
import { fileUrlReaderServiceFactory } from '../reading/FileUrlReader';
import { demoProducts, fixturesDir, fromFile, repoRoot } from './demoEntities';

/** A user the catalog hides every data product from, as a deny policy would. */
export const OUTSIDER = 'user:default/outsider';

/** A user the catalog hides customer-profiles from (and only that product). */
export const NO_CUSTOMER_DATA = 'user:default/no-customer-data';
const hiddenFrom: Record<string, (ref: string) => boolean> = {
  [OUTSIDER]: () => true,
  [NO_CUSTOMER_DATA]: ref => ref === 'component:default/customer-profiles',
};

/** Owners of the demo products in the tests: who the policy double lets decide. */
export const SALES_OWNER = 'user:default/sally';
export const CUSTOMER_OWNER = 'user:default/carl';
export const defaultOwners: Record<string, string[]> = {
  'component:default/sales-orders': [SALES_OWNER],
  'component:default/sales-returns': [SALES_OWNER],
  'component:default/customer-profiles': [CUSTOMER_OWNER],
};

/**
 * A test double of the permission policy: owner-only data product
 * permissions are allowed when the user is among the resource's owners;
 * reading a catalog entity is denied where the catalog double hides it;
 * everything else is allowed. (The real policy is tested in packages/backend.)
 */
export function ownerPermissions(
  owners: Record<string, string[]>,
): PermissionsService {
  const ownerOnly = (name: string) =>
    name.startsWith('data-product-assistant.') &&
    name !== 'data-product-assistant.model.promote';
  const decide = (
    request: { permission: { name: string }; resourceRef?: string },
    credentials: BackstageCredentials,
  ): { result: AuthorizeResult.ALLOW | AuthorizeResult.DENY } => {
    if (request.permission.name === 'catalog.entity.read') {
      const user = (credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      const hidden =
        !!request.resourceRef &&
        !!hiddenFrom[user ?? '']?.(request.resourceRef);
      return { result: hidden ? AuthorizeResult.DENY : AuthorizeResult.ALLOW };
    }
    if (!ownerOnly(request.permission.name))
      return { result: AuthorizeResult.ALLOW };
    const principal = credentials.principal as {
      type?: string;
      userEntityRef?: string;
    };
    if (principal.type === 'service') return { result: AuthorizeResult.ALLOW };
    const allowed =
      !!request.resourceRef &&
      (owners[request.resourceRef] ?? []).includes(
        principal.userEntityRef ?? '',
      );
    return { result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  };
  return {
    async authorize(requests, options) {
      return requests.map(r => decide(r as any, options.credentials)) as any;
    },
    async authorizeConditional(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any;
    },
  };
}

export function testEntities(): Entity[] {
  const products = demoProducts();
  const salesOrders = products.find(e => e.metadata.name === 'sales-orders')!;
  // The catalog computes relations; the mock does not, so give one product its lineage.
  salesOrders.relations = [
    { type: 'ownedBy', targetRef: 'group:default/sales-team' },
    { type: 'dependsOn', targetRef: 'component:default/customer-profiles' },
    { type: 'dependencyOf', targetRef: 'component:default/invoices' },
  ];
  return [
    ...products,
    ...[
      'broken-product',
      'missing-contract-product',
      'service',
      'unannotated-product',
    ].map(f => fromFile(path.join(fixturesDir, `${f}.yaml`))),
  ];
}

/** A root logger that keeps what is logged at info level or above. */
function capturingRootLogger(lines: string[]) {
  const logger = (): RootLoggerService => ({
    error: message => void lines.push(message),
    warn: message => void lines.push(message),
    info: message => void lines.push(message),
    debug: () => undefined,
    child: () => logger(),
  });
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => logger(),
  });
}

/** The backend plugin on a real database, the demo catalog and the file reader. */
export async function startPluginBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  config: Record<string, unknown> = {},
  backendOptions: {
    owners?: Record<string, string[]>;
    /** Further entities in the catalog, e.g. a product whose contract a test rewrites. */
    entities?: Entity[];
    /** Groups users belong to (their ownership refs), e.g. for clearance by group. */
    memberships?: Record<string, string[]>;
    /** Requests without a token are anonymous (refused unless a route allows them), not a default user. */
    anonymousWithoutToken?: boolean;
    /** A database another backend uses too (a second replica); a new one otherwise. */
    knex?: Knex;
    /** Backstage's scheduler on the database (coordinates replicas) instead of the on-demand mock. */
    realScheduler?: boolean;
    /** Collects every message logged at info level or above. */
    logLines?: string[];
    /** Further modules, e.g. one adding a model provider. */
    features?: BackendFeature[];
  } = {},
) {
  const knex = backendOptions.knex ?? (await databases.init(databaseId));
  const catalog = catalogServiceMock({
    entities: [...testEntities(), ...(backendOptions.entities ?? [])],
  });
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  catalog.getEntityByRef = async (ref, options) => {
    const credentials = (
      options as { credentials?: BackstageCredentials } | undefined
    )?.credentials;
    const principal = credentials?.principal as
      | { userEntityRef?: string }
      | undefined;
    const hidden = hiddenFrom[principal?.userEntityRef ?? ''];
    const entity = await getEntityByRef(ref, options as any);
    return entity && hidden?.(stringifyEntityRef(entity)) ? undefined : entity;
  };
  const getEntities = catalog.getEntities.bind(catalog);
  catalog.getEntities = async (request, options) => {
    const principal = (
      options as { credentials?: BackstageCredentials } | undefined
    )?.credentials?.principal as { userEntityRef?: string } | undefined;
    const hidden = hiddenFrom[principal?.userEntityRef ?? ''];
    const response = await getEntities(request, options as any);
    if (!hidden) return response;
    return {
      items: response.items.filter(e => !hidden(stringifyEntityRef(e))),
    };
  };
  const refreshed: string[] = [];
  catalog.refreshEntity = async ref => {
    refreshed.push(ref);
  };
  // The mock scheduler runs tasks on demand (`triggerTask`); its type does not say so.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(options?: {
      skipTaskRunOnStartup?: boolean;
    }): ServiceFactory<SchedulerService>;
  };
  const auditor = mockServices.auditor.mock();
  const permissions = ownerPermissions(backendOptions.owners ?? defaultOwners);
  const actions = actionsRegistryServiceMock();
  // What the notifications backend would have been asked to send.
  const notifications: NotificationSendOptions[] = [];
  const { server } = await startTestBackend({
    features: [
      dataProductAssistantPlugin,
      // As packages/backend adds it: specs with `provider: openai` are served.
      dataProductAssistantModuleOpenAi,
      ...(backendOptions.features ?? []),
      fileUrlReaderServiceFactory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          dataProductAssistant: {
            localFiles: {
              allow: [path.join(repoRoot, 'examples'), fixturesDir],
            },
            // asks on the event loop: a thread per test backend costs seconds (EngineThreads.test.ts)
            engineThreads: 0,
            // contracts read on every ask: tests rewrite them between asks (mutableProduct)
            contractRecheckMs: 0,
            ...config,
          },
        },
      }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actions,
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => permissions,
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          async send(options: NotificationSendOptions) {
            notifications.push(options);
          },
        }),
      }),
      backendOptions.realScheduler
        ? schedulerServiceFactory
        : scheduler.factory({ skipTaskRunOnStartup: true }),
      auditor.factory,
      ...(backendOptions.logLines
        ? [capturingRootLogger(backendOptions.logLines)]
        : []),
      ...(backendOptions.anonymousWithoutToken
        ? [
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
          ]
        : []),
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          async getUserInfo(credentials: BackstageCredentials) {
            const principal = credentials.principal as {
              type?: string;
              userEntityRef?: string;
            };
            if (principal.type !== 'user' || !principal.userEntityRef) {
              throw new InputError('User info is only available for users');
            }
            const user = principal.userEntityRef;
            return {
              userEntityRef: user,
              ownershipEntityRefs: [
                user,
                ...(backendOptions.memberships?.[user] ?? []),
              ],
            };
          },
        }),
      }),
    ],
  });
  return {
    server,
    knex,
    actions,
    scheduler,
    auditor,
    refreshed,
    notifications,
  };
}
