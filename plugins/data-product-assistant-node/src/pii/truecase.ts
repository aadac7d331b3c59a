/**
 * Capitals for text written all in lower case ("my name is hedda kowalczyk", "ship it to 4471
 * vrbova 19, mirnov, czechia"), so the detectors that read capitals as evidence can read it.
 * Text with any capital letter is returned as it is: its writer used capitals, and their absence
 * is evidence too. The result has the same length, so offsets carry over.
 */
import { isKnownName, isStopword, lexicon } from '../text';

// a word on its own: not part of an identifier, a path or an address in code (`cust_id`, `a.b`)
const WORD =
  /(?<![\p{L}\p{N}_./@#-])\p{Ll}[\p{Ll}'’-]*(?![\p{L}\p{N}_@#]|[./-][\p{L}\p{N}])/gu;

function capitalise(text: string, keep: (word: string) => boolean): string {
  if (/\p{Lu}/u.test(text)) return text;
  return text.replace(WORD, w => {
    const first = w[0].toLocaleUpperCase();
    return first.length === 1 && keep(w) ? first + w.slice(1) : w;
  });
}

/**
 * Known personal names that are no ordinary English word get their capital, and so does a word
 * WordNet does not know right after one ("hedda kowalczyk").
 */
export function casedForNames(text: string): string {
  const name = (w: string) =>
    w.length > 2 &&
    !isStopword(w) &&
    isKnownName(w) &&
    lexicon().categories(w).common.length === 0;
  const cased = capitalise(text, name);
  if (cased === text) return text;
  return cased.replace(
    /(\p{Lu}[\p{Ll}'’-]+[ \t]+)(\p{Ll})([\p{Ll}'’-]+)(?![\p{L}\p{N}_@#])/gu,
    (m, before: string, first: string, rest: string) =>
      first.toLocaleUpperCase().length === 1 &&
      rest.length > 1 &&
      !isStopword(first + rest) &&
      !lexicon().isWord(first + rest)
        ? before + first.toLocaleUpperCase() + rest
        : m,
  );
}

/** Every word but function words gets its capital: street, city and country names. */
export function casedForAddresses(text: string): string {
  return capitalise(text, w => w.length > 1 && !isStopword(w));
}
