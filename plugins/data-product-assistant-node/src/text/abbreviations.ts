/**
 * Abbreviations in names (`cust`, `qty`, `hr`), expanded from general
 * resources only: WordNet, where the abbreviation shares a synset with its
 * word (`hr` ~ hour, `min` ~ minute), and the vocabulary of the text at hand
 * (the descriptions of the same catalog): `cust` is `customer` when the
 * descriptions say "customer" and no likelier word starts with `cust`.
 * Nothing here lists an abbreviation by hand.
 */
import { lexicon } from './lexicon';
import { splitGlued } from './identifiers';

/** Whether `short` can abbreviate `word`: same first letter, its letters in order. */
export function abbreviates(short: string, word: string): boolean {
  if (short.length >= word.length || short[0] !== word[0]) return false;
  let i = 1;
  for (let j = 1; i < short.length && j < word.length; j++)
    if (short[i] === word[j]) i++;
  return i === short.length;
}

/** Initials of a compound (`timestamp` → ts) when it splits into known words. */
function initials(word: string): string | undefined {
  const parts = splitGlued(word);
  return parts.length > 1 ? parts.map(p => p[0]).join('') : undefined;
}

export interface AbbreviationOptions {
  /** Least occurrences of the expansion in the vocabulary (default 2). */
  minCount?: number;
}

/** Expands abbreviations against a vocabulary of words with their counts. */
export class Abbreviations {
  private readonly byFirst = new Map<string, Array<[string, number]>>();
  private readonly memo = new Map<string, string | undefined>();
  private readonly minCount: number;

  /** `vocabulary`: words (lemmas) of the surrounding text and how often each occurs. */
  constructor(
    vocabulary: Iterable<[string, number]>,
    options: AbbreviationOptions = {},
  ) {
    this.minCount = options.minCount ?? 2;
    for (const [word, count] of vocabulary) {
      if (word.length < 4 || !/^[a-z]+$/.test(word)) continue;
      const list = this.byFirst.get(word[0]) ?? [];
      list.push([word, count]);
      this.byFirst.set(word[0], list);
    }
    for (const list of this.byFirst.values())
      list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  /** The word a short token stands for, or undefined when it is a word itself or unclear. */
  expand(token: string): string | undefined {
    const t = token.toLowerCase();
    if (this.memo.has(t)) return this.memo.get(t);
    const found = this.find(t);
    this.memo.set(t, found);
    return found;
  }

  private find(t: string): string | undefined {
    if (t.length < 2 || t.length > 5 || !/^[a-z]+$/.test(t)) return undefined;
    const lx = lexicon();
    // An attested WordNet word is either the short form of a synset mate (hr ~ hour) or a word.
    if (lx.frequency(t) > 0)
      return lx.synonyms(t, { senses: 1 }).find(w => abbreviates(t, w));
    // Rare or unknown (`id`, `ref`, `qty`): the vocabulary at hand decides.
    let best: [string, number] | undefined;
    let bestCount = 0;
    let second = 0;
    for (const [word, count] of this.byFirst.get(t[0]) ?? []) {
      if (word.length < t.length + 2) continue;
      let weight = 0;
      if (word.startsWith(t)) weight = 2;
      else if (initials(word) === t) weight = 2;
      else if (t.length >= 3 && abbreviates(t, word)) weight = 1;
      if (!weight) continue;
      const score = weight * count;
      if (!best || score > best[1]) {
        second = best?.[1] ?? 0;
        best = [word, score];
        bestCount = count;
      } else if (score > second) second = score;
    }
    if (!best || bestCount < this.minCount) return undefined;
    // A clear winner only: `ref` stays `ref` between "reference" and "refund" used alike.
    return best[1] >= 1.5 * second ? best[0] : undefined;
  }
}
