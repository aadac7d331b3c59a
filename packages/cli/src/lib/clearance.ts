import {
  classificationSchema,
  type Classification,
} from '@dpa/plugin-data-product-assistant-common';
import { UsageError } from './UsageError';

export function parseClearance(value: string | undefined): Classification {
  const parsed = classificationSchema.safeParse(value ?? 'internal');
  if (!parsed.success) {
    throw new UsageError(
      `--clearance must be one of ${classificationSchema.options.join(', ')}`,
    );
  }
  return parsed.data;
}
