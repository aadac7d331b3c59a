import type { ModelSpec } from './types';

/** Tokens a reply may have when the spec names no `maxTokens`, and the most it may name. */
export const DEFAULT_MAX_TOKENS = 2048;
export const MAX_TOKENS_CAP = 16_384;

/** The tokens a call asks for: the spec's, bounded, so no reply is unbounded. */
export function maxTokensOf(spec: ModelSpec): number {
  return Math.min(spec.maxTokens ?? DEFAULT_MAX_TOKENS, MAX_TOKENS_CAP);
}

/** USD for a call, from the spec's prices per million tokens. */
export function costOf(
  spec: ModelSpec,
  promptTokens: number,
  completionTokens: number,
): number {
  if (!spec.prices) return 0;
  return (
    (promptTokens * spec.prices.input + completionTokens * spec.prices.output) /
    1_000_000
  );
}
