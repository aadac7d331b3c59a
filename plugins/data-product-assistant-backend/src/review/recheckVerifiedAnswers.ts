import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { VerifiedAnswerService } from '../ask/VerifiedAnswerService';
import type { VerifiedAnswerStore } from '../database/VerifiedAnswerStore';
import type { DataProductProfileService } from '../profile/DataProductProfileService';

export const VERIFIED_RECHECK_TASK_ID =
  'data-product-assistant:verified-answers-recheck';

/**
 * Re-checks every active verified answer against its product as it is now,
 * demoting the ones a contract change contradicts. Products that cannot be
 * read are skipped (and checked again next time), never demoted blindly.
 */
export async function recheckVerifiedAnswers(options: {
  verified: VerifiedAnswerStore;
  verifiedAnswers: VerifiedAnswerService;
  profiles: DataProductProfileService;
  auth: AuthService;
  logger: LoggerService;
}): Promise<{ checked: number; demoted: number; skipped: number }> {
  const credentials = await options.auth.getOwnServiceCredentials();
  const figures = { checked: 0, demoted: 0, skipped: 0 };
  for (const record of await options.verified.listActive()) {
    try {
      const profile = await options.profiles.getProfile(
        record.entityRef,
        credentials,
      );
      figures.checked++;
      if (!(await options.verifiedAnswers.recheck(record, profile)))
        figures.demoted++;
    } catch (error) {
      figures.skipped++;
      options.logger.warn(
        `Cannot re-check verified answer ${record.id} on ${record.entityRef}: ${
          (error as Error).message
        }`,
      );
    }
  }
  if (figures.demoted > 0 || figures.skipped > 0) {
    options.logger.info(
      `Verified answers re-checked: ${figures.checked} checked, ${figures.demoted} demoted, ${figures.skipped} skipped`,
    );
  }
  return figures;
}
