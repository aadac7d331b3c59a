import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataProductInteropDecidePermission,
  type AcceptedInteropRelationship,
  type InteropDecision,
  type InteropDecisionRequest,
  type InteropMapping,
  type InteropResponse,
  type InteropSuggestion,
  type RelatedProduct,
} from '@dpa/plugin-data-product-assistant-common';
import type { InteropDecisionStore } from '../database/InteropDecisionStore';
import type { InteropSuggestionStore } from '../database/InteropSuggestionStore';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import type { InteropIndexCache, IndexState } from './InteropIndexCache';
import { suggestionId } from './suggestionId';
import { principalRef } from '../ask/caller';
import type { EntityRefInput } from '../profile/entityRefs';

/** The index and what the caller may read. */
interface View {
  state: IndexState;
  visible: Map<string, Entity>;
}

/** The suggestion with `ref` on the `from` side; undefined when it does not involve `ref` (or joins it to itself). */
function orientFrom(
  ref: string,
  suggestion: InteropSuggestion,
): InteropSuggestion | undefined {
  const { from, to } = suggestion;
  if (from.product === to.product) return undefined;
  if (from.product === ref) return suggestion;
  if (to.product === ref) return { ...suggestion, from: to, to: from };
  return undefined;
}

/** What a caller needs to know about a visible product to show it. */
const VISIBILITY_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.domain',
  'spec.owner',
  'relations',
];

export interface ScanFigures {
  products: number;
  indexedProducts: number;
  contracts: number;
  skippedContracts: number;
  columns: number;
  candidatePairs: number;
  allPairs: number;
  suggestions: number;
  blocked: number;
  readMs: number;
  scanMs: number;
}

function ownerOf(entity: Entity): string | undefined {
  const related = entity.relations?.find(
    r => r.type === RELATION_OWNED_BY,
  )?.targetRef;
  if (related) return related;
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace,
      }),
    );
  } catch {
    return owner;
  }
}

/**
 * Suggest interoperability: suggestions per product as the caller may see
 * them, owners' decisions, the accepted relationships, the scheduled scan.
 */
export class InteropService {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly options: {
      profiles: DataProductProfileService;
      index: InteropIndexCache;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      decisions: InteropDecisionStore;
      suggestions: InteropSuggestionStore;
      logger: LoggerService;
      /** After an accept, entities are refreshed at once and again after this delay. */
      refreshAgainAfterMs?: number;
    },
  ) {}

  /** Products the caller may read, by entity ref. */
  private async visibleProducts(
    credentials: BackstageCredentials,
  ): Promise<Map<string, Entity>> {
    const entities = await this.options.profiles.listDataProducts(
      credentials,
      VISIBILITY_FIELDS,
    );
    return new Map(entities.map(e => [stringifyEntityRef(e), e]));
  }

  /** The index and the products the caller may read: what every listing starts from. */
  private async view(credentials: BackstageCredentials): Promise<View> {
    const [state, visible] = await Promise.all([
      this.options.index.get(),
      this.visibleProducts(credentials),
    ]);
    return { state, visible };
  }

  /**
   * The products related to `ref` that the caller may read, each with every
   * mapping between the two (rejected ones too), best related product first.
   * A pair's mappings are the union of what was found from either side,
   * oriented from `ref`, so both products show the same mappings.
   * `top` bounds the related products; those with an accepted mapping stay.
   * Rejected mappings are left out unless asked for (to decide again).
   */
  private async related(
    ref: string,
    { state, visible }: View,
    options: { top: number; includeRejected?: boolean },
  ): Promise<RelatedProduct[]> {
    if (!state.has(ref)) return [];
    const decided = new Map(
      (await this.options.decisions.listForEntity(ref)).map(d => [
        d.suggestionId,
        d,
      ]),
    );
    const pairs = new Map<string, Map<string, InteropMapping>>();
    const add = (suggestion: InteropSuggestion) => {
      if (suggestion.validation.status === 'blocked') return;
      const oriented = orientFrom(ref, suggestion);
      if (!oriented) return;
      const other = oriented.to.product;
      if (!visible.has(other)) return;
      const id = suggestionId(oriented.from, oriented.to);
      const decision = decided.get(id);
      if (decision?.status === 'rejected' && !options.includeRejected) return;
      const mappings = pairs.get(other) ?? new Map<string, InteropMapping>();
      if (!mappings.has(id)) {
        mappings.set(id, { ...oriented, id, decision });
      }
      pairs.set(other, mappings);
    };
    state.suggestionsFor(ref).suggestions.forEach(add);

    const best = (m: Map<string, InteropMapping>) =>
      Math.max(...[...m.values()].map(x => x.confidence));
    const ranked = [...pairs]
      .sort(([a, x], [b, y]) => best(y) - best(x) || a.localeCompare(b))
      .filter(
        ([, mappings], i) =>
          i < options.top ||
          [...mappings.values()].some(m => m.decision?.status === 'accepted'),
      );
    // The other side may have found mappings this side did not.
    for (const [other] of ranked) {
      if (state.has(other))
        state.suggestionsFor(other).suggestions.forEach(add);
    }
    return ranked
      .map(([otherRef, byId]) => {
        const entity = visible.get(otherRef)!;
        const mappings = [...byId.values()].sort(
          (a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id),
        );
        return {
          entityRef: otherRef,
          title: entity.metadata.title,
          domain: entity.spec?.domain as string | undefined,
          owner: ownerOf(entity),
          bestConfidence: Math.max(...mappings.map(m => m.confidence)),
          mappings,
        };
      })
      .sort(
        (a, b) =>
          b.bestConfidence - a.bestConfidence ||
          a.entityRef.localeCompare(b.entityRef),
      );
  }

  private async mayDecide(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const decisions = await this.options.permissions.authorize(
      entityRefs.map(resourceRef => ({
        permission: dataProductInteropDecidePermission,
        resourceRef,
      })),
      { credentials },
    );
    return decisions.some(d => d.result === AuthorizeResult.ALLOW);
  }

  async suggestionsFor(
    entityRef: EntityRefInput,
    credentials: BackstageCredentials,
    options: { top: number },
  ): Promise<InteropResponse> {
    const entity = await this.options.profiles.getDataProduct(
      entityRef,
      credentials,
    );
    const ref = stringifyEntityRef(entity);
    const [view, canDecide] = await Promise.all([
      this.view(credentials),
      this.mayDecide([ref], credentials),
    ]);
    const related = await this.related(ref, view, { top: options.top });
    const { state } = view;
    const stats = state.has(ref)
      ? state.suggestionsFor(ref).stats
      : { columns: state.columns, candidatePairs: 0, allPairs: 0 };
    return {
      entityRef: ref,
      computedAt: state.computedAt.toISOString(),
      related,
      canDecide,
      stats,
    };
  }

  /**
   * The related products of several products (the caller's own, for the
   * review queue), read with one look at the catalog.
   */
  async relatedOf(
    entityRefs: string[],
    credentials: BackstageCredentials,
    options: { top: number },
  ): Promise<{ computedAt: string; related: Map<string, RelatedProduct[]> }> {
    const view = await this.view(credentials);
    const related = new Map<string, RelatedProduct[]>();
    for (const ref of entityRefs) {
      related.set(ref, await this.related(ref, view, options));
    }
    return { computedAt: view.state.computedAt.toISOString(), related };
  }

  /**
   * Records an owner's decision. Owners of either product may decide; the
   * suggestion must be among the product's current suggestions the caller sees.
   */
  async decide(
    entityRef: EntityRefInput,
    request: InteropDecisionRequest,
    credentials: BackstageCredentials,
  ): Promise<InteropDecision> {
    const entity = await this.options.profiles.getDataProduct(
      entityRef,
      credentials,
    );
    const ref = stringifyEntityRef(entity);
    const related = await this.related(ref, await this.view(credentials), {
      top: Infinity,
      includeRejected: true,
    });
    const mapping = related
      .flatMap(r => r.mappings)
      .find(m => m.id === request.suggestionId);
    if (!mapping) {
      throw new NotFoundError(
        `No suggestion ${request.suggestionId} among the current suggestions for ${ref}`,
      );
    }
    const products = [mapping.from.product, mapping.to.product];
    if (!(await this.mayDecide(products, credentials))) {
      throw new NotAllowedError(
        `Only the owners of ${products[0]} or ${products[1]} may accept or reject this suggestion`,
      );
    }
    const decision: InteropDecision = {
      suggestionId: mapping.id,
      status: request.decision === 'accept' ? 'accepted' : 'rejected',
      comment: request.comment?.trim() || undefined,
      decidedBy: principalRef(credentials),
      decidedAt: new Date().toISOString(),
      from: mapping.from,
      to: mapping.to,
      kind: mapping.kind,
    };
    const previous = mapping.decision;
    await this.options.decisions.put(decision);
    if (decision.status === 'accepted' || previous?.status === 'accepted') {
      this.refreshInCatalog(products);
    }
    return decision;
  }

  /** Every accepted relationship, for the catalog processor. */
  async accepted(): Promise<AcceptedInteropRelationship[]> {
    const decisions = await this.options.decisions.listAccepted();
    return decisions.map(d => ({
      suggestionId: d.suggestionId,
      fromEntityRef: d.from.product,
      toEntityRef: d.to.product,
      from: d.from,
      to: d.to,
      kind: d.kind,
      decidedAt: d.decidedAt,
    }));
  }

  /** The scheduled full scan: fresh contracts, a new index if any changed, stored suggestions. */
  async fullScan(): Promise<ScanFigures> {
    const started = performance.now();
    const state = await this.options.index.get({ maxAgeMs: 0 });
    const read = performance.now();
    const result = state.fullScan();
    const byId = new Map(
      result.suggestions.map(s => [suggestionId(s.from, s.to), s]),
    );
    await this.options.suggestions.replaceAll({
      indexKey: state.key,
      computedAt: new Date(),
      suggestions: [...byId].map(([id, suggestion]) => ({ id, suggestion })),
    });
    const figures: ScanFigures = {
      products: state.figures.products,
      indexedProducts: state.figures.indexedProducts,
      contracts: state.figures.contracts,
      skippedContracts: state.figures.skippedContracts,
      ...result.stats,
      suggestions: byId.size,
      blocked: result.suggestions.filter(s => s.validation.status === 'blocked')
        .length,
      readMs: Math.round(read - started),
      scanMs: Math.round(performance.now() - read),
    };
    this.options.logger.info(
      `Interop scan: ${figures.indexedProducts}/${figures.products} data products, ${figures.contracts} contracts (${figures.skippedContracts} skipped), ${figures.columns} columns, ${figures.candidatePairs} of ${figures.allPairs} column pairs compared, ${figures.suggestions} suggestions (${figures.blocked} blocked); read ${figures.readMs} ms, scan ${figures.scanMs} ms`,
      { ...figures },
    );
    return figures;
  }

  /** Stops pending catalog refreshes (backend shutdown). */
  close() {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /**
   * Asks the catalog to process both products again so the relation shows in
   * seconds; once more a little later, after the processor's short cache expired.
   */
  private refreshInCatalog(entityRefs: string[]) {
    const refresh = async () => {
      try {
        const credentials = await this.options.auth.getOwnServiceCredentials();
        await Promise.all(
          entityRefs.map(ref =>
            this.options.catalog.refreshEntity(ref, { credentials }),
          ),
        );
      } catch (error) {
        this.options.logger.warn(
          `Could not refresh ${entityRefs.join(', ')} in the catalog: ${error}`,
        );
      }
    };
    void refresh();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void refresh();
    }, this.options.refreshAgainAfterMs ?? 15_000);
    timer.unref();
    this.timers.add(timer);
  }
}
