import type { Entity } from '@backstage/catalog-model';
import { DEFAULT_DATA_PRODUCT_TYPE } from './annotations';

/** True when the entity's `spec.type` is one of the data product types (by default `data-product`). */
export function isDataProduct(
  entity: Entity,
  types: readonly string[] = [DEFAULT_DATA_PRODUCT_TYPE],
): boolean {
  const type = entity.spec?.type;
  return typeof type === 'string' && types.includes(type);
}
