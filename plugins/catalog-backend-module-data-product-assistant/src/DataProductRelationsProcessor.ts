import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  processingResult,
  type CatalogProcessor,
  type CatalogProcessorEmit,
  type LocationSpec,
} from '@backstage/plugin-catalog-node';
import {
  RELATION_INTEROPERATES_WITH,
  type AcceptedInteropRelationship,
} from '@dpa/plugin-data-product-assistant-common';
import type { AcceptedRelationshipsSource } from './AcceptedRelationshipsSource';

/**
 * Emits `interoperatesWith` from a data product to every product it has an
 * accepted relationship with. The other product's processing emits the
 * reverse, so the pair is symmetric.
 */
export class DataProductRelationsProcessor implements CatalogProcessor {
  private byList?: {
    list: AcceptedInteropRelationship[];
    partners: Map<string, Set<string>>;
  };

  constructor(
    private readonly options: {
      source: AcceptedRelationshipsSource;
      logger: LoggerService;
    },
  ) {}

  getProcessorName(): string {
    return 'DataProductRelationsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const partners = await this.partners();
    if (!partners) return entity;
    const ref = stringifyEntityRef(entity);
    for (const other of [...(partners.get(ref) ?? [])].sort()) {
      emit(
        processingResult.relation({
          source: getCompoundEntityRef(entity),
          target: parseEntityRef(other),
          type: RELATION_INTEROPERATES_WITH,
        }),
      );
    }
    return entity;
  }

  /** Partners by entity ref; undefined when the list cannot be had (the entity is processed without). */
  private async partners(): Promise<Map<string, Set<string>> | undefined> {
    let list: AcceptedInteropRelationship[];
    try {
      list = await this.options.source.list();
    } catch (error) {
      this.options.logger.warn(
        `Could not fetch accepted data product relationships: ${error}`,
      );
      return undefined;
    }
    if (this.byList?.list !== list) {
      const partners = new Map<string, Set<string>>();
      const add = (a: string, b: string) => {
        if (a === b) return;
        const set = partners.get(a) ?? new Set<string>();
        set.add(b);
        partners.set(a, set);
      };
      for (const r of list) {
        add(r.fromEntityRef, r.toEntityRef);
        add(r.toEntityRef, r.fromEntityRef);
      }
      this.byList = { list, partners };
    }
    return this.byList.partners;
  }
}
