import { z } from 'zod';
import { verdictStatuses } from '@dpa/plugin-data-product-assistant-common';
import { OUTPUT_LIMITS } from '../models/outputLimits';

/** What any validator model must return (zod): the pipeline checks every verdict against it. */
export const verdictSchema = z.object({
  status: z.enum(verdictStatuses),
  reasons: z
    .array(
      z.object({
        code: z.string().min(1).max(OUTPUT_LIMITS.idChars),
        message: z.string().max(OUTPUT_LIMITS.reasonChars),
        claim: z.number().int().min(0).optional().nullable(),
        severity: z.enum(['info', 'warning', 'block']),
      }),
    )
    .max(OUTPUT_LIMITS.reasons),
  groundedness: z.number().min(0).max(1),
});

/** The same, as a JSON schema for endpoints with structured output (strict mode). */
export const verdictJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'reasons', 'groundedness'],
  properties: {
    status: {
      type: 'string',
      enum: [...verdictStatuses],
    },
    reasons: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'message', 'claim', 'severity'],
        properties: {
          code: {
            type: 'string',
            description:
              'ungrounded, pii, secret, restricted-value, scope, injection, or another short code',
          },
          message: { type: 'string' },
          claim: {
            type: ['integer', 'null'],
            description: 'Index of the claim concerned, or null.',
          },
          severity: { type: 'string', enum: ['info', 'warning', 'block'] },
        },
      },
    },
    groundedness: {
      type: 'number',
      description: 'Share of claims supported by their cited facts, 0 to 1.',
    },
  },
} as const;
