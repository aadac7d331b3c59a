export * from './contract/parseContract';
export * from './contract/odcsValidator';
export * from './profile/buildProfile';
export * from './models/types';
export * from './pii/types';
export * from './pii/detectPii';
export * from './privacy/placeholders';
export * from './validator/builtinValidator';
export * from './validator/injection';
export * from './validator/verdictPolicy';
export * from './context/knowledgeNotes';
export {
  buildFacts,
  stripExamples,
  splitParagraphs,
  EXAMPLES_MARKER,
  type BuildFactsOptions,
} from './context/buildFacts';
export { detectIntents, type Intent } from './context/intent';
export {
  retrieveFacts,
  type RankedFact,
  type RetrieveOptions,
} from './context/retrieve';
export {
  packFacts,
  type PackOptions,
  type PackedContext,
} from './context/pack';
export {
  selectContext,
  essentialFacts,
  type SelectedContext,
} from './context/selectContext';
export { countTokens, factLine, factTokens } from './context/tokens';
export { specVersion, canonicalJson, modelRef } from './models/spec';
export {
  ModelCallError,
  ModelOutputError,
  isModelError,
} from './models/errors';
export * from './models/domainConfig';
export {
  createAnswerModel,
  createValidatorModel,
  createDomainModels,
  type CreateModelOptions,
} from './models/createModels';
export {
  createBuiltinAnswerModel,
  BUILTIN_ANSWER_SPEC,
} from './models/builtin/answerModel';
export {
  costOf,
  maxTokensOf,
  DEFAULT_MAX_TOKENS,
  MAX_TOKENS_CAP,
} from './models/cost';
export { OUTPUT_LIMITS } from './models/outputLimits';
export { verdictSchema, verdictJsonSchema } from './validator/verdictSchema';
export {
  BUILTIN_PROVIDER_ID,
  unknownProviderMessage,
  type ModelProvider,
} from './models/modelProvider';
export * from './extensions';
export {
  ask,
  citationText,
  type AskInput,
  type AskResult,
  type AskCitation,
} from './ask/askPipeline';
export { contextFacts, type ContextFactsResult } from './context/contextFacts';
export { attributeClaims } from './ask/attributeClaims';
export { maxAskCostUsd } from './ask/estimateCost';
export * from './interop';
export * from './registry';
export * from './review';
export { validateWrittenAnswer, writtenAnswerModel } from './ask/writtenAnswer';
export { FactsCache } from './ask/factsCache';
export { startEngineWorker } from './workerThreads';
export {
  askWorkerFile,
  createAskRunner,
  isBuiltinModel,
  type ModelDescriptor,
  type PlainAsk,
  type PlainAskReply,
} from './ask/askRunner';
export {
  redactAboveClearance,
  sensitiveValues,
} from './privacy/sensitiveValues';
export * from './privacy/sealing';
export {
  domainArtifactSchema,
  domainExpansionSchema,
  domainArtifactHash,
  checkDomainArtifact,
  DOMAIN_ARTIFACT_VERSION,
  type DomainModelArtifact,
  type DomainExpansion,
  type DomainArtifactCheck,
} from './models/domain/artifact';
export {
  trainDomainModel,
  trainingMaterialHash,
  type DomainTrainingInput,
  type TrainingProduct,
  type VerifiedAnswer,
} from './models/domain/trainDomainModel';
export {
  domainArtifactRef,
  trainedAnswerSpec,
  type DomainArtifactRef,
} from './models/domain/trainedSpec';
export { expandQuestion } from './models/domain/expandQuestion';
export {
  domainPromptContext,
  domainContextBudget,
  DEFAULT_DOMAIN_CONTEXT_TOKENS,
} from './models/domain/promptContext';
