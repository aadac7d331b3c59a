import type { ModelSpec } from '@dpa/plugin-data-product-assistant-node';

/** What promptfoo hands a custom provider's constructor. */
export interface ProviderInit<C> {
  id?: string;
  label?: string;
  config?: C;
}

/** promptfoo's provider response, as far as these providers fill it. */
export interface DpaProviderResponse {
  output?: string;
  error?: string;
  tokenUsage?: {
    prompt: number;
    completion: number;
    total: number;
    numRequests?: number;
  };
  cost?: number;
  latencyMs?: number;
  metadata?: Record<string, unknown>;
}

export interface CallContext {
  vars?: Record<string, unknown>;
}

export const str = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : v === undefined || v === null
    ? undefined
    : String(v);

/** Provider kind of a spec, for the "never promote a hosted model on built-in results" rule. */
export const ranOn = (spec: ModelSpec) => spec.provider;
