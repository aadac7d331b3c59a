/**
 * Code lists in column descriptions: `1 = placed, 2 = paid`, `M = Married,
 * S = Single`, `EMAIL_MKT = marketing e-mails; SMS_MKT = …`, `NULL = Current
 * department`, and markdown tables of `| code | meaning |` rows. Each code's
 * meaning runs to the next code; the last one to the end of its sentence.
 */
export interface CodeMeaning {
  code: string;
  meaning: string;
}

/** A code: a small number, an upper-case token (`EM`, `SEPA_DD`) or NULL. */
const CODE = String.raw`\d{1,3}|[A-Z][A-Z0-9_]{0,15}`;
const ASSIGNMENT = new RegExp(
  String.raw`(?<![\w.\-])(${CODE})\s*(?:=|→|->)\s*(?=\S)`,
  'g',
);
const TABLE_ROW = /\|\s*([^|\n]+?)\s*\|\s*([^|\n]+?)\s*\|/g;

const tidy = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/^["'“]|["'”]$/g, '')
    .replace(/[\s,;.]+$/, '')
    .trim();

const cache = new Map<string, CodeMeaning[]>();

/** The codes a description lists, in order; empty when it lists none. */
export function codeList(description: string): CodeMeaning[] {
  const hit = cache.get(description);
  if (hit) return hit;
  const out: CodeMeaning[] = [];
  const found = [...description.matchAll(ASSIGNMENT)];
  found.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const next = found[i + 1];
    let end = next ? next.index! : description.length;
    if (!next) {
      // the last meaning ends with its sentence
      const stop = description.slice(start).search(/;|(?<!\.[a-z])\.(\s|$)/);
      if (stop >= 0) end = start + stop;
    }
    const meaning = tidy(description.slice(start, end));
    if (meaning) out.push({ code: m[1], meaning });
  });
  // a lone `X = …` is a code only when X reads as one (NULL, a number, a short upper-case code)
  if (out.length === 1 && !/^(\d+|NULL|[A-Z]{1,4})$/.test(out[0].code))
    out.length = 0;
  if (!out.length && description.includes('|')) {
    for (const m of description.matchAll(TABLE_ROW)) {
      const [code, meaning] = [tidy(m[1]), tidy(m[2])];
      if (/^-+$/.test(code) || !/^[\w-]{1,30}$/.test(code)) continue;
      if (
        out.length === 0 &&
        /^[a-z ]+$/i.test(`${code} ${meaning}`) &&
        meaning.split(' ').length === 1
      )
        continue; // a header row (`| status | description |`)
      out.push({ code, meaning });
    }
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(description, out);
  return out;
}

/**
 * The codes of a list that a question names: numbers and upper-case codes as
 * written (`status 5`, `type W`), word codes (`returned`, `email_mkt`) in any case.
 */
export function codesIn(question: string, list: CodeMeaning[]): CodeMeaning[] {
  if (!list.length) return [];
  const tokens = question.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const hits: CodeMeaning[] = [];
  for (const c of list) {
    const wordCode = /[a-z]/.test(c.code) || c.code.length >= 3;
    const named = tokens.some(t =>
      wordCode ? t.toLowerCase() === c.code.toLowerCase() : t === c.code,
    );
    if (named && !hits.includes(c)) hits.push(c);
  }
  return hits;
}
