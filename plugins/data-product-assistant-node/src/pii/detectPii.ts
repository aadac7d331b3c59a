import { detectDatesOfBirth } from './dateOfBirth';
import { detectEmails } from './email';
import { detectIbans } from './iban';
import { detectIpAddresses } from './ipAddress';
import { detectNationalIds } from './nationalId';
import { detectPaymentCards } from './paymentCard';
import { detectPersonNames } from './personName';
import { detectPhones } from './phone';
import { detectSecrets } from './secrets';
import { detectStreetAddresses } from './streetAddress';
import { resolveOverlaps } from './types';
import type { PiiDetector, PiiSpan, PiiType } from './types';

export { resolveOverlaps };

export const piiDetectors: Record<PiiType, PiiDetector> = {
  email: detectEmails,
  phone: detectPhones,
  'payment-card': detectPaymentCards,
  iban: detectIbans,
  'national-id': detectNationalIds,
  'ip-address': detectIpAddresses,
  person: detectPersonNames,
  'street-address': detectStreetAddresses,
  'date-of-birth': detectDatesOfBirth,
  secret: detectSecrets,
};

export interface DetectPiiOptions {
  /** Only run these detectors (default: all). */
  types?: readonly PiiType[];
  /** Drop spans scoring below this (default 0). */
  minScore?: number;
}

/** Runs the PII and secret detectors over text. */
export function detectPii(
  text: string,
  options: DetectPiiOptions = {},
): PiiSpan[] {
  const types = options.types ?? (Object.keys(piiDetectors) as PiiType[]);
  const all: PiiSpan[] = [];
  for (const t of types) {
    for (const s of piiDetectors[t](text)) {
      if (s.end > s.start && s.score >= (options.minScore ?? 0)) all.push(s);
    }
  }
  return resolveOverlaps(all);
}
