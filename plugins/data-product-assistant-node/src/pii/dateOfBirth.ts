import { matchAll, PiiSpan, span } from './types';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE = `(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`;
const CUE =
  '(?:date\\s+of\\s+birth|birth\\s*date|birthday|d\\.?o\\.?b\\.?|born(?:\\s+on)?|b\\.)';

const DOB = new RegExp(
  `\\b${CUE}\\s*(?:is|was|:|-|=|on)?\\s*(?:on\\s+)?[(\\[]?(${DATE})`,
  'i',
);

/** Dates of birth: a date preceded by a birth cue ("born", "DOB:", "date of birth"). */
export function detectDatesOfBirth(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchAll(DOB, text)) {
    const date = m[1];
    const start = m.index + m[0].length - date.length;
    out.push(span('date-of-birth', text, start, start + date.length, 0.85));
  }
  return out;
}
