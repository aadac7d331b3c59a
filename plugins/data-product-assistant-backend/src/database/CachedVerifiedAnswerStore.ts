import type { VerifiedAnswerRecord } from '@dpa/plugin-data-product-assistant-common';
import { VERIFIED_ANSWERS_TABLE } from './DatabaseVerifiedAnswerStore';
import type { TableChangeFeed } from './TableChangeFeed';
import { TableReadCache } from './TableReadCache';
import type { VerifiedAnswerStore } from './VerifiedAnswerStore';

/**
 * A product's active verified answers kept in memory between changes: every
 * ask looks for one, owners rarely verify. Everything else goes to the store.
 */
export class CachedVerifiedAnswerStore implements VerifiedAnswerStore {
  private readonly active: TableReadCache<VerifiedAnswerRecord[]>;

  constructor(
    private readonly store: VerifiedAnswerStore,
    feed: TableChangeFeed,
  ) {
    this.active = new TableReadCache(feed, VERIFIED_ANSWERS_TABLE);
  }

  listForEntity(
    entityRef: string,
    options: { all?: boolean } = {},
  ): Promise<VerifiedAnswerRecord[]> {
    if (options.all) return this.store.listForEntity(entityRef, options);
    return this.active.read(entityRef, () =>
      this.store.listForEntity(entityRef),
    );
  }

  get(id: string): Promise<VerifiedAnswerRecord | undefined> {
    return this.store.get(id);
  }

  listActive(): Promise<VerifiedAnswerRecord[]> {
    return this.store.listActive();
  }

  insert(record: VerifiedAnswerRecord): Promise<void> {
    return this.active.afterWrite(() => this.store.insert(record));
  }

  updateCitations(
    id: string,
    citations: VerifiedAnswerRecord['citations'],
  ): Promise<void> {
    return this.active.afterWrite(() =>
      this.store.updateCitations(id, citations),
    );
  }

  demote(id: string, reason: string, at: string): Promise<boolean> {
    return this.active.afterWrite(() => this.store.demote(id, reason, at));
  }
}
