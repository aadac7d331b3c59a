/**
 * The one word normaliser of the engine: a word's lemma (dictionary form).
 *
 * WordNet's morphy: inflectional endings are detached by WordNet's rules and a
 * candidate counts only when WordNet lists it in that part of speech; when
 * several do (`rating` → rate / rat) the most frequent in WordNet's tagged
 * corpus wins. Irregular forms (`children`, `went`) come from WordNet's
 * exception lists as shipped with wink-eng-lite-web-model. Words WordNet does not
 * know (`skus`, `timestamps`) only lose a regular plural ending. Deterministic,
 * cached per process.
 */
import { BoundedCache } from './boundedCache';
import { WORDNET_POS, type WordnetPos } from './wordnet';
import { wordnet } from './wordnetInstance';

type Exceptions = Record<string, string>;

const RULES: Record<'n' | 'v' | 'a', Array<[string, string]>> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
};

/** Comparatives are only tried on words WordNet does not list: `customer` is not more `custom`. */
const ONLY_UNLISTED = new Set(['er', 'est']);

let exceptions: Array<[WordnetPos, Exceptions]> | undefined;

function exceptionLists(): Array<[WordnetPos, Exceptions]> {
  exceptions ??= [
    ['n', require('wink-eng-lite-web-model/dist/wn-noun-exceptions.js')],
    ['v', require('wink-eng-lite-web-model/dist/wn-verb-exceptions.js')],
    ['a', require('wink-eng-lite-web-model/dist/wn-adjective-exceptions.js')],
  ];
  return exceptions;
}

const cache = new BoundedCache<string, string>(100_000);

/** `ships` → `ship` but `status`, `analysis`, `address` keep their `s`. */
const KEEPS_S = /(?:ss|us|is)$/;

function known(word: string, pos: WordnetPos): number {
  const e = wordnet().entry(word, pos);
  return e ? e.tagCount + 1 : 0;
}

function morphy(word: string): string {
  const own = Math.max(...WORDNET_POS.map(p => known(word, p)));
  const isLemma = own > 0;
  if (!isLemma) {
    for (const [pos, list] of exceptionLists()) {
      const base = list[word];
      if (base && known(base, pos)) return base;
    }
  }
  let best: string | undefined;
  let bestScore = 0;
  for (const pos of ['n', 'v', 'a'] as const) {
    for (const [suffix, ending] of RULES[pos]) {
      if (!word.endsWith(suffix)) continue;
      if (suffix === 's' && KEEPS_S.test(word)) continue;
      if (isLemma && ONLY_UNLISTED.has(suffix)) continue;
      const stemmed = word.slice(0, -suffix.length);
      const bases = [stemmed + ending];
      // doubled final consonant: shipped → ship, setting → set
      if (!ending && /([b-df-hj-np-tv-z])\1$/.test(stemmed))
        bases.push(stemmed.slice(0, -1));
      for (const base of bases) {
        if (base.length < 3) continue;
        let score = known(base, pos);
        // `evening` is a noun in its own right more often than a form of `even`
        if (score && suffix === 'ing' && own > score) score = 0;
        if (score > bestScore) {
          best = base;
          bestScore = score;
        }
      }
    }
  }
  if (best) return best;
  if (isLemma) return word;
  // Not an English word WordNet knows: fold a regular plural only.
  if (word.endsWith('s') && !KEEPS_S.test(word)) {
    if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
    if (/(?:sh|ch|x|z|ss)es$/.test(word)) return word.slice(0, -2);
    return word.slice(0, -1);
  }
  return word;
}

/** Lower-cased lemma of one word; numbers, codes and short words are returned lower-cased. */
export function lemma(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  const l = w.length < 3 || !/^[a-z][a-z-]*[a-z]$/.test(w) ? w : morphy(w);
  cache.set(word, l);
  return l;
}
