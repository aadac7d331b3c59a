import type { AuditorService } from '@backstage/backend-plugin-api';
import type { RegistryRecord } from '@dpa/plugin-data-product-assistant-node';

/**
 * `model-promotion` audit events: one for every registry record this
 * instance starts serving from (promoted or refused), with who promoted it.
 */
export function auditModelPromotions(auditor: AuditorService) {
  return async (
    records: readonly RegistryRecord[],
    firstRead: boolean,
  ): Promise<void> => {
    for (const record of records) {
      const event = await auditor.createEvent({
        eventId: 'model-promotion',
        severityLevel: record.verdict === 'promoted' ? 'high' : 'medium',
        meta: {
          recordId: record.id,
          domain: record.domain,
          role: record.role,
          verdict: record.verdict,
          promotedBy: record.promotedBy ?? null,
          time: record.time,
          champion: `${record.champion.name}@${record.champion.specHash}`,
          challenger: `${record.challenger.name}@${record.challenger.specHash}`,
          reasons: record.reasons,
          // Records already in the folder when this instance started.
          firstRead,
        },
      });
      await event.success();
    }
  };
}
