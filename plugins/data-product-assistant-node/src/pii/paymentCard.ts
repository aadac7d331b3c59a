import { before, matchAll, PiiSpan, span } from './types';

/** Luhn (mod 10) checksum over a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// 13–19 digits, optionally grouped by single spaces or dashes (consistently).
const CARD = /(?<![\w.,-])\d(?:[ -]?\d){12,18}(?![\w]|[.,-]\d)/;

const KNOWN_PREFIX =
  /^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|6(?:011|5|4[4-9]|22)|35|62|8[1-8]|50|5[6-9]|6)/;

/** Payment card numbers: 13–19 digits, spaces/dashes allowed, Luhn-valid. */
export function detectPaymentCards(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchAll(CARD, text)) {
    const raw = m[0];
    const seps = raw.replace(/\d/g, '');
    if (seps && new Set(seps).size > 1) continue; // mixed separators: not a card
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19) continue;
    if (/^(\d)\1+$/.test(digits)) continue;
    if (!luhnValid(digits)) continue;
    const cue = /\b(card|visa|mastercard|amex|credit|debit|pan)\b/.test(
      before(text, m.index, 50),
    );
    let score = KNOWN_PREFIX.test(digits) ? 0.85 : 0.6;
    if (cue) score = Math.min(1, score + 0.1);
    out.push(span('payment-card', text, m.index, m.index + raw.length, score));
  }
  return out;
}
