import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The plugin's pages, shared by both frontend systems (`./alpha` converts
 * them) and by the components that link to them through `useRouteRef`.
 */

/** The "Model scorecards" page. */
export const scorecardsRouteRef = createRouteRef({
  id: 'data-product-assistant:scorecards',
});

/** The "Review queue" page; `?product=<entityRef>` preselects a data product. */
export const reviewRouteRef = createRouteRef({
  id: 'data-product-assistant:review',
});
