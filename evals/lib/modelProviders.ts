import type { ModelProvider } from '@dpa/plugin-data-product-assistant-node';
import { createOpenAiModelProvider } from '@dpa/plugin-data-product-assistant-backend-module-openai';

/**
 * The model providers besides the built-in one, as the backend's modules
 * register them: the suites and the CLI call hosted specs without a
 * Backstage backend. `env` holds the API keys the specs name.
 */
export function modelProviders(
  env: Record<string, string | undefined> = process.env,
): ModelProvider[] {
  return [createOpenAiModelProvider({ env })];
}
