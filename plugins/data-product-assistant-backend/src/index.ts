export { dataProductAssistantPlugin as default } from './plugin';
export {
  fileUrlReaderServiceFactory,
  FileUrlReader,
} from './reading/FileUrlReader';
