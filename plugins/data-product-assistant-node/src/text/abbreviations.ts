/**
 * Abbreviations in names (`cust`, `qty`, `hr`), expanded from general
 * resources only: WordNet, where the abbreviation shares a synset with its
 * word (`hr` ~ hour, `min` ~ minute), and the vocabulary of the text at hand
 * (the descriptions of the same catalog): `cust` is `customer` when the
 * descriptions say "customer" and no likelier word starts with `cust`.
 * Nothing here lists an abbreviation by hand.
 */
import { BoundedCache } from './boundedCache';
import { lemma } from './lemma';
import { lexicon } from './lexicon';
import { splitGlued } from './identifiers';
import { isStopword } from './stopwords';

/** Whether `short` can abbreviate `word`: same first letter, its letters in order. */
export function abbreviates(short: string, word: string): boolean {
  if (short.length >= word.length || short[0] !== word[0]) return false;
  let i = 1;
  for (let j = 1; i < short.length && j < word.length; j++)
    if (short[i] === word[j]) i++;
  return i === short.length;
}

/**
 * How well `short` abbreviates `word`: 2 for a prefix (`cust`) or the initials of
 * a compound (`ts` for timestamp), 1 for a consonant skeleton (`qty`, `amt`), else 0.
 */
function fit(short: string, word: string): number {
  if (word.length < short.length + 2 || short[0] !== word[0]) return 0;
  if (word.startsWith(short) || initials(word) === short) return 2;
  if (
    short.length >= 3 &&
    /^.[^aeiou]+$/.test(short) &&
    abbreviates(short, word)
  )
    return 1;
  return 0;
}

const initialsCache = new BoundedCache<string, string | undefined>(50_000);

/** Initials of a compound (`timestamp` → ts) when it splits into known words. */
function initials(word: string): string | undefined {
  return initialsCache.getOrSet(word, () => {
    const lx = lexicon();
    const parts = splitGlued(word, w => w !== word && lx.isWord(w));
    return parts.length > 1 ? parts.map(p => p[0]).join('') : undefined;
  });
}

export interface AbbreviationOptions {
  /** Least occurrences of the expansion in the vocabulary (default 2). */
  minCount?: number;
}

/** Expands abbreviations against a vocabulary of words with their counts. */
export class Abbreviations {
  private readonly byFirst = new Map<string, Array<[string, number]>>();
  private readonly memo = new Map<string, string | undefined>();
  /** Expansions read in context, per token, counted. */
  private readonly learned = new Map<string, Map<string, number>>();
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

  /**
   * Reads what a token stands for in one context (a column's own name and
   * description): a phrase whose initials spell it (`sku`, "Stock keeping unit")
   * or a word it abbreviates there. What is learnt this way is then used for the
   * token everywhere, so one name expands alike across the catalog.
   */
  learn(token: string, context: string): void {
    const t = token.toLowerCase();
    if (!this.eligible(t)) return;
    const found = this.fromContext(t, context);
    if (!found) return;
    const counts = this.learned.get(t) ?? new Map<string, number>();
    counts.set(found, (counts.get(found) ?? 0) + 1);
    this.learned.set(t, counts);
    this.memo.clear();
  }

  private eligible(t: string): boolean {
    return (
      t.length >= 2 &&
      t.length <= 5 &&
      /^[a-z]+$/.test(t) &&
      !isStopword(t) &&
      lexicon().frequency(t) === 0
    );
  }

  /**
   * The word (or words) a short token stands for, or undefined when it is a
   * word itself or unclear: what was learnt in context, else a WordNet synset
   * mate (`hr` → hour), else a clear winner among the vocabulary's words.
   */
  expand(token: string): string | undefined {
    const hit = this.memo.get(token);
    if (hit !== undefined || this.memo.has(token)) return hit;
    const found = this.find(token.toLowerCase());
    this.memo.set(token, found);
    return found;
  }

  private find(t: string): string | undefined {
    if (t.length < 2 || t.length > 5 || !/^[a-z]+$/.test(t) || isStopword(t))
      return undefined;
    const lx = lexicon();
    // An attested WordNet word is either the short form of a synset mate (hr ~ hour) or a word.
    if (lx.frequency(t) > 0) {
      if (t.length > 3) return undefined;
      return lx
        .synonyms(t, { senses: 1 })
        .find(w => w.length >= t.length + 2 && abbreviates(t, w));
    }
    const learned = this.learned.get(t);
    if (learned)
      return [...learned].sort(
        (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
      )[0][0];
    return this.fromVocabulary(t);
  }

  private fromContext(t: string, context: string): string | undefined {
    const words = context
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(w => w && !isStopword(w));
    for (let i = 0; i + t.length <= words.length; i++) {
      const run = words.slice(i, i + t.length);
      if (t.length >= 2 && run.map(w => w[0]).join('') === t)
        return run.join(' ');
    }
    let best: [string, number] | undefined;
    for (const w of words) {
      const l = lemma(w);
      const score = fit(t, l);
      if (score && (!best || score > best[1])) best = [l, score];
    }
    return best?.[0];
  }

  private fromVocabulary(t: string): string | undefined {
    let best: [string, number] | undefined;
    let bestCount = 0;
    let second = 0;
    for (const [word, count] of this.byFirst.get(t[0]) ?? []) {
      const weight = fit(t, word);
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
