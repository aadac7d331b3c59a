import { z } from 'zod';
import { OUTPUT_LIMITS } from '@dpa/plugin-data-product-assistant-node';

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
