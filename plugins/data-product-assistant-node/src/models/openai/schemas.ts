import { z } from 'zod';

/** What the answer model must return (zod, checked after parsing). */
export const answerOutputSchema = z.object({
  answer: z.string(),
  claims: z.array(
    z.object({
      text: z.string().min(1),
      citations: z.array(z.string().min(1)).min(1),
    }),
  ),
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
  status: z.enum(['approved', 'flagged', 'blocked', 'abstained']),
  reasons: z.array(
    z.object({
      code: z.string().min(1),
      message: z.string(),
      claim: z.number().int().min(0).optional().nullable(),
      severity: z.enum(['info', 'warning', 'block']),
    }),
  ),
  groundedness: z.number().min(0).max(1),
});

export const verdictJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'reasons', 'groundedness'],
  properties: {
    status: {
      type: 'string',
      enum: ['approved', 'flagged', 'blocked', 'abstained'],
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
