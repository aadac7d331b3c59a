/**
 * Frontend plugin for the Data Product Assistant: the Assistant tab on data
 * product entity pages. The new frontend system uses the `./alpha` export.
 *
 * @packageDocumentation
 */
export {
  dataProductAssistantPlugin,
  EntityDataProductAssistantContent,
} from './plugin';
export { isDataProduct } from './isDataProduct';
export * from './api';
export * from './components';
