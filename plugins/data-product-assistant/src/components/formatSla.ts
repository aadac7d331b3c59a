import {
  slaDuration,
  type Sla,
} from '@dpa/plugin-data-product-assistant-common';

/** ODCS SLA properties as a reader names them. */
const PROPERTY_LABELS: Record<string, string> = {
  frequency: 'Update frequency',
  latency: 'Latency (maximum data delay)',
  retention: 'Retention',
  timeofavailability: 'Time of availability',
  generalavailability: 'General availability',
  endofsupport: 'End of support',
  endoflife: 'End of life',
  availability: 'Availability',
  throughput: 'Throughput',
  errorrate: 'Error rate',
};

/** `timeOfAvailability` → `Time of availability`; known ones by their reader's name. */
export function slaPropertyLabel(property: string): string {
  const known = PROPERTY_LABELS[property.toLowerCase()];
  if (known) return known;
  const words = property
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `+00:00` → `UTC`, `+02:00` → `UTC+02:00`. */
const zone = (offset: string) =>
  /^(Z|[+-]00:?00)$/i.test(offset) ? 'UTC' : `UTC${offset}`;

/**
 * An SLA value as a reader reads it: `1 h` → `1 hour`, `7 y` → `7 years`,
 * a time of day `06:00+00:00` → `06:00 UTC`, a timestamp as a date in the
 * reader's locale; anything else as the contract says it.
 */
export function slaValueLabel(sla: Pick<Sla, 'value' | 'unit'>): string {
  const value = sla.value.trim();
  if (sla.unit) return slaDuration(value, sla.unit);
  const time = /^(\d{1,2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value);
  if (time) return time[2] ? `${time[1]} ${zone(time[2])}` : time[1];
  if (/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) {
      return date.toLocaleDateString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      });
    }
  }
  return value;
}
