import type { Config } from '@backstage/config';
import { DEFAULT_DATA_PRODUCT_TYPE } from '@dpa/plugin-data-product-assistant-common';

/** Which entities are data products: `spec.type` in the configured list. */
export function dataProductTypes(config: Config): string[] {
  return (
    config.getOptionalStringArray('dataProductAssistant.dataProductTypes') ?? [
      DEFAULT_DATA_PRODUCT_TYPE,
    ]
  );
}
