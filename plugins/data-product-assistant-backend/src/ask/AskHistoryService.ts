import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type {
  AskFeedback,
  AskRecord,
  FeedbackRequest,
} from '@dpa/plugin-data-product-assistant-common';
import type {
  Fact,
  KnowledgeNoteStore,
} from '@dpa/plugin-data-product-assistant-node';
import type { AskStore, StoredAsk } from '../database/AskStore';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import { resolveReader } from './caller';
import type { EntityRefInput } from '../profile/entityRefs';
import type { ClearancePolicy } from './clearance';
import type { FactsCache } from '@dpa/plugin-data-product-assistant-node';
import type { ProductAccess, ReadableProduct } from './ProductAccess';
import { readerView } from './readerView';
import { toRecord } from './toRecord';

/**
 * Stored asks as their readers may see them (history, one ask) and the
 * readers' feedback. Every read opens the stored answer at the READER's
 * clearance (`readerView`), whoever asked it, and only for readers of its
 * product.
 */
export class AskHistoryService {
  constructor(
    private readonly options: {
      asks: AskStore;
      access: ProductAccess;
      profiles: DataProductProfileService;
      clearance: ClearancePolicy;
      userInfo: UserInfoService;
      facts: FactsCache;
      /** Owners' knowledge notes (part of a product's facts); none: no notes. */
      notes?: KnowledgeNoteStore;
    },
  ) {}

  private reader(credentials: BackstageCredentials) {
    return resolveReader(
      this.options.userInfo,
      this.options.clearance,
      credentials,
    );
  }

  /**
   * The product's facts, to redact asks stored before answers were sealed;
   * none when its contract cannot be read (those asks are then withheld).
   */
  private async legacyFacts(
    product: ReadableProduct,
    credentials: BackstageCredentials,
  ): Promise<Fact[] | undefined> {
    try {
      const profile = await this.options.profiles.getProfile(
        product.entityRef,
        credentials,
        product.entity,
      );
      return this.options.facts.factsFor(
        profile,
        await this.options.notes?.listNotes(profile.entityRef),
      );
    } catch {
      return undefined;
    }
  }

  async history(
    entityRef: EntityRefInput,
    credentials: BackstageCredentials,
    page: { limit: number; offset: number },
  ): Promise<{ items: AskRecord[]; total: number }> {
    const [reader, product] = await Promise.all([
      this.reader(credentials),
      this.options.access.readable(entityRef, credentials),
    ]);
    const { items, total } = await this.options.asks.listForEntity(
      product.entityRef,
      page,
    );
    const legacy = items.some(item => !item.sealed)
      ? await this.legacyFacts(product, credentials)
      : undefined;
    const withFeedback = await Promise.all(
      items.map(async item =>
        toRecord(
          readerView(item, reader.clearance, legacy),
          await this.options.asks.getFeedback(item.id, reader.userRef),
        ),
      ),
    );
    return { items: withFeedback, total };
  }

  /** The ask, if the caller may read the product it was asked of; otherwise it does not exist. */
  async visibleAsk(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<StoredAsk> {
    return (await this.visible(id, credentials)).stored;
  }

  private async visible(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<{ stored: StoredAsk; product: ReadableProduct }> {
    const stored = await this.options.asks.get(id);
    if (!stored) throw new NotFoundError(`No answer with id ${id}`);
    let entity: Entity;
    try {
      ({ entity } = await this.options.access.readable(
        stored.entityRef,
        credentials,
      ));
    } catch {
      throw new NotFoundError(`No answer with id ${id}`);
    }
    return { stored, product: { entityRef: stored.entityRef, entity } };
  }

  async get(id: string, credentials: BackstageCredentials): Promise<AskRecord> {
    const [reader, { stored, product }] = await Promise.all([
      this.reader(credentials),
      this.visible(id, credentials),
    ]);
    const legacy = stored.sealed
      ? undefined
      : await this.legacyFacts(product, credentials);
    return toRecord(
      readerView(stored, reader.clearance, legacy),
      await this.options.asks.getFeedback(id, reader.userRef),
    );
  }

  async feedback(
    id: string,
    request: FeedbackRequest,
    credentials: BackstageCredentials,
  ): Promise<AskFeedback> {
    const [reader] = await Promise.all([
      this.reader(credentials),
      this.visible(id, credentials),
    ]);
    const feedback: AskFeedback = {
      helpful: request.helpful,
      comment: request.comment?.trim() || undefined,
      userRef: reader.userRef,
      createdAt: new Date().toISOString(),
    };
    await this.options.asks.setFeedback(id, feedback);
    return feedback;
  }
}
