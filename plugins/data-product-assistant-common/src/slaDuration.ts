/** Singular and plural of each time unit an ODCS SLA may abbreviate. */
const UNIT_WORDS: Record<string, [string, string]> = {
  s: ['second', 'seconds'],
  sec: ['second', 'seconds'],
  second: ['second', 'seconds'],
  seconds: ['second', 'seconds'],
  m: ['minute', 'minutes'],
  min: ['minute', 'minutes'],
  minute: ['minute', 'minutes'],
  minutes: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  hr: ['hour', 'hours'],
  hour: ['hour', 'hours'],
  hours: ['hour', 'hours'],
  d: ['day', 'days'],
  day: ['day', 'days'],
  days: ['day', 'days'],
  w: ['week', 'weeks'],
  week: ['week', 'weeks'],
  weeks: ['week', 'weeks'],
  mo: ['month', 'months'],
  month: ['month', 'months'],
  months: ['month', 'months'],
  y: ['year', 'years'],
  yr: ['year', 'years'],
  year: ['year', 'years'],
  years: ['year', 'years'],
};

/**
 * An SLA value with its unit in words, `1 h` → `1 hour`, `7 y` → `7 years`;
 * an unknown unit as the contract writes it. The engine's facts and the
 * Profile tab say durations the same way, so answers quote what users read.
 */
export function slaDuration(value: string, unit: string): string {
  const words = UNIT_WORDS[unit.toLowerCase()];
  if (!words) return `${value} ${unit}`;
  return `${value} ${Number(value) === 1 ? words[0] : words[1]}`;
}
