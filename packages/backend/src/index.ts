import { createBackend } from '@backstage/backend-defaults';
import { fileUrlReaderServiceFactory } from '@dpa/plugin-data-product-assistant-backend';

const backend = createBackend();

backend.add(fileUrlReaderServiceFactory);
backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicyModule'));

backend.add(import('@dpa/plugin-data-product-assistant-backend'));

backend.start();
