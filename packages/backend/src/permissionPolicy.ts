import type { Config } from '@backstage/config';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  dataProductModelPromotePermission,
  dataProductOwnerPermissions,
} from '@dpa/plugin-data-product-assistant-common';

const DEFAULT_ADMINS = ['group:default/platform-team'];

/**
 * The demo data mesh's policy. Deny by default; every signed-in user reads
 * the catalog; owner actions on a data product only for members of its
 * owning group; model promotion only for the admin groups.
 */
export class DataMeshPermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config): DataMeshPermissionPolicy {
    return new DataMeshPermissionPolicy(
      config.getOptionalStringArray('dataProductAssistant.adminGroups') ??
        DEFAULT_ADMINS,
    );
  }

  constructor(private readonly adminGroups: string[]) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (!user) return { result: AuthorizeResult.DENY };
    const isAdmin = claims.some(ref => this.adminGroups.includes(ref));

    if (
      isPermission(permission, catalogEntityReadPermission) ||
      isPermission(permission, catalogLocationReadPermission)
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(permission, dataProductModelPromotePermission)) {
      return { result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    const ownerOnly =
      dataProductOwnerPermissions.some(p => isPermission(permission, p)) ||
      isPermission(permission, catalogEntityRefreshPermission);
    if (ownerOnly && isResourcePermission(permission, 'catalog-entity')) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    return { result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}
