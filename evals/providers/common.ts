import type { ModelSpec } from '@dpa/plugin-data-product-assistant-node';
import type { ProviderOptions, ProviderResponse } from 'promptfoo';

/** What promptfoo hands a custom provider's constructor, with this provider's config type. */
export type ProviderInit<C> = Omit<ProviderOptions, 'config'> & { config?: C };

/** promptfoo's provider response, as these providers fill it. */
export type DpaProviderResponse = ProviderResponse;

/** What these providers read of promptfoo's `CallApiContextParams`: the test case's vars. */
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
