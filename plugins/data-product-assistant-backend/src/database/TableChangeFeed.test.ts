import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { randomUUID } from 'node:crypto';
import { knex as createKnex, type Knex } from 'knex';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from 'vitest';
import { migrate, migrationsDir } from './migrate';
import { NOTES_TABLE } from './DatabaseKnowledgeNoteStore';
import { VERIFIED_ANSWERS_TABLE } from './DatabaseVerifiedAnswerStore';
import { PostgresTableChangeFeed } from './TableChangeFeed';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const tables = [NOTES_TABLE, VERIFIED_ANSWERS_TABLE];
const logger = mockServices.logger.mock();

/** Resolves once `check` holds, polling every 10 ms for up to 5 s. */
const eventually = (check: () => boolean) =>
  vi.waitFor(() => expect(check()).toBe(true), {
    timeout: 5000,
    interval: 10,
  });

const note = () => ({
  id: randomUUID(),
  entity_ref: 'component:default/x',
  text: 'a note',
  column: null,
  author: 'user:default/a',
  created_at: new Date(),
  updated_at: new Date(),
});

describe('PostgresTableChangeFeed', () => {
  let db: Knex;
  let other: Knex;
  const feeds: PostgresTableChangeFeed[] = [];

  beforeAll(async () => {
    const database = await databases.init('POSTGRES_15');
    db = await migrate({ getClient: async () => database });
    // another instance: a pool of its own on the same database
    other = createKnex(database.client.config);
  });
  afterEach(async () => {
    await Promise.all(feeds.splice(0).map(f => f.close()));
  });
  afterAll(async () => {
    await other?.destroy();
  });

  const start = async (options: { pingMs?: number } = {}) => {
    const feed = await PostgresTableChangeFeed.start(db, logger, {
      tables,
      maxRetryMs: 100,
      ...options,
    });
    if (!feed) throw new Error('no feed');
    feeds.push(feed);
    const heard: Array<string | undefined> = [];
    feed.onChange(t => heard.push(t));
    return { feed, heard };
  };

  it('tells of a write another instance committed, naming the table', async () => {
    const { feed, heard } = await start();
    expect(feed.live).toBe(true);
    await other(NOTES_TABLE).insert(note());
    await eventually(() => heard.includes(NOTES_TABLE));
    await other(VERIFIED_ANSWERS_TABLE).where({ entity_ref: 'none' }).delete();
    await eventually(() => heard.includes(VERIFIED_ANSWERS_TABLE));
  });

  it('tells nothing of a write that was rolled back', async () => {
    const { heard } = await start();
    await other
      .transaction(async trx => {
        await trx(NOTES_TABLE).insert(note());
        throw new Error('rolled back');
      })
      .catch(() => {});
    // a committed write after it: once that is heard, the rolled-back one would have been too
    await other('dpa_asks').where({ entity_ref: 'none' }).delete();
    await other(VERIFIED_ANSWERS_TABLE).where({ entity_ref: 'none' }).delete();
    await eventually(() => heard.includes(VERIFIED_ANSWERS_TABLE));
    expect(heard).not.toContain(NOTES_TABLE);
  });

  it('is not live once its connection is killed, says so, and comes back', async () => {
    const { feed, heard } = await start();
    await other.raw(
      `select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%' and pid <> pg_backend_pid()`,
    );
    await eventually(() => !feed.live);
    expect(heard).toContain(undefined);
    await eventually(() => feed.live);
    await other(NOTES_TABLE).where({ entity_ref: 'none' }).delete();
    await eventually(() => heard.includes(NOTES_TABLE));
  });

  it('refuses to start when a table has no change trigger', async () => {
    await expect(
      PostgresTableChangeFeed.start(db, logger, {
        tables: [NOTES_TABLE, 'dpa_asks'],
      }),
    ).resolves.toBeUndefined();
  });

  it('is not started once the trigger migration is rolled back', async () => {
    await db.migrate.down({
      directory: migrationsDir,
      name: '20261231120000_table_change_notify.js',
    });
    try {
      await expect(
        PostgresTableChangeFeed.start(db, logger, { tables }),
      ).resolves.toBeUndefined();
    } finally {
      await db.migrate.latest({ directory: migrationsDir });
    }
    await expect(
      PostgresTableChangeFeed.start(db, logger, { tables }).then(f => {
        if (f) feeds.push(f);
        return f?.live;
      }),
    ).resolves.toBe(true);
  });

  it('is not started on SQLite', async () => {
    const sqlite = await databases.init('SQLITE_3');
    await expect(
      PostgresTableChangeFeed.start(sqlite, logger, { tables }),
    ).resolves.toBeUndefined();
  });
});
