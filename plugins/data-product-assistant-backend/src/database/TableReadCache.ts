import { LRUCache } from 'lru-cache';
import type { TableChangeFeed } from './TableChangeFeed';

/**
 * Reads of one table kept in memory, only while a change feed tells this
 * instance of every change to that table: a change there, or the feed's
 * loss, drops them all, and a read that overlapped a change is not kept.
 * Each caller gets its own copy, so no request changes what another sees.
 */
export class TableReadCache<V extends object> {
  private readonly entries = new LRUCache<string, V>({ max: 1000 });
  private generation = 0;

  constructor(private readonly feed: TableChangeFeed, table: string) {
    feed.onChange(changed => {
      if (changed === undefined || changed === table) this.clear();
    });
  }

  /** Drops everything kept, and any read now under way (this instance wrote the table). */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  async read(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.feed.live) return load();
    const kept = this.entries.get(key);
    if (kept) return structuredClone(kept);
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && this.feed.live) {
      this.entries.set(key, structuredClone(value));
    }
    return value;
  }

  /** Runs a write, then drops what was kept: this instance reads its own writes at once. */
  async afterWrite<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.clear();
    }
  }
}
