import type { AuditorService } from '@backstage/backend-plugin-api';
import type { VerifiedAnswerRecord } from '@dpa/plugin-data-product-assistant-common';

/** `verified-answer-demoted` audit events: a contract change sent a verified answer back to review. */
export function auditVerifiedAnswerDemoted(auditor: AuditorService) {
  return async (
    record: VerifiedAnswerRecord,
    reason: string,
  ): Promise<void> => {
    const event = await auditor.createEvent({
      eventId: 'verified-answer-demoted',
      severityLevel: 'medium',
      meta: {
        verifiedAnswerId: record.id,
        entityRef: record.entityRef,
        askId: record.askId,
        verifiedBy: record.verifiedBy,
        reason,
      },
    });
    await event.success();
  };
}
