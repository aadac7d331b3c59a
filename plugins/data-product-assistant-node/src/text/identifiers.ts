/**
 * Identifier splitting: snake_case, kebab-case, camelCase, digits, and words
 * written together (`starttime`, `emailaddress`) split where every piece is a
 * word WordNet (or the caller's vocabulary) knows.
 */
import { BoundedCache } from './boundedCache';
import { lexicon } from './lexicon';
import { isStopword } from './stopwords';

/** Splits on `_`, `-`, `.`, spaces, case changes and digit boundaries; lower-cased. */
export function splitCase(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export type IsWord = (word: string) => boolean;

const lexiconWord: IsWord = w => lexicon().isWord(w);

/**
 * Splits a run of letters into words in use, fewest pieces first (`businessentityid` →
 * business, entity, id; the last piece may be a two-letter word). Runs that do
 * not split that way (`quakelyal`, `rowguid`) come back whole.
 */
export function splitGlued(
  run: string,
  isWord: IsWord = lexiconWord,
): string[] {
  const n = run.length;
  if (n < 6 || !/^[a-z]+$/.test(run) || isWord(run)) return [run];
  // best[i]: fewest pieces covering run[i..]; among those, the commonest words (time|stamp, not times|tamp)
  const lx = lexicon();
  const best: Array<{ pieces: string[]; score: number } | undefined> =
    new Array(n + 1);
  best[n] = { pieces: [], score: 0 };
  for (let i = n - 1; i >= 0; i--) {
    for (let j = n; j > i; j--) {
      const piece = run.slice(i, j);
      const rest = best[j];
      if (!rest) continue;
      // pieces are words in use (not `tor`, `lyal`), or longer words WordNet knows (`bike`, `header`);
      // a last piece may be a short word (`item|id`) or a three-letter consonant skeleton (`tax|amt`),
      // a first piece a two-letter function word (`in|stock`, `is|active`; not `ins|tock`)
      const known =
        (piece.length >= 3 &&
          isWord(piece) &&
          (piece.length >= 4 || lx.frequency(piece) > 0)) ||
        (j === n && i > 0 && piece.length === 2 && isWord(piece)) ||
        (i === 0 && j < n && piece.length === 2 && isStopword(piece)) ||
        (j === n && i > 0 && /^[a-z][^aeiou]{2}$/.test(piece));
      if (!known) continue;
      const candidate = {
        pieces: [piece, ...rest.pieces],
        score: rest.score + Math.log(2 + lx.frequency(piece)),
      };
      const current = best[i];
      if (
        !current ||
        candidate.pieces.length < current.pieces.length ||
        (candidate.pieces.length === current.pieces.length &&
          candidate.score > current.score)
      )
        best[i] = candidate;
    }
  }
  const pieces = best[0]?.pieces;
  return pieces && pieces.length > 1 ? pieces : [run];
}

const cache = new BoundedCache<string, readonly string[]>(100_000);
/** Runs split with the lexicon, memoised: one run recurs in many names (`order` in order_id, orderDate, fk_order). */
const runs = new BoundedCache<string, string[]>(100_000);

/** An identifier's words, lower-cased, in order: `customerEmailAddress` → customer, email, address. */
export function splitIdentifier(
  name: string,
  isWord?: IsWord,
): readonly string[] {
  const compute = () =>
    splitCase(name).flatMap(p =>
      isWord ? splitGlued(p, isWord) : runs.getOrSet(p, () => splitGlued(p)),
    );
  return isWord ? compute() : cache.getOrSet(name, compute);
}

/** Letters and digits only, lower-cased: `Net_Amount` → `netamount`. */
export function compactName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
