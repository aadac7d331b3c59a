import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  completion,
  startFakeChatServer,
} from '../../plugins/data-product-assistant-backend-module-openai/src/fakeServer.testutil';

const repoRoot = path.resolve(__dirname, '../..');

/** What the hosted model of the `partners` domain claims: nothing in the contract supports it. */
export const HOSTED_CLAIM = 'Partner orders are refreshed every five minutes.';

/**
 * A local OpenAI-compatible server standing in for a hosted model (no API is
 * reachable here), and the config that serves it for the `partners` domain
 * of the e2e-only product `partner-orders`.
 */
export async function startHostedModel(): Promise<{
  config: string;
  close(): Promise<void>;
}> {
  const server = await startFakeChatServer();
  server.setHandler(() =>
    completion(
      JSON.stringify({
        answer: HOSTED_CLAIM,
        claims: [{ text: HOSTED_CLAIM, citations: ['sla:frequency'] }],
        abstained: false,
      }),
    ),
  );
  const dir = path.join(repoRoot, 'test/.artifacts');
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'app-config.hosted.yaml');
  writeFileSync(
    config,
    stringify({
      catalog: {
        // Arrays replace, not merge: the demo catalog plus the e2e product.
        locations: [
          {
            type: 'file',
            target: path.join(repoRoot, 'examples/catalog/catalog-info.yaml'),
          },
          {
            type: 'file',
            target: path.join(repoRoot, 'test/e2e/catalog/catalog-info.yaml'),
          },
        ],
      },
      dataProductAssistant: {
        localFiles: {
          allow: [
            path.join(repoRoot, 'examples'),
            path.join(repoRoot, 'test/e2e/catalog'),
          ],
        },
        models: {
          'e2e-hosted': {
            provider: 'openai',
            model: 'e2e-hosted',
            baseUrl: server.baseUrl,
            maxRetries: 0,
          },
        },
        domains: {
          partners: {
            answerModel: 'e2e-hosted',
            validatorModel: 'builtin-validator',
          },
        },
      },
    }),
  );
  return { config, close: () => server.close() };
}
