import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { DEFAULT_DATA_PRODUCT_TYPE } from '@dpa/plugin-data-product-assistant-common';

/** Which entities are data products: `spec.type` in the configured list. */
export function dataProductTypes(config: Config): string[] {
  return (
    config.getOptionalStringArray('dataProductAssistant.dataProductTypes') ?? [
      DEFAULT_DATA_PRODUCT_TYPE,
    ]
  );
}

export function isDataProduct(entity: Entity, types: string[]): boolean {
  const type = entity.spec?.type;
  return typeof type === 'string' && types.includes(type);
}
