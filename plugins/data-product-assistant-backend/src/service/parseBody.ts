import { InputError } from '@backstage/errors';
import type { z } from 'zod';

/** Validates a request body; the 400 names every problem found. */
export function parseBody<T extends z.ZodType>(
  schema: T,
  body: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map(i => i.message).join('; '));
  }
  return parsed.data;
}

/** `limit`/`offset` query parameters with bounds. */
export function parsePage(query: Record<string, unknown>): {
  limit: number;
  offset: number;
} {
  const number = (name: string, fallback: number, max: number) => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new InputError(`${name} must be an integer between 0 and ${max}`);
    }
    return value;
  };
  return {
    limit: Math.max(1, number('limit', 20, 100)),
    offset: number('offset', 0, 1_000_000),
  };
}

/** Validates one query parameter; an empty value counts as absent. */
export function parseQueryValue<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(value === '' ? undefined : value);
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map(i => i.message).join('; '));
  }
  return parsed.data;
}
