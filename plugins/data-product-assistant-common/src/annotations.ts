/** Points at the product's ODCS contract(s); several URLs may be comma-separated. */
export const CONTRACT_ANNOTATION = 'data-products/contract';
/** Points at the product's markdown documentation. */
export const DOCS_ANNOTATION = 'data-products/docs';
/** Entities with this `spec.type` are data products unless configured otherwise. */
export const DEFAULT_DATA_PRODUCT_TYPE = 'data-product';
