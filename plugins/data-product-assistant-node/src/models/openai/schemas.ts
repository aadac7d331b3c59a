import { z } from 'zod';
import { verdictStatuses } from '@dpa/plugin-data-product-assistant-common';

/** Bounds of what a model may return: past them the output is unusable, not stored. */
export const OUTPUT_LIMITS = {
  answerChars: 8000,
  claims: 30,
  claimChars: 2000,
  citations: 20,
  idChars: 200,
  reasons: 50,
  reasonChars: 2000,
} as const;

/** What the answer model must return (zod, checked after parsing). */
export const answerOutputSchema = z.object({
  answer: z.string().max(OUTPUT_LIMITS.answerChars),
  claims: z
    .array(
      z.object({
        text: z.string().min(1).max(OUTPUT_LIMITS.claimChars),
        citations: z
          .array(z.string().min(1).max(OUTPUT_LIMITS.idChars))
          .min(1)
          .max(OUTPUT_LIMITS.citations),
      }),
    )
    .max(OUTPUT_LIMITS.claims),
  abstained: z.boolean(),
  refused: z.boolean().optional().nullable(),
});

/** The same, as the JSON schema sent with `response_format` (strict mode). */
export const answerJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['answer', 'claims', 'abstained', 'refused'],
  properties: {
    answer: {
      type: 'string',
      description:
        'The answer: the claim texts joined, or the abstention / refusal message.',
    },
    claims: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'citations'],
        properties: {
          text: { type: 'string' },
          citations: {
            type: 'array',
            items: { type: 'string' },
            description: 'Ids of the facts that support the claim.',
          },
        },
      },
    },
    abstained: { type: 'boolean' },
    refused: { type: 'boolean' },
  },
} as const;

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
