export interface Config {
  dataProductAssistant?: {
    /**
     * `spec.type` values that make an entity a data product.
     * @visibility frontend
     */
    dataProductTypes?: string[];
    /**
     * Local folders whose files may be read through `file:` URLs (contracts
     * and docs next to a local catalog file). Empty: no local reading.
     */
    localFiles?: {
      allow?: string[];
    };
  };
}
