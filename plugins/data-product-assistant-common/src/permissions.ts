import { createPermission } from '@backstage/plugin-permission-common';

/** The catalog's resource type; the catalog evaluates owner conditions on it. */
const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/**
 * Owner-only actions on a data product. They are resource permissions on the
 * catalog entity, so a policy can grant them with the catalog's owner rule.
 */
export const dataProductReviewPermission = createPermission({
  name: 'data-product-assistant.review',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

export const dataProductKnowledgeWritePermission = createPermission({
  name: 'data-product-assistant.knowledge.write',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

export const dataProductInteropDecidePermission = createPermission({
  name: 'data-product-assistant.interop.decide',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Promoting a model changes what every domain serves: admins only. */
export const dataProductModelPromotePermission = createPermission({
  name: 'data-product-assistant.model.promote',
  attributes: { action: 'update' },
});

export const dataProductOwnerPermissions = [
  dataProductReviewPermission,
  dataProductKnowledgeWritePermission,
  dataProductInteropDecidePermission,
];

export const dataProductAssistantPermissions = [
  ...dataProductOwnerPermissions,
  dataProductModelPromotePermission,
];
