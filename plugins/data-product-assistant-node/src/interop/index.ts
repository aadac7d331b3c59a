// Suggest interoperability: blocking index, relationship model, explanation, validation.
export * from './types';
export {
  InteropIndex,
  buildInteropIndex,
  suggestInterop,
  type SuggestInteropInput,
  type SuggestOptions,
  type RankedPair,
} from './suggestInterop';
export { defaultScanWorkers, type ParallelScanOptions } from './parallelScan';
export {
  ColumnIndex,
  blockingKeys,
  KEY_WEIGHTS,
  type ColumnIndexOptions,
} from './ColumnIndex';
export {
  buildColumnEntries,
  cosine,
  type ColumnEntry,
  type SparseVector,
} from './columnFeatures';
export {
  SCORER_WEIGHTS,
  SUGGEST_THRESHOLD,
  scorePair,
  pairFeatures,
  evidenceFor,
  type PairFeatures,
  type PairScore,
} from './builtinScorer';
export { explainPair, buildCaveats, qualifiedTable, sqlIdent } from './explain';
export {
  validateSuggestion,
  groundedness,
  productLookup,
  type ProductLookup,
  type ProductRecord,
} from './validateSuggestion';
export type {
  InteropReranker,
  RerankResult,
  ProductResolver,
} from './reranker';
export {
  normaliseName,
  textTerms,
  catalogAbbreviations,
  typeFamily,
  typeCompatibility,
  valueShape,
  codeList,
  type TypeFamily,
} from './text';
