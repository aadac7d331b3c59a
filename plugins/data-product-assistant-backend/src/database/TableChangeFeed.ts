import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** The channel the tables' change triggers notify on (migration 20261231120000). */
export const CHANGE_CHANNEL = 'dpa_table_changes';

/**
 * Tells this instance when another one (or this one) changed a table, so that
 * what it keeps of that table can be dropped. `table` undefined: anything may
 * have changed (the feed was lost or came back).
 */
export interface TableChangeFeed {
  /** Whether changes reach this instance now; while not, nothing may be served from memory. */
  readonly live: boolean;
  onChange(listener: (table: string | undefined) => void): void;
}

/** What a raw pg connection offers (knex's `acquireRawConnection` on PostgreSQL). */
interface ListeningConnection {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (m: { payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: (e?: Error) => void): void;
  removeAllListeners(): void;
}

/**
 * PostgreSQL LISTEN on one connection of its own. Every write to a watched
 * table notifies in the writing transaction (a statement trigger), so the
 * notice reaches every instance when, and only when, the write commits,
 * whichever code or person wrote it.
 *
 * Fails closed: until LISTEN is in place, after the connection errs or ends,
 * and when a periodic ping does not come back, the feed is not live and
 * listeners are told to drop everything; it connects again with backoff.
 */
export class PostgresTableChangeFeed implements TableChangeFeed {
  private connection: ListeningConnection | undefined;
  private readonly listeners: Array<(table: string | undefined) => void> = [];
  private retryMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  live = false;

  private constructor(
    private readonly db: Knex,
    private readonly logger: LoggerService,
    private readonly options: {
      pingMs: number;
      maxRetryMs: number;
    },
  ) {}

  /**
   * A feed on the database's own connection settings, for tables whose
   * change trigger is in place; undefined on other databases, or when a
   * trigger is missing (e.g. migrations are managed elsewhere and not run).
   */
  static async start(
    db: Knex,
    logger: LoggerService,
    options: { tables: string[]; pingMs?: number; maxRetryMs?: number },
  ): Promise<PostgresTableChangeFeed | undefined> {
    if (db.client.dialect !== 'postgresql') return undefined;
    const triggers = await db('pg_trigger')
      .whereIn(
        'tgname',
        options.tables.map(table => `${table}_changed`),
      )
      .pluck('tgname');
    if (triggers.length < options.tables.length) {
      logger.warn(
        `No change trigger on ${options.tables.join(
          ', ',
        )} (migrations not run?): reading them from the database on every request`,
      );
      return undefined;
    }
    const feed = new PostgresTableChangeFeed(db, logger, {
      pingMs: options.pingMs ?? 10_000,
      maxRetryMs: options.maxRetryMs ?? 30_000,
    });
    await feed.connect();
    return feed;
  }

  onChange(listener: (table: string | undefined) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.drop();
  }

  private tell(table: string | undefined) {
    for (const listener of this.listeners) listener(table);
  }

  private async connect(): Promise<void> {
    try {
      const connection: ListeningConnection =
        await this.db.client.acquireRawConnection();
      if (this.closed) {
        await this.db.client.destroyRawConnection(connection);
        return;
      }
      this.connection = connection;
      connection.on('notification', m => this.tell(m.payload || undefined));
      connection.on('error', e => this.lost(e));
      connection.on('end', () => this.lost());
      await connection.query(`LISTEN ${CHANGE_CHANNEL}`);
      // Anything kept before LISTEN took effect may have missed a change.
      this.tell(undefined);
      this.live = true;
      this.retryMs = 0;
      this.schedule(this.options.pingMs, () => this.ping());
    } catch (error) {
      this.lost(error as Error);
    }
  }

  private async ping(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        connection.query('select 1'),
        new Promise((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error('no answer to a ping')),
            this.options.pingMs,
          );
        }),
      ]);
      if (connection === this.connection) {
        this.schedule(this.options.pingMs, () => this.ping());
      }
    } catch (error) {
      if (connection === this.connection) this.lost(error as Error);
    } finally {
      clearTimeout(timeout);
    }
  }

  private lost(error?: Error) {
    const wasLive = this.live;
    this.live = false;
    this.tell(undefined);
    if (this.closed) return;
    if (wasLive) {
      this.logger.warn(
        `Lost the database change feed${
          error ? `: ${error.message}` : ''
        }; reading notes and verified answers from the database until it is back`,
      );
    }
    void this.drop();
    this.retryMs = Math.min(
      this.options.maxRetryMs,
      Math.max(250, this.retryMs * 2),
    );
    this.schedule(this.retryMs, () => this.connect());
  }

  private schedule(ms: number, fn: () => Promise<void>) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void fn(), ms);
    this.timer.unref();
  }

  private async drop() {
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    connection.removeAllListeners();
    // An error after this is of a connection no longer used.
    connection.on('error', () => {});
    await this.db.client.destroyRawConnection(connection).catch(() => {});
  }
}
