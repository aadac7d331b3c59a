import { createHash } from 'node:crypto';
import type { ModelRef, ModelSpec } from './types';

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(v => (v === undefined ? null : sortKeys(v)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** A model's version: the first 12 hex digits of sha256 over its canonical spec. */
export function specVersion(spec: ModelSpec): string {
  return createHash('sha256')
    .update(canonicalJson(spec))
    .digest('hex')
    .slice(0, 12);
}

/** The reference stored with every answer: name, content version, provider. */
export function modelRef(name: string, spec: ModelSpec): ModelRef {
  return { name, version: specVersion(spec), provider: spec.provider };
}
