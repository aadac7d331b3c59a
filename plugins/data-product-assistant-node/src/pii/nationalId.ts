import { before, matchAll, PiiSpan, span } from './types';
import { luhnValid } from './paymentCard';

const SSN = /(?<![\w-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w]|-\d)/;
const SSN_CUE =
  /\b(ssn|social security|social sec|tax ?id|tin|itin)\b[^.\n]{0,20}$/;

/** US SSN validity: area not 000/666/9xx, group not 00, serial not 0000. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  const all = area + group + serial;
  if (/^(\d)\1{8}$/.test(all) || all === '123456789' || all === '078051120')
    return false;
  return true;
}

const NINO =
  /(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/;

const SIN = /(?<![\w-])(\d{3})([- ]?)(\d{3})\2(\d{3})(?![\w]|-\d)/;
const SIN_CUE = /\b(sin|social insurance)\b[^.\n]{0,20}$/;

/** National identifiers: US SSN (validity rules), UK NINO, Canadian SIN (with cue, Luhn). */
export function detectNationalIds(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchAll(SSN, text)) {
    const [, area, sep, group, serial] = m;
    if (!ssnValid(area, group, serial)) continue;
    const cue = SSN_CUE.test(before(text, m.index, 40));
    if (!sep && !cue) continue; // nine bare digits need a cue
    if (sep === ' ' && !cue) continue;
    out.push(
      span(
        'national-id',
        text,
        m.index,
        m.index + m[0].length,
        cue ? 0.95 : 0.75,
        'us-ssn',
      ),
    );
  }
  for (const m of matchAll(NINO, text)) {
    const cue = /\b(nino|national insurance|ni number|ni no)\b/.test(
      before(text, m.index, 40),
    );
    out.push(
      span(
        'national-id',
        text,
        m.index,
        m.index + m[0].length,
        cue ? 0.95 : 0.8,
        'uk-nino',
      ),
    );
  }
  for (const m of matchAll(SIN, text)) {
    if (!SIN_CUE.test(before(text, m.index, 40))) continue;
    const digits = m[1] + m[3] + m[4];
    if (!luhnValid(digits) || digits[0] === '8') continue;
    out.push(
      span('national-id', text, m.index, m.index + m[0].length, 0.9, 'ca-sin'),
    );
  }
  return out;
}
