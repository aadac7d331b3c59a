import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { dataProductAssistantApiRef, DataProductAssistantClient } from './api';
import { reviewRouteRef, scorecardsRouteRef } from './routes';

/** The Data Product Assistant plugin for the legacy frontend system. */
export const dataProductAssistantPlugin = createPlugin({
  id: 'data-product-assistant',
  routes: { scorecards: scorecardsRouteRef, review: reviewRouteRef },
  apis: [
    createApiFactory({
      api: dataProductAssistantApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataProductAssistantClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Assistant tab content for a data product's entity page (legacy
 * frontend system). Render it inside `EntityLayout.Route` for data products.
 */
export const EntityDataProductAssistantContent =
  dataProductAssistantPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductAssistantContent',
      component: {
        lazy: () =>
          import('./components/AssistantTab').then(m => m.AssistantTab),
      },
    }),
  );

/**
 * "Model scorecards": every domain's serving models, their metrics and the
 * promotion history (legacy frontend system). Mount it on a route, e.g.
 * `<Route path="/model-scorecards" element={<DataProductAssistantScorecardsPage />} />`.
 */
export const DataProductAssistantScorecardsPage =
  dataProductAssistantPlugin.provide(
    createRoutableExtension({
      name: 'DataProductAssistantScorecardsPage',
      component: () =>
        import('./components/scorecards/ScorecardsPage').then(
          m => m.ScorecardsPage,
        ),
      mountPoint: scorecardsRouteRef,
    }),
  );

/**
 * "Review queue": flagged, blocked and demoted answers and relationship
 * suggestions waiting for the owners of the caller's data products (legacy
 * frontend system). Mount it at `/data-product-review` (the Assistant tab
 * links there), e.g.
 * `<Route path="/data-product-review" element={<DataProductAssistantReviewPage />} />`.
 */
export const DataProductAssistantReviewPage =
  dataProductAssistantPlugin.provide(
    createRoutableExtension({
      name: 'DataProductAssistantReviewPage',
      component: () =>
        import('./components/review/ReviewQueuePage').then(
          m => m.ReviewQueuePage,
        ),
      mountPoint: reviewRouteRef,
    }),
  );
