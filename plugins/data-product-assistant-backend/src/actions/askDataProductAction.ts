import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  MAX_QUESTION_LENGTH,
  verdictStatuses,
} from '@dpa/plugin-data-product-assistant-common';
import type { AuditorService } from '@backstage/backend-plugin-api';
import type { AskService } from '../ask/AskService';
import { auditedAsk } from '../ask/auditedAsk';

/**
 * `ask-data-product` for MCP and agent clients: the same pipeline, the same
 * validator, the same stored record as the portal, under the caller's credentials.
 */
export function registerAskDataProductAction(
  actionsRegistry: ActionsRegistryService,
  asks: AskService,
  auditor: AuditorService,
) {
  actionsRegistry.register({
    name: 'ask-data-product',
    title: 'Ask a data product',
    description:
      "Answers a question about a data product from its own metadata (contract, docs, owner notes). Every answer is vetted by a validator model: only answers with status 'approved' are confirmed; 'flagged' answers carry warnings, 'blocked' answers are withheld, 'abstained' means the metadata does not hold the answer.",
    attributes: { readOnly: true, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe('The data product, e.g. component:default/sales-orders'),
          question: z
            .string()
            .min(1)
            .max(MAX_QUESTION_LENGTH)
            .describe('The question, in plain language'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          answer: z.string(),
          status: z.enum(verdictStatuses),
          reasons: z.array(z.object({ code: z.string(), message: z.string() })),
          citations: z.array(z.object({ id: z.string(), text: z.string() })),
          answerModel: z.string(),
          validatorModel: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const record = await auditedAsk(
        auditor,
        { via: 'action', entityRef: input.entityRef },
        () =>
          asks.ask(
            { entityRef: input.entityRef, question: input.question },
            credentials,
          ),
      );
      return {
        output: {
          id: record.id,
          answer: record.answer,
          status: record.status,
          reasons: record.reasons.map(r => ({
            code: r.code,
            message: r.message,
          })),
          citations: record.citations,
          answerModel: `${record.answerModel.name}@${record.answerModel.version}`,
          validatorModel: `${record.validatorModel.name}@${record.validatorModel.version}`,
        },
      };
    },
  });
}
