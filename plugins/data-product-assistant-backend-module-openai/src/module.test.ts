import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  dataProductAssistantModelsExtensionPoint,
  type ModelProvider,
} from '@dpa/plugin-data-product-assistant-node';
import { completion, startFakeChatServer } from './fakeServer.testutil';
import { dataProductAssistantModuleOpenAi } from './module';

describe('dataProductAssistantModuleOpenAi', () => {
  let server: Awaited<ReturnType<typeof startFakeChatServer>>;
  beforeAll(async () => {
    server = await startFakeChatServer();
  });
  afterAll(() => server.close());

  it('registers the openai provider, whose models call the endpoint a spec names', async () => {
    const added: ModelProvider[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          dataProductAssistantModelsExtensionPoint,
          {
            addModelProvider: (...providers) =>
              void added.push(...providers.flat()),
          },
        ],
      ],
      features: [dataProductAssistantModuleOpenAi],
    });
    expect(added.map(p => p.id)).toEqual(['openai']);

    server.setHandler(() =>
      completion(
        JSON.stringify({
          answer: 'Owned by the sales team.',
          claims: [{ text: 'Owned by the sales team.', citations: ['owner'] }],
          abstained: false,
          refused: false,
        }),
      ),
    );
    const model = added[0].createAnswerModel('hosted', {
      provider: 'openai',
      model: 'gpt-test',
      baseUrl: server.baseUrl,
      maxRetries: 0,
    });
    expect(model.ref).toMatchObject({ name: 'hosted', provider: 'openai' });
    expect(model.local).toBe(false);
    const { output } = await model.answer({
      question: 'Who owns it?',
      facts: [{ id: 'owner', kind: 'owner', text: 'Owned by the sales team.' }],
    });
    expect(output.claims).toEqual([
      { text: 'Owned by the sales team.', citations: ['owner'] },
    ]);
    expect(server.bodies).toHaveLength(1);
  });
});
