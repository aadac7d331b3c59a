import type { ContractProfile } from '@dpa/plugin-data-product-assistant-common';
import type { ModelRef, Usage } from '../models/types';
import type { ScoredPair } from './types';

/** Looks up a data product's contract profile by id. */
export type ProductResolver = (id: string) => ContractProfile | undefined;

export interface RerankResult<T extends ScoredPair> {
  pairs: T[];
  usage: Usage;
  /** Set when the model failed or answered unusably: the built-in order is kept. */
  fallback?: string;
}

/** A model that re-judges the built-in scorer's top candidate pairs. */
export interface InteropReranker {
  readonly ref: ModelRef;
  rerank<T extends ScoredPair>(
    pairs: T[],
    resolve: ProductResolver,
  ): Promise<RerankResult<T>>;
}
