import type { ModelProvider } from '@dpa/plugin-data-product-assistant-node';
import { createOpenAiAnswerModel } from './answerModel';
import type { OpenAiOptions } from './chat';
import { createOpenAiValidatorModel } from './validatorModel';

/** The `provider` value of model specs served by an OpenAI-compatible endpoint. */
export const OPENAI_PROVIDER_ID = 'openai';

/**
 * Answer and validator models on any OpenAI-compatible endpoint (`baseUrl`,
 * key from the variable `apiKeyEnv` names). The backend module registers it;
 * the CLI and the evals use it directly.
 */
export function createOpenAiModelProvider(
  options: OpenAiOptions = {},
): ModelProvider {
  return {
    id: OPENAI_PROVIDER_ID,
    createAnswerModel: (name, spec, context) =>
      createOpenAiAnswerModel(spec, name, {
        ...options,
        artifact: context?.artifact,
      }),
    createValidatorModel: (name, spec) =>
      createOpenAiValidatorModel(spec, name, options),
  };
}
