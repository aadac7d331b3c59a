import { Entity } from '@backstage/catalog-model';
import { DEFAULT_DATA_PRODUCT_TYPE } from '@dpa/plugin-data-product-assistant-common';

/** True when the entity's `spec.type` is one of the data product types. */
export function isDataProduct(
  entity: Entity,
  types: readonly string[] = [DEFAULT_DATA_PRODUCT_TYPE],
): boolean {
  const type = entity.spec?.type;
  return typeof type === 'string' && types.includes(type);
}
