import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { LRUCache } from 'lru-cache';
import type { DataProductProfileService } from '../profile/DataProductProfileService';
import { deepFreeze } from '../profile/deepFreeze';
import { normalizeEntityRef, type EntityRefInput } from '../profile/entityRefs';

/** How long an entity read from the catalog is used before it is read again. */
export const ENTITY_TTL_MS = 5_000;

/** A data product the caller may read. */
export interface ReadableProduct {
  /** The entity's own ref: `component:default/sales-orders`. */
  entityRef: string;
  entity: Entity;
}

/**
 * Whether the caller may read a data product, decided on every call with
 * the caller's own credentials: the catalog's read permission
 * (`catalog.entity.read`) for that entity, asked of the permission framework
 * as the catalog itself asks it, so a conditional policy is evaluated by the
 * catalog on the entity as it is now. Denied reads like a missing entity.
 *
 * The entity's content is read with the plugin's credentials and kept a few
 * seconds per instance (less than the catalog's own processing delay). The
 * decision is never kept: only what the entity says, and only after the
 * caller's permission for it was granted on this call.
 */
export class ProductAccess {
  private readonly entities: LRUCache<string, Entity>;

  constructor(
    private readonly options: {
      profiles: DataProductProfileService;
      permissions: PermissionsService;
      auth: AuthService;
      ttlMs?: number;
    },
  ) {
    this.entities = new LRUCache<string, Entity>({
      max: 1000,
      ttl: options.ttlMs ?? ENTITY_TTL_MS,
      // Parallel asks about one product share one catalog read; frozen, as every request shares it.
      fetchMethod: async ref =>
        deepFreeze(
          await options.profiles.getDataProduct(
            ref,
            await options.auth.getOwnServiceCredentials(),
          ),
        ),
    });
  }

  /** The product, if the caller may read it; NotFoundError otherwise (as for a missing one). */
  async readable(
    input: EntityRefInput,
    credentials: BackstageCredentials,
  ): Promise<ReadableProduct> {
    const ref = normalizeEntityRef(input);
    const [decision, entity] = await Promise.allSettled([
      this.options.permissions.authorize(
        [{ permission: catalogEntityReadPermission, resourceRef: ref }],
        { credentials },
      ),
      this.entities.fetch(ref),
    ]);
    if (decision.status === 'rejected') throw decision.reason;
    // Denied: nothing about the entity (not even that it is no data product) is told.
    if (decision.value[0]?.result !== AuthorizeResult.ALLOW) {
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    }
    if (entity.status === 'rejected') throw entity.reason;
    if (!entity.value)
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    return {
      entityRef: stringifyEntityRef(entity.value),
      entity: entity.value,
    };
  }
}
