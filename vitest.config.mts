import { configDefaults, defineConfig } from 'vitest/config';

// One runner for every package: each project is a room of the monorepo.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'engine',
          environment: 'node',
          include: [
            'plugins/data-product-assistant-common/src/**/*.test.ts',
            'plugins/data-product-assistant-node/src/**/*.test.ts',
            'plugins/data-product-assistant-backend-module-openai/src/**/*.test.ts',
            'packages/cli/src/**/*.test.ts',
            'examples/**/*.test.ts',
            'evals/**/*.test.ts',
            // the measuring functions of the benchmarks (never the benchmarks)
            'test/bench/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          // Starts the real backend plugin, so it runs with the backend's setup.
          exclude: [
            ...configDefaults.exclude,
            'packages/cli/src/commands/review.test.ts',
            'plugins/data-product-assistant-backend-module-openai/src/module.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'backend',
          environment: 'node',
          include: [
            'plugins/data-product-assistant-backend/src/**/*.test.ts',
            'plugins/catalog-backend-module-data-product-assistant/src/**/*.test.ts',
            'plugins/data-product-assistant-backend-module-openai/src/module.test.ts',
            'packages/backend/src/**/*.test.ts',
            'packages/cli/src/commands/review.test.ts',
          ],
          setupFiles: [
            'plugins/data-product-assistant-backend/src/setupTests.ts',
          ],
          // Backstage's test utilities register hooks through globals.
          globals: true,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Backends under test hold databases and ports: one file at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'frontend',
          environment: 'jsdom',
          include: [
            'plugins/data-product-assistant/src/**/*.test.{ts,tsx}',
            'packages/app/src/**/*.test.{ts,tsx}',
          ],
          setupFiles: ['plugins/data-product-assistant/src/setupTests.ts'],
          // Ships ESM with directory imports Node cannot resolve; let vite bundle it.
          server: { deps: { inline: ['material-ui-popup-state'] } },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
