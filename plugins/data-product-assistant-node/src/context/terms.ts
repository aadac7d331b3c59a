/** Tokenising shared by retrieval, mention matching and the built-in model. */

const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at by for from with about as into is are was were be been being ' +
    'do does did doing have has had having i me my we our you your it its this that these those there ' +
    'what which who whom whose when where why how can could should would will shall may might must ' +
    'please tell show give list explain describe any all some each per if then than so not no yes ' +
    'there here get got also just me us they them their he she his her one through had most more much very ' +
    'other into onto after before during between within without via over under'
  ).split(' '),
);

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}

/** Light plural folding applied identically to documents and queries. */
export function stem(term: string): string {
  if (term.length <= 3 || /\d/.test(term)) return term;
  if (term.endsWith('sses')) return term.slice(0, -2);
  if (term.endsWith('ies') && term.length > 4) return `${term.slice(0, -3)}y`;
  if (/(x|ch|sh)es$/.test(term)) return term.slice(0, -2);
  if (term.endsWith('s') && !term.endsWith('ss') && !term.endsWith('us')) {
    return term.slice(0, -1);
  }
  return term;
}

/**
 * Splits text into words, keeping compound identifiers (`order_id`,
 * `netAmount`) and adding their parts (`order`, `id`, `net`, `amount`).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}_]+/u)) {
    if (!raw) continue;
    out.push(raw);
    const parts = raw
      .split(/_+/)
      .flatMap(p =>
        p.split(
          /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])/,
        ),
      )
      .filter(Boolean);
    if (parts.length > 1) out.push(...parts);
  }
  return out;
}

/** Lower-cases, drops stop words and folds plurals; null drops the term. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (!t || isStopword(t)) return null;
  if (t.length < 2 && !/\d/.test(t)) return null;
  return stem(t);
}

/** Content words of a question, processed like indexed terms. */
export function contentTerms(text: string): string[] {
  return [
    ...new Set(
      tokenize(text)
        .map(processTerm)
        .filter((t): t is string => t !== null),
    ),
  ];
}

/** Lower-case letters and digits only: `Net_Amount` → `netamount`. */
export function compact(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
