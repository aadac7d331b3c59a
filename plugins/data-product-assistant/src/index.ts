/**
 * Frontend plugin for the Data Product Assistant: the Assistant tab on data
 * product entity pages and the Model scorecards page. The new frontend system uses the `./alpha` export.
 *
 * @packageDocumentation
 */
export {
  dataProductAssistantPlugin,
  DataProductAssistantScorecardsPage,
  EntityDataProductAssistantContent,
  scorecardsRouteRef,
} from './plugin';
export { isDataProduct } from './isDataProduct';
export * from './api';
export * from './components';
export * from './components/scorecards';
