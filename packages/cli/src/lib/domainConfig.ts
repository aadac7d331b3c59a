import { parse } from 'yaml';
import {
  parseDomainConfig,
  type DomainConfig,
} from '@dpa/plugin-data-product-assistant-node';
import { modelProviders } from '@dpa/evals/lib/modelProviders';
import { readTextFile } from './files';
import { UsageError } from './UsageError';

/**
 * The model configuration the backend would use: the `dataProductAssistant`
 * section of an app-config file, or the built-in models when none is given.
 */
export function loadDomainConfig(file?: string): DomainConfig {
  if (!file) return parseDomainConfig({});
  let doc: unknown;
  try {
    doc = parse(readTextFile(file, 'config file'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `config file ${file} is not valid YAML: ${
        (error as Error).message.split('\n')[0]
      }`,
    );
  }
  const section =
    (doc as { dataProductAssistant?: Record<string, unknown> } | null)
      ?.dataProductAssistant ?? {};
  try {
    return parseDomainConfig(
      {
        models: section.models,
        domains: section.domains,
        defaults: section.defaults,
      },
      { providers: modelProviders() },
    );
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}
