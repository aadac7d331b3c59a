import { matchAll, PiiSpan, span } from './types';

const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w@-])/;

/** E-mail addresses (RFC 5322 in practice: local part @ dotted domain with a letter TLD). */
export function detectEmails(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchAll(EMAIL, text)) {
    if (m[0].includes('..')) continue;
    out.push(span('email', text, m.index, m.index + m[0].length, 0.95));
  }
  return out;
}
