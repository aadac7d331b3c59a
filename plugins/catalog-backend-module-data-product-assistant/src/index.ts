/**
 * Catalog backend module of the Data Product Assistant: owners' accepted
 * interoperability relationships become `interoperatesWith` relations.
 *
 * @packageDocumentation
 */
export { catalogModuleDataProductRelations as default } from './module';
export { DataProductRelationsProcessor } from './DataProductRelationsProcessor';
export type { AcceptedRelationshipsSource } from './AcceptedRelationshipsSource';
