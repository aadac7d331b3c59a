// The engine's text toolkit: one tokeniser, one normaliser (lemmas), one lexicon (WordNet).
export {
  tokenise,
  normaliseNumber,
  parseNumber,
  isIdentifier,
  type Token,
} from './tokenise';
export { lemma } from './lemma';
export { stem } from './stem';
export { STOPWORDS, isStopword } from './stopwords';
export { normaliseTerm, rawTerms, contentTerms } from './terms';
export {
  splitCase,
  splitGlued,
  splitIdentifier,
  compactName,
  type IsWord,
} from './identifiers';
export {
  Abbreviations,
  abbreviates,
  type AbbreviationOptions,
} from './abbreviations';
export {
  Lexicon,
  lexicon,
  type LexicalRelation,
  type SenseOptions,
} from './lexicon';
export {
  jaccard,
  jaroWinkler,
  jaroWinklerAtLeast,
  charNgrams,
  sortedDice,
  cosine,
  TfIdfVocabulary,
  type SparseVector,
} from './similarity';
export { bm25, type TermDoc } from './bm25';
export {
  FieldIndex,
  expandQuery,
  type WeightedTerm,
  type FieldDoc,
  type FieldHit,
  type FieldIndexOptions,
  type FieldSearchOptions,
} from './fieldIndex';
export {
  sentences,
  entities,
  annotate,
  properNounSpans,
  type TextSpan,
  type Entity,
  type NlpToken,
} from './nlp';
export { BoundedCache } from './boundedCache';
export { perObject } from './perObject';
export { isKnownName, foldName } from './personalNames';
