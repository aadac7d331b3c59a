/**
 * Frontend plugin for the Data Product Assistant: the Assistant tab on data
 * product entity pages, the Model scorecards page and the Review queue page.
 * The new frontend system uses the `./alpha` export.
 *
 * @packageDocumentation
 */
export {
  dataProductAssistantPlugin,
  DataProductAssistantReviewPage,
  DataProductAssistantScorecardsPage,
  EntityDataProductAssistantContent,
} from './plugin';
export { reviewRouteRef, scorecardsRouteRef } from './routes';
export { isDataProduct } from '@dpa/plugin-data-product-assistant-common';
export * from './api';
export * from './components';
export * from './components/scorecards';
export * from './components/review';
