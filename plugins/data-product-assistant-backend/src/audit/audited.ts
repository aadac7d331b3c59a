import type { Request } from 'express';
import type { AuditorService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/**
 * Runs a change inside an audit event: the event names the caller (from the
 * request) and what they tried; it ends as a success, with what the change
 * produced, or as a failure with the error, which is rethrown.
 */
export async function audited<T>(
  auditor: AuditorService,
  event: {
    eventId: string;
    request?: Request<any, any, any, any, any>;
    meta: JsonObject;
  },
  change: () => Promise<T>,
  successMeta?: (result: T) => JsonObject | undefined,
): Promise<T> {
  const auditEvent = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: 'medium',
    request: event.request,
    meta: event.meta,
  });
  try {
    const result = await change();
    const meta = successMeta?.(result);
    await auditEvent.success(meta ? { meta } : undefined);
    return result;
  } catch (error) {
    await auditEvent.fail({ error: error as Error });
    throw error;
  }
}
