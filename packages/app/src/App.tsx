import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import dataProductAssistantPlugin from '@dpa/plugin-data-product-assistant/alpha';
import { appModule } from './modules/appModule';

export default createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    catalogGraphPlugin,
    // Owners are told here when answers wait for their review.
    notificationsPlugin,
    dataProductAssistantPlugin,
    appModule,
  ],
});
