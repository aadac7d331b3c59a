/**
 * Data Product Assistant backend module: answer and validator models, and
 * the interoperability re-ranker, on OpenAI-compatible endpoints.
 *
 * @packageDocumentation
 */
export { dataProductAssistantModuleOpenAi as default } from './module';
export { createOpenAiModelProvider, OPENAI_PROVIDER_ID } from './modelProvider';
export { createOpenAiAnswerModel } from './answerModel';
export { createOpenAiValidatorModel } from './validatorModel';
export type { OpenAiOptions } from './chat';
export {
  createOpenAiInteropReranker,
  rerankOutputSchema,
  rerankJsonSchema,
} from './openaiReranker';
