import { createBackend } from '@backstage/backend-defaults';
import { fileUrlReaderServiceFactory } from '@dpa/plugin-data-product-assistant-backend';

const backend = createBackend();

backend.add(fileUrlReaderServiceFactory);
backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// A second demo identity in another team (auth.providers.demo-analyst).
backend.add(import('./demoSignIn/demoSignInModule'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Accepted interoperability relationships become interoperatesWith relations.
backend.add(
  import('@dpa/plugin-catalog-backend-module-data-product-assistant'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicyModule'));

backend.add(import('@dpa/plugin-data-product-assistant-backend'));
// Model specs with `provider: openai` are served from OpenAI-compatible endpoints.
backend.add(import('@dpa/plugin-data-product-assistant-backend-module-openai'));
// Owners are notified when answers wait for their review.
backend.add(import('@backstage/plugin-notifications-backend'));

// Actions (ask-data-product) for MCP clients, and the events bus the catalog subscribes to.
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.add(import('@backstage/plugin-events-backend'));

backend.start();
