import type { Request } from 'express';
import type { AuditorService } from '@backstage/backend-plugin-api';
import type { AskRecord } from '@dpa/plugin-data-product-assistant-common';

/**
 * Runs an ask inside an audit event: who asked which product, and the
 * verdict the validator gave (or why the ask failed). Used by the HTTP route
 * and the MCP action alike.
 */
export async function auditedAsk(
  auditor: AuditorService,
  options: { request?: Request; via: 'http' | 'action'; entityRef: unknown },
  run: () => Promise<AskRecord>,
): Promise<AskRecord> {
  const event = await auditor.createEvent({
    eventId: 'ask',
    severityLevel: 'low',
    request: options.request,
    meta: {
      via: options.via,
      entityRef:
        typeof options.entityRef === 'string' ? options.entityRef : null,
    },
  });
  try {
    const record = await run();
    await event.success({
      meta: {
        askId: record.id,
        entityRef: record.entityRef,
        askedBy: record.userRef,
        verdict: record.status,
        reasons: record.reasons.map(r => r.code),
        verifiedAnswerId: record.verified?.id ?? null,
        answerModel: `${record.answerModel.name}@${record.answerModel.version}`,
        validatorModel: `${record.validatorModel.name}@${record.validatorModel.version}`,
        costUsd: record.usage.costUsd,
      },
    });
    return record;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
