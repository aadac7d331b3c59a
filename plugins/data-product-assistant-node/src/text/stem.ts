/**
 * Porter2 stems (the English Snowball stemmer, as shipped in
 * wink-eng-lite-web-model, loaded without the model): a second, coarser key
 * that joins derivational variants WordNet does not link (`identify`,
 * `identifier`). Lemmas stay the normal form; stems only widen a match.
 */
import { BoundedCache } from './boundedCache';

let porter2: ((word: string) => string) | undefined;
const cache = new BoundedCache<string, string>(100_000);

export function stem(word: string): string {
  porter2 ??= require('wink-eng-lite-web-model/dist/porter-stemmer.js');
  return cache.getOrSet(word.toLowerCase(), porter2!);
}
