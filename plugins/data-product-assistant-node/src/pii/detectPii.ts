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
  /**
   * Person names the caller sets aside whatever their score (names it may show): names for
   * which this holds and that overlap no other value found may be left out, unweighed.
   */
  discardedName?: (name: string) => boolean;
}

/** Runs the PII and secret detectors over text. */
export function detectPii(
  text: string,
  options: DetectPiiOptions = {},
): PiiSpan[] {
  const types = options.types ?? (Object.keys(piiDetectors) as PiiType[]);
  const keep = (s: PiiSpan) =>
    s.end > s.start && s.score >= (options.minScore ?? 0);
  const found = new Map<PiiType, PiiSpan[]>();
  for (const t of types)
    if (t !== 'person' || !options.discardedName)
      found.set(t, piiDetectors[t](text).filter(keep));
  const { discardedName } = options;
  if (types.includes('person') && discardedName) {
    // A name set aside can only matter where it overlaps another value and wins it.
    const others = [...found.values()].flat();
    const discarded = (name: string, start: number, end: number) =>
      !others.some(o => start < o.end && o.start < end) && discardedName(name);
    found.set('person', detectPersonNames(text, discarded).filter(keep));
  }
  return resolveOverlaps(types.flatMap(t => found.get(t) ?? []));
}
