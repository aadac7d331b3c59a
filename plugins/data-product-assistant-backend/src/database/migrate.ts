import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

export const migrationsDir = resolvePackagePath(
  '@dpa/plugin-data-product-assistant-backend',
  'migrations',
);

/** Runs the plugin's migrations unless the deployment manages them itself. */
export async function migrate(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
