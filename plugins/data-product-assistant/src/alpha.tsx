import type { JSX } from 'react';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { Content } from '@backstage/core-components';
import {
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import RateReviewIcon from '@material-ui/icons/RateReview';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { DEFAULT_DATA_PRODUCT_TYPE } from '@dpa/plugin-data-product-assistant-common';
import { z } from 'zod';
import { dataProductAssistantApiRef, DataProductAssistantClient } from './api';
import { isDataProduct } from '@dpa/plugin-data-product-assistant-common';
import * as legacyRoutes from './routes';

/** `api:data-product-assistant` */
export const dataProductAssistantApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataProductAssistantApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataProductAssistantClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `entity-content:data-product-assistant/assistant`: the Assistant tab,
 * shown on entities whose `spec.type` is one of `config.types`
 * (default `['data-product']`). The blueprint's own `config.filter`, when set,
 * replaces that predicate.
 */
export const dataProductAssistantEntityContent =
  EntityContentBlueprint.makeWithOverrides({
    name: 'assistant',
    configSchema: {
      types: z.array(z.string()).default([DEFAULT_DATA_PRODUCT_TYPE]),
    },
    factory(originalFactory, { config }) {
      const types = config.types;
      return originalFactory({
        path: '/assistant',
        title: 'Assistant',
        filter: entity => isDataProduct(entity, types),
        loader: (): Promise<JSX.Element> =>
          import('./components/AssistantTab').then(m => <m.AssistantTab />),
      });
    },
  });

/** The "Model scorecards" page: the same route ref as the legacy plugin's. */
export const scorecardsRouteRef = convertLegacyRouteRef(
  legacyRoutes.scorecardsRouteRef,
);

/**
 * `page:data-product-assistant/scorecards`: "Model scorecards" at
 * `/model-scorecards`, listed in the sidebar (pages with a route ref and an
 * icon become nav items).
 */
export const dataProductAssistantScorecardsPage = PageBlueprint.make({
  name: 'scorecards',
  params: {
    path: '/model-scorecards',
    title: 'Model scorecards',
    icon: <AssessmentIcon />,
    routeRef: scorecardsRouteRef,
    loader: (): Promise<JSX.Element> =>
      import('./components/scorecards/ScorecardsPage').then(m => (
        <Content>
          <m.ScorecardsContent />
        </Content>
      )),
  },
});

/** The "Review queue" page: the same route ref as the legacy plugin's, which components link to. */
export const reviewRouteRef = convertLegacyRouteRef(
  legacyRoutes.reviewRouteRef,
);

/**
 * `page:data-product-assistant/review`: "Review queue" at
 * `/data-product-review`, listed in the sidebar. `?product=<entityRef>`
 * preselects a data product.
 */
export const dataProductAssistantReviewPage = PageBlueprint.make({
  name: 'review',
  params: {
    path: '/data-product-review',
    title: 'Review queue',
    icon: <RateReviewIcon />,
    routeRef: reviewRouteRef,
    loader: (): Promise<JSX.Element> =>
      import('./components/review/ReviewQueuePage').then(m => (
        <Content>
          <m.ReviewQueueContent />
        </Content>
      )),
  },
});

/** The Data Product Assistant plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'data-product-assistant',
  title: 'Data Product Assistant',
  routes: convertLegacyRouteRefs({
    scorecards: legacyRoutes.scorecardsRouteRef,
    review: legacyRoutes.reviewRouteRef,
  }),
  extensions: [
    dataProductAssistantApi,
    dataProductAssistantEntityContent,
    dataProductAssistantScorecardsPage,
    dataProductAssistantReviewPage,
  ],
});
