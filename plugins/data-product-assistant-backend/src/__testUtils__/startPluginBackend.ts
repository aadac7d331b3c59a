import path from 'node:path';
import {
  mockServices,
  startTestBackend,
  type TestDatabaseId,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  createServiceFactory,
  type BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { dataProductAssistantPlugin } from '../plugin';
import { fileUrlReaderServiceFactory } from '../reading/FileUrlReader';
import { demoProducts, fixturesDir, fromFile, repoRoot } from './demoEntities';

/** A user the catalog hides every data product from, as a deny policy would. */
export const OUTSIDER = 'user:default/outsider';

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
    ...['broken-product', 'missing-contract-product', 'service', 'unannotated-product'].map(f =>
      fromFile(path.join(fixturesDir, `${f}.yaml`)),
    ),
  ];
}

/** The backend plugin on a real database, the demo catalog and the file reader. */
export async function startPluginBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  config: Record<string, unknown> = {},
) {
  const knex = await databases.init(databaseId);
  const catalog = catalogServiceMock({ entities: testEntities() });
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  catalog.getEntityByRef = async (ref, options) => {
    const credentials = (options as { credentials?: BackstageCredentials } | undefined)
      ?.credentials;
    const principal = credentials?.principal as { userEntityRef?: string } | undefined;
    return principal?.userEntityRef === OUTSIDER ? undefined : getEntityByRef(ref, options as any);
  };
  const actions = actionsRegistryServiceMock();
  const { server } = await startTestBackend({
    features: [
      dataProductAssistantPlugin,
      fileUrlReaderServiceFactory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          dataProductAssistant: {
            localFiles: { allow: [path.join(repoRoot, 'examples'), fixturesDir] },
            ...config,
          },
        },
      }),
      createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => catalog }),
      createServiceFactory({ service: actionsRegistryServiceRef, deps: {}, factory: () => actions }),
    ],
  });
  return { server, knex, actions };
}
