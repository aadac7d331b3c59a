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
} from '@dpa/plugin-data-product-assistant-common';
import { buildProfile, parseContract } from '@dpa/plugin-data-product-assistant-node';
import type { ContractSnapshotStore } from '../database/ContractSnapshotStore';
import { ContractValidationError } from './ContractValidationError';
import { isDataProduct } from './dataProductFilter';
import { resolveSourceUrls } from './resolveSourceUrls';

const MAX_CONTRACT_BYTES = 5 * 1024 * 1024;

/** Loads a data product as the caller sees it: entity, contracts, docs. */
export class DataProductProfileService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      urlReader: UrlReaderService;
      snapshots: ContractSnapshotStore;
      integrations: ScmIntegrationRegistry;
      dataProductTypes: string[];
      logger: LoggerService;
    },
  ) {}

  /** The entity, read with the caller's credentials: invisible means unknown. */
  async getDataProduct(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    if (!isDataProduct(entity, this.options.dataProductTypes)) {
      throw new InputError(
        `${entityRef} is not a data product: its spec.type is "${
          entity.spec?.type ?? 'unset'
        }", expected one of ${this.options.dataProductTypes.join(', ')}`,
      );
    }
    return entity;
  }

  async getProfile(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<DataProductProfile> {
    const entity = await this.getDataProduct(entityRef, credentials);
    const annotation = entity.metadata.annotations?.[CONTRACT_ANNOTATION];
    if (!annotation) {
      throw new InputError(
        `${entityRef} has no ${CONTRACT_ANNOTATION} annotation pointing at its ODCS contract`,
      );
    }
    const sources = resolveSourceUrls(entity, annotation, this.options.integrations);
    const contracts = await Promise.all(
      sources.map(async source => ({ source, contract: await this.readContract(source) })),
    );
    const relations = (type: string) =>
      (entity.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);
    return buildProfile(
      {
        ref: stringifyEntityRef(entity),
        title: entity.metadata.title,
        description: entity.metadata.description,
        owner: relations(RELATION_OWNED_BY)[0] ?? (entity.spec?.owner as string | undefined),
        domain: entity.spec?.domain as string | undefined,
        tags: entity.metadata.tags,
        dependsOn: relations(RELATION_DEPENDS_ON),
        dependents: relations(RELATION_DEPENDENCY_OF),
      },
      contracts,
      await this.readDocs(entity),
    );
  }

  private async readContract(source: string): Promise<ContractProfile> {
    const { snapshots, urlReader } = this.options;
    const previous = await snapshots.get(source);
    let text: string;
    let etag: string | undefined;
    try {
      const response = await urlReader.readUrl(source, { etag: previous?.etag });
      const buffer = await response.buffer();
      if (buffer.length > MAX_CONTRACT_BYTES) {
        throw new ContractValidationError(source, [
          { path: '/', message: `the contract is larger than ${MAX_CONTRACT_BYTES} bytes` },
        ]);
      }
      text = buffer.toString('utf8');
      etag = response.etag;
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError' && previous) {
        return this.fromSnapshot(previous);
      }
      if (error instanceof ContractValidationError) throw error;
      throw new ContractValidationError(source, [
        { path: '/', message: `the contract could not be read: ${isError(error) ? error.message : String(error)}` },
      ]);
    }
    const parsed = parseContract(text);
    const fetchedAt = new Date();
    if (parsed.ok) {
      await snapshots.put({ source, etag, valid: true, contract: parsed.contract, fetchedAt });
      return parsed.contract;
    }
    await snapshots.put({ source, etag, valid: false, issues: parsed.issues, fetchedAt });
    throw new ContractValidationError(source, parsed.issues);
  }

  private fromSnapshot(snapshot: Awaited<ReturnType<ContractSnapshotStore['get']>> & {}) {
    if (snapshot.valid) return snapshot.contract;
    throw new ContractValidationError(snapshot.source, snapshot.issues);
  }

  /** Docs are optional: a missing or unreadable doc never hides the profile. */
  private async readDocs(entity: Entity): Promise<string | undefined> {
    const annotation = entity.metadata.annotations?.[DOCS_ANNOTATION];
    if (!annotation) return undefined;
    const [source] = resolveSourceUrls(entity, annotation, this.options.integrations);
    try {
      const response = await this.options.urlReader.readUrl(source);
      return (await response.buffer()).toString('utf8');
    } catch (error) {
      this.options.logger.warn(`Could not read docs ${source}: ${error}`);
      return undefined;
    }
  }
}
