import { before, matchAll, PiiSpan, span } from './types';

// A run of digit groups with phone-style separators, optional +country code,
// optional "(0)" trunk marker and an optional extension.
const CANDIDATE =
  /(?<![\w+./-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,15}(?:[ .-]{1,2}\(?\d{1,8}\)?){0,6}(?:\s?(?:x|ext\.?|#)\s?\d{1,5})?(?![\w/]|[.-]\d)/i;

const PHONE_CUE =
  /\b(phone|tel|telephone|mobile|cell|fax|call(?:ed)?|ring|sms|text(?:ed)?|whatsapp|contact|desk|reach|dial|messages? to|registered|hotline|answering)\b[^.\n]{0,25}\s*$|(?:^|\n)\s*(?:p|t|m|ph|tel)\s*[:.]\s*$/;
// A label right after the number: "41-22-73-05 office", "4150173622-Fax".
const PHONE_CUE_AFTER =
  /^\s*[-–(,]?\s*(?:office|fax|mobile|cell|home|work|direct|landline|tel|phone)\b/i;
const ID_CUE =
  /\b(order|invoice|ticket|id|no\.?|number of|version|v|account|acct|zip|postal|postcode|iban|card|ssn|licen[cs]e|passport|isbn|ref|reference|sku|batch|build|item|year|page)\s*[:#]?\s*$/;

const NANP = /^(?:\+?1[ .-]?)?\(?[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]\d{4}$/;

function stripExtension(s: string): string {
  return s.replace(/\s?(?:x|ext\.?|#)\s?\d{1,5}$/i, '');
}

/** Phone numbers in international and common national formats. */
export function detectPhones(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchAll(CANDIDATE, text)) {
    let raw = m[0].replace(/[ .-]+$/, '');
    const start = m.index;
    const core = stripExtension(raw);
    const digits = core.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    const pre = before(text, start, 45);
    const cue =
      PHONE_CUE.test(pre) ||
      PHONE_CUE_AFTER.test(
        text.slice(start + m[0].length, start + m[0].length + 12),
      );
    if (!cue && ID_CUE.test(pre)) continue;
    // Dates, times, versions and decimals are not phones.
    if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(core)) continue;
    if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(core)) continue;
    if (/^\d+(?:\.\d+){1,3}$/.test(core) && !cue) continue;
    if (/^\d+\.\d+$/.test(core)) continue;
    const international = core.startsWith('+');
    const separated = /[ .()-]/.test(core);
    const groups = core.split(/[ .()-]+/).filter(Boolean);
    let score = 0;
    if (international && digits.length >= 8) score = 0.8;
    else if (NANP.test(core)) score = 0.7;
    else if (
      /^0\d/.test(digits) &&
      separated &&
      digits.length >= 9 &&
      groups.length >= 2
    )
      score = 0.6;
    else if (/^\(0?\d{2,4}\)/.test(core) && digits.length >= 8) score = 0.6;
    if (cue)
      score = Math.max(score, separated || digits.length >= 9 ? 0.65 : 0);
    if (score === 0) continue;
    // Year ranges like "1990-2000" or "2019 2020" are not phones.
    if (groups.length === 2 && groups.every(g => /^(19|20)\d{2}$/.test(g)))
      continue;
    if (cue) score = Math.min(0.95, score + 0.15);
    raw = raw.trim();
    out.push(span('phone', text, start, start + raw.length, score));
  }
  return out;
}
