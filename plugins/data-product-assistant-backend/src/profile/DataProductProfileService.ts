import { createHash } from 'node:crypto';
import type {
  BackstageCredentials,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotFoundError, isError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  CONTRACT_ANNOTATION,
  DOCS_ANNOTATION,
  type ContractProfile,
  type DataProductProfile,
  isDataProduct,
} from '@dpa/plugin-data-product-assistant-common';
import {
  buildProfile,
  parseContract,
} from '@dpa/plugin-data-product-assistant-node';
import { LRUCache } from 'lru-cache';
import type {
  ContractSnapshot,
  ContractSnapshotStore,
} from '../database/ContractSnapshotStore';
import { ContractValidationError } from './ContractValidationError';
import { deepFreeze } from './deepFreeze';
import { resolveSourceUrls } from './resolveSourceUrls';
import { normalizeEntityRef, type EntityRefInput } from './entityRefs';

const MAX_CONTRACT_BYTES = 5 * 1024 * 1024;

/** Products (and contract and doc sources) whose last read this instance keeps. */
const RECENT = 1000;

/**
 * A source found unchanged is marked fetched in the database at most this
 * often (`loadContracts` treats older marks as stale and reads again).
 */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * How long a contract or doc read is trusted before the next ask reads it
 * again (a conditional read), unless `contractRecheckMs` says otherwise: no
 * longer than an entity is kept (ProductAccess), far less than the catalog
 * takes to notice a change.
 */
export const DEFAULT_RECHECK_MS = 5_000;

/** A valid contract and the version of its snapshot (the ETag, else a content hash). */
export interface LoadedContract {
  source: string;
  version: string;
  contract: ContractProfile;
}

export interface ContractProblem {
  source: string;
  message: string;
}

export interface ProductContracts {
  entity: Entity;
  entityRef: string;
  contracts: LoadedContract[];
  /** Contracts that were skipped: missing annotation, unreadable, invalid. */
  problems: ContractProblem[];
}

/** Why a read failed, in words that name nothing inside the backend. */
function readFailure(error: unknown): string {
  switch (isError(error) ? error.name : '') {
    case 'NotFoundError':
      return 'not found';
    case 'NotAllowedError':
    case 'AuthenticationError':
      return 'not allowed';
    default:
      return 'the source did not answer';
  }
}

const sha256 = (text: string) =>
  `sha256:${createHash('sha256').update(text).digest('hex')}`;

const contentVersions = new WeakMap<ContractSnapshot, string>();

function snapshotVersion(snapshot: ContractSnapshot): string {
  if (snapshot.etag) return snapshot.etag;
  let version = contentVersions.get(snapshot);
  if (!version) {
    version = sha256(
      JSON.stringify(snapshot.valid ? snapshot.contract : snapshot.issues),
    );
    contentVersions.set(snapshot, version);
  }
  return version;
}

/** Loads a data product as the caller sees it: entity, contracts, docs. */
export class DataProductProfileService {
  /** The last snapshot of each source, so a read needs no database read before its conditional request. */
  private readonly snapshotCache = new LRUCache<string, ContractSnapshot>({
    max: RECENT,
  });
  private readonly docsCache = new LRUCache<
    string,
    { etag?: string; text: string; version: string }
  >({ max: RECENT });
  /** Sources read (or found unchanged) within the recheck interval: not read again yet. */
  private readonly fresh: LRUCache<string, true> | undefined;
  /**
   * The last profile of each product with what it was built from (entity
   * fields, contract snapshot versions, docs version): the same frozen
   * object is returned while none of them changed, so what is derived from
   * it (facts, their retrieval index) can be cached by identity.
   */
  private readonly profileCache = new LRUCache<
    string,
    { version: string; profile: DataProductProfile }
  >({ max: RECENT });

  constructor(
    private readonly options: {
      catalog: CatalogService;
      urlReader: UrlReaderService;
      snapshots: ContractSnapshotStore;
      integrations: ScmIntegrationRegistry;
      dataProductTypes: string[];
      logger: LoggerService;
      /** See DEFAULT_RECHECK_MS; 0: every call reads every source again. */
      recheckMs?: number;
    },
  ) {
    const ttl = options.recheckMs ?? DEFAULT_RECHECK_MS;
    this.fresh = ttl > 0 ? new LRUCache({ max: RECENT, ttl }) : undefined;
  }

  /** The entity, read with the caller's credentials: invisible means unknown. */
  async getDataProduct(
    input: EntityRefInput,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entityRef = normalizeEntityRef(input);
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    if (!isDataProduct(entity, this.options.dataProductTypes)) {
      throw new InputError(
        `${entityRef} is not a data product: its spec.type is "${
          entity.spec?.type ?? 'unset'
        }", expected one of ${this.options.dataProductTypes.join(', ')}`,
      );
    }
    return entity;
  }

  /**
   * The product as the caller sees it: the entity read with the caller's
   * credentials (the permission check; not again when the caller already
   * read it, `known`), its contracts and docs read again once their last
   * read is past the recheck interval (conditional reads), rebuilt only
   * when one changed.
   */
  async getProfile(
    input: EntityRefInput,
    credentials: BackstageCredentials,
    known?: Entity,
  ): Promise<DataProductProfile> {
    const entityRef = normalizeEntityRef(input);
    const entity = known ?? (await this.getDataProduct(entityRef, credentials));
    const annotation = entity.metadata.annotations?.[CONTRACT_ANNOTATION];
    if (!annotation) {
      throw new InputError(
        `${entityRef} has no ${CONTRACT_ANNOTATION} annotation pointing at its ODCS contract`,
      );
    }
    const sources = resolveSourceUrls(
      entity,
      annotation,
      this.options.integrations,
    );
    const [contracts, docs] = await Promise.all([
      Promise.all(
        sources.map(async source => ({
          source,
          snapshot: await this.readContract(source),
        })),
      ),
      this.readDocs(entity),
    ]);
    const relations = (type: string) =>
      (entity.relations ?? [])
        .filter(r => r.type === type)
        .map(r => r.targetRef);
    const product = {
      ref: stringifyEntityRef(entity),
      title: entity.metadata.title,
      description: entity.metadata.description,
      owner:
        relations(RELATION_OWNED_BY)[0] ??
        (entity.spec?.owner as string | undefined),
      domain: entity.spec?.domain as string | undefined,
      tags: entity.metadata.tags,
      dependsOn: relations(RELATION_DEPENDS_ON),
      dependents: relations(RELATION_DEPENDENCY_OF),
    };
    const version = sha256(
      JSON.stringify([
        product,
        contracts.map(c => [c.source, snapshotVersion(c.snapshot)]),
        docs?.version ?? null,
      ]),
    );
    const cached = this.profileCache.get(product.ref);
    if (cached?.version === version) return cached.profile;
    const profile = deepFreeze(
      buildProfile(
        product,
        contracts.map(c => ({
          source: c.source,
          contract: c.snapshot.contract,
        })),
        docs?.text,
      ),
    );
    this.profileCache.set(product.ref, { version, profile });
    return profile;
  }

  /**
   * Every data product the credentials may read. `fields` narrows what the
   * catalog returns (a visibility check needs no annotations).
   */
  async listDataProducts(
    credentials: BackstageCredentials,
    fields?: string[],
  ): Promise<Entity[]> {
    const { items } = await this.options.catalog.getEntities(
      { filter: { 'spec.type': this.options.dataProductTypes }, fields },
      { credentials },
    );
    return items;
  }

  /**
   * The contracts of many products at once: a stored snapshot younger than
   * `maxAgeMs` is used as is, anything older or missing is read again through
   * the UrlReader (a conditional read with the stored ETag). Invalid or
   * unreadable contracts come back as problems, never as errors.
   */
  async loadContracts(
    entities: Entity[],
    options: { maxAgeMs: number; concurrency?: number },
  ): Promise<ProductContracts[]> {
    const products = entities.map(entity => {
      const entityRef = stringifyEntityRef(entity);
      const annotation = entity.metadata.annotations?.[CONTRACT_ANNOTATION];
      let sources: string[] = [];
      let problem: string | undefined;
      try {
        sources = annotation
          ? resolveSourceUrls(entity, annotation, this.options.integrations)
          : [];
        if (!annotation) problem = `no ${CONTRACT_ANNOTATION} annotation`;
      } catch (error) {
        problem = `unresolvable ${CONTRACT_ANNOTATION}: ${
          isError(error) ? error.message : error
        }`;
      }
      return { entity, entityRef, sources, problem };
    });
    const allSources = [...new Set(products.flatMap(p => p.sources))];
    const stored = await this.options.snapshots.getMany(allSources);
    const now = Date.now();
    const snapshots = new Map<string, ContractSnapshot>();
    const stale = allSources.filter(source => {
      const snapshot = stored.get(source);
      if (snapshot && now - snapshot.fetchedAt.getTime() < options.maxAgeMs) {
        snapshots.set(source, snapshot);
        return false;
      }
      return true;
    });
    let next = 0;
    const worker = async () => {
      while (next < stale.length) {
        const source = stale[next++];
        snapshots.set(
          source,
          await this.readSnapshot(source, stored.get(source)),
        );
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(options.concurrency ?? 8, stale.length) },
        worker,
      ),
    );
    return products.map(({ entity, entityRef, sources, problem }) => {
      const contracts: LoadedContract[] = [];
      const problems: ContractProblem[] = problem
        ? [{ source: entityRef, message: problem }]
        : [];
      for (const source of sources) {
        const snapshot = snapshots.get(source)!;
        if (snapshot.valid) {
          contracts.push({
            source,
            version: snapshotVersion(snapshot),
            contract: snapshot.contract,
          });
        } else {
          const first = snapshot.issues[0];
          problems.push({
            source,
            message: `${snapshot.issues.length} problem(s), first: ${first?.path} ${first?.message}`,
          });
        }
      }
      return { entity, entityRef, contracts, problems };
    });
  }

  private async readContract(
    source: string,
  ): Promise<Extract<ContractSnapshot, { valid: true }>> {
    const cached = this.snapshotCache.get(source);
    const snapshot =
      cached && this.fresh?.has(`contract:${source}`)
        ? cached
        : await this.readSnapshot(
            source,
            cached ?? (await this.options.snapshots.get(source)),
          );
    if (snapshot.valid) return snapshot;
    throw new ContractValidationError(snapshot.source, snapshot.issues);
  }

  /** Reads a contract through the UrlReader; the result, valid or not, is stored. */
  private async readSnapshot(
    source: string,
    previous: ContractSnapshot | undefined,
  ): Promise<ContractSnapshot> {
    const { snapshots, urlReader } = this.options;
    let text: string;
    let etag: string | undefined;
    // Not stored: the next read tries again.
    const unreadable = (message: string): ContractSnapshot => ({
      source,
      valid: false,
      issues: [{ path: '/', message }],
      fetchedAt: new Date(),
    });
    try {
      const response = await urlReader.readUrl(source, {
        etag: previous?.etag,
      });
      const buffer = await response.buffer();
      if (buffer.length > MAX_CONTRACT_BYTES) {
        return unreadable(
          `the contract is larger than ${MAX_CONTRACT_BYTES} bytes`,
        );
      }
      text = buffer.toString('utf8');
      etag = response.etag;
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError' && previous) {
        const fetchedAt = new Date();
        if (
          fetchedAt.getTime() - previous.fetchedAt.getTime() <
          TOUCH_INTERVAL_MS
        ) {
          this.remember(source, previous);
          return previous;
        }
        await snapshots.touch(source, fetchedAt);
        const touched = { ...previous, fetchedAt };
        this.remember(source, touched);
        return touched;
      }
      // The reader's own message may name hosts, paths or tokens: it goes to the log only.
      this.options.logger.warn(
        `Could not read the contract ${source}: ${
          isError(error) ? error.message : String(error)
        }`,
      );
      return unreadable(
        `the contract could not be read (${readFailure(error)})`,
      );
    }
    const parsed = parseContract(text);
    const fetchedAt = new Date();
    const snapshot: ContractSnapshot = parsed.ok
      ? { source, etag, valid: true, contract: parsed.contract, fetchedAt }
      : { source, etag, valid: false, issues: parsed.issues, fetchedAt };
    await snapshots.put(snapshot);
    this.remember(source, snapshot);
    return snapshot;
  }

  private remember(source: string, snapshot: ContractSnapshot) {
    this.snapshotCache.set(source, snapshot);
    this.fresh?.set(`contract:${source}`, true);
  }

  /**
   * Docs are optional: a missing or unreadable doc never hides the profile.
   * Read again once the last read is past the recheck interval, conditionally on its ETag.
   */
  private async readDocs(
    entity: Entity,
  ): Promise<{ text: string; version: string } | undefined> {
    const annotation = entity.metadata.annotations?.[DOCS_ANNOTATION];
    if (!annotation) return undefined;
    const [source] = resolveSourceUrls(
      entity,
      annotation,
      this.options.integrations,
    );
    const previous = this.docsCache.get(source);
    if (previous && this.fresh?.has(`docs:${source}`)) return previous;
    try {
      const response = await this.options.urlReader.readUrl(source, {
        etag: previous?.etag,
      });
      const text = (await response.buffer()).toString('utf8');
      const read = {
        etag: response.etag,
        text,
        version: response.etag ?? sha256(text),
      };
      this.docsCache.set(source, read);
      this.fresh?.set(`docs:${source}`, true);
      return read;
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError' && previous) {
        this.fresh?.set(`docs:${source}`, true);
        return previous;
      }
      this.options.logger.warn(`Could not read docs ${source}: ${error}`);
      return undefined;
    }
  }
}
