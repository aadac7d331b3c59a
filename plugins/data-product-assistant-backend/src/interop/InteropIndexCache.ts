import { createHash } from 'node:crypto';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { ContractProfile } from '@dpa/plugin-data-product-assistant-common';
import {
  buildInteropIndex,
  type InteropResult,
  type InteropIndex,
  type InteropProduct,
} from '@dpa/plugin-data-product-assistant-node';
import type { DataProductProfileService } from '../profile/DataProductProfileService';

/** The index over every data product, and what it was built from. */
export interface IndexState {
  /** Hash of every product's ref, domain and contract snapshot versions. */
  key: string;
  computedAt: Date;
  /** Columns in the index. */
  columns: number;
  figures: {
    products: number;
    indexedProducts: number;
    contracts: number;
    skippedContracts: number;
    buildMs: number;
  };
  has(entityRef: string): boolean;
  /** Every suggestion for one product (no `top`), computed on first use; products are entity refs. */
  suggestionsFor(entityRef: string): InteropResult;
  /** Every relationship in the catalog, each pair once; products are entity refs. */
  fullScan(): InteropResult;
}

/**
 * Product ids for the engine: the entity name where it is unique among the
 * data products, else a slug of the whole ref. The engine's explanations
 * name products in SQL and prose, and its groundedness check reads them back
 * (`<product>.<table>.<column>`, lower case), which an entity ref's `:` and
 * `/` (and a name's `.`) break.
 * Everything leaving this class speaks entity refs again.
 */
export class EngineIds {
  private readonly toEngine = new Map<string, string>();
  private readonly fromEngine = new Map<string, string>();

  constructor(entityRefs: string[]) {
    const slug = (text: string) =>
      text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
    const nameOf = (ref: string) => slug(ref.slice(ref.indexOf('/') + 1));
    const counts = new Map<string, number>();
    for (const ref of entityRefs)
      counts.set(nameOf(ref), (counts.get(nameOf(ref)) ?? 0) + 1);
    for (const ref of entityRefs) {
      let id = counts.get(nameOf(ref)) === 1 ? nameOf(ref) : slug(ref);
      while (this.fromEngine.has(id)) id = `${id}-`;
      this.toEngine.set(ref, id);
      this.fromEngine.set(id, ref);
    }
  }

  engineId(entityRef: string): string | undefined {
    return this.toEngine.get(entityRef);
  }

  entityRef(engineId: string): string {
    return this.fromEngine.get(engineId) ?? engineId;
  }

  /** The result with column references naming entity refs. */
  translate(result: InteropResult): InteropResult {
    return {
      stats: result.stats,
      suggestions: result.suggestions.map(s => ({
        ...s,
        from: { ...s.from, product: this.entityRef(s.from.product) },
        to: { ...s.to, product: this.entityRef(s.to.product) },
      })),
    };
  }
}

/**
 * Keeps one interoperability index per backend instance. The index covers
 * every data product (read with the plugin's own service credentials) and is
 * rebuilt only when the set of contract snapshots changes; callers filter
 * what they show by their own visibility.
 */
export class InteropIndexCache {
  private state?: IndexState;
  private readonly building = new Map<string, Promise<IndexState>>();

  constructor(
    private readonly options: {
      profiles: DataProductProfileService;
      auth: AuthService;
      logger: LoggerService;
      /** Snapshots younger than this are trusted without asking the source again. */
      contractMaxAgeMs: number;
      buildIndex?: (products: InteropProduct[]) => InteropIndex;
    },
  ) {}

  /**
   * The current index; `maxAgeMs: 0` re-reads every contract first (the
   * scheduled scan), otherwise stored snapshots are used while fresh.
   */
  async get(options: { maxAgeMs?: number } = {}): Promise<IndexState> {
    const { profiles, auth, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities = await profiles.listDataProducts(credentials);
    const loaded = await profiles.loadContracts(entities, {
      maxAgeMs: options.maxAgeMs ?? this.options.contractMaxAgeMs,
    });
    const products: InteropProduct[] = [];
    const lines: string[] = [];
    let contracts = 0;
    let skippedContracts = 0;
    for (const product of loaded) {
      skippedContracts += product.problems.length;
      for (const problem of product.problems) {
        logger.debug(
          `Interop skips a contract of ${product.entityRef}: ${problem.source}: ${problem.message}`,
        );
      }
      if (product.contracts.length === 0) continue;
      contracts += product.contracts.length;
      const domain =
        (product.entity.spec?.domain as string | undefined) ??
        product.contracts[0].contract.domain;
      products.push({
        id: product.entityRef,
        domain,
        contract: merge(product.contracts.map(c => c.contract)),
      });
      lines.push(
        `${product.entityRef}\t${domain ?? ''}\t${product.contracts
          .map(c => `${c.source}@${c.version}`)
          .join('\t')}`,
      );
    }
    lines.sort();
    const key = createHash('sha256').update(lines.join('\n')).digest('hex');
    if (this.state?.key === key) return this.state;

    let pending = this.building.get(key);
    if (!pending) {
      pending = Promise.resolve().then(() => {
        const started = performance.now();
        const ids = new EngineIds(products.map(p => p.id));
        const index = (this.options.buildIndex ?? buildInteropIndex)(
          products.map(p => ({ ...p, id: ids.engineId(p.id)! })),
        );
        const memo = new Map<string, InteropResult>();
        const state: IndexState = {
          key,
          computedAt: new Date(),
          columns: index.entries.length,
          figures: {
            products: loaded.length,
            indexedProducts: products.length,
            contracts,
            skippedContracts,
            buildMs: Math.round(performance.now() - started),
          },
          has(entityRef) {
            const id = ids.engineId(entityRef);
            return id !== undefined && index.has(id);
          },
          suggestionsFor(entityRef) {
            let result = memo.get(entityRef);
            if (!result) {
              result = ids.translate(
                index.suggestFor(ids.engineId(entityRef) ?? entityRef),
              );
              memo.set(entityRef, result);
            }
            return result;
          },
          fullScan() {
            return ids.translate(index.fullScan());
          },
        };
        logger.info(
          `Built the interoperability index: ${products.length} of ${loaded.length} data products, ${contracts} contracts (${skippedContracts} skipped), ${index.entries.length} columns in ${state.figures.buildMs} ms`,
        );
        this.state = state;
        return state;
      });
      this.building.set(key, pending);
      pending.finally(() => this.building.delete(key)).catch(() => {});
    }
    return pending;
  }
}

/** Several contracts (output ports) of one product count as one product. */
function merge(contracts: ContractProfile[]): ContractProfile {
  const [first, ...rest] = contracts;
  if (rest.length === 0) return first;
  return { ...first, tables: contracts.flatMap(c => c.tables) };
}
