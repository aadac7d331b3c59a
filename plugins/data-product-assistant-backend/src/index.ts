export { dataProductAssistantPlugin as default } from './plugin';
export {
  fileUrlReaderServiceFactory,
  FileUrlReader,
} from './reading/FileUrlReader';
export { catalogModuleDataProductRelations } from './catalog/catalogModuleDataProductRelations';
export { DataProductRelationsProcessor } from './catalog/DataProductRelationsProcessor';
export type { AcceptedRelationshipsSource } from './catalog/AcceptedRelationshipsSource';
