/**
 * General English lexical knowledge from WordNet: synonyms, broader terms
 * (hypernyms), narrower terms, derivationally related forms and antonyms.
 * Every method takes any inflected form (it looks up the lemma), returns
 * lower-case single words by default, and is cached per process, so a repeated
 * look-up is a Map hit. Only the most frequent senses of a word are used
 * (WordNet orders senses by frequency): `senses` sets how many.
 */
import { BoundedCache } from './boundedCache';
import { lemma } from './lemma';
import { parseNumber } from './tokenise';
import {
  WORDNET_POS,
  type Synset,
  type WordnetFiles,
  type WordnetPos,
} from './wordnet';
import { wordnet } from './wordnetInstance';

export interface SenseOptions {
  /** Restrict to one part of speech (noun, verb, adjective, adverb). */
  pos?: WordnetPos;
  /** Most frequent senses to use per part of speech (default 2). */
  senses?: number;
  /** Keep multi-word expressions ("electronic mail"), space-separated. Default false. */
  phrases?: boolean;
}

export type LexicalRelation =
  | 'same'
  | 'synonym'
  | 'derived'
  | 'broader'
  | 'narrower';

const HYPERNYM = new Set(['@', '@i']);
const HYPONYM = new Set(['~', '~i']);
/** Derivationally related form, pertainym (adjective ↔ noun, adverb ↔ adjective), participle. */
const DERIVED = new Set(['+', '\\', '<']);

/** Opposite function words: a closed class WordNet does not cover. */
const FUNCTION_OPPOSITES = new Map<string, string[]>();
for (const [a, b] of [
  ['before', 'after'],
  ['above', 'below'],
  ['over', 'under'],
  ['with', 'without'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['earliest', 'latest'],
  ['first', 'last'],
]) {
  FUNCTION_OPPOSITES.set(a, [...(FUNCTION_OPPOSITES.get(a) ?? []), b]);
  FUNCTION_OPPOSITES.set(b, [...(FUNCTION_OPPOSITES.get(b) ?? []), a]);
}

function display(word: string): string {
  return word.toLowerCase().replace(/_/g, ' ');
}

/** Proper names (`Idaho`, `ID`) are not vocabulary. */
function common(word: string): boolean {
  return !/[A-Z]/.test(word);
}

export class Lexicon {
  private readonly cache = new BoundedCache<string, readonly string[]>(100_000);
  private readonly sets = new BoundedCache<string, ReadonlySet<string>>(50_000);
  private readonly counts = new BoundedCache<string, number>(200_000);

  constructor(private readonly files: WordnetFiles = wordnet()) {}

  /** Whether WordNet knows the word (in any form). */
  isWord(word: string): boolean {
    return this.tagged(word) >= 0;
  }

  /** How often the word's senses occur in WordNet's tagged corpus, over all parts of speech (0: rare). */
  frequency(word: string): number {
    return Math.max(0, this.tagged(word));
  }

  /** Tagged-corpus count of a word's lemma over all parts of speech; -1 when WordNet does not list it. */
  private tagged(word: string): number {
    const hit = this.counts.get(word);
    if (hit !== undefined) return hit;
    const l = lemma(word);
    let n = -1;
    for (const p of WORDNET_POS) {
      const e = this.files.entry(l, p);
      if (e) n = Math.max(n, 0) + e.tagCount;
    }
    this.counts.set(word, n);
    return n;
  }

  /** The parts of speech WordNet lists the word's lemma under (empty for words it does not know). */
  partsOfSpeech(word: string): readonly WordnetPos[] {
    return this.posCache.getOrSet(word, () => {
      const l = lemma(word);
      return WORDNET_POS.filter(p => !!this.files.entry(l, p));
    });
  }

  private readonly posCache = new BoundedCache<string, readonly WordnetPos[]>(
    50_000,
  );

  /** Synsets of a word's lemma, most frequent first, per part of speech. */
  private synsets(word: string, options: SenseOptions): Synset[] {
    const l = lemma(word);
    const out: Synset[] = [];
    for (const pos of options.pos ? [options.pos] : WORDNET_POS) {
      const entry = this.files.entry(l, pos);
      if (!entry) continue;
      for (const offset of entry.offsets.slice(0, options.senses ?? 2))
        out.push(this.files.synset(pos, offset));
    }
    return out;
  }

  private words(synsets: Synset[], self: string, phrases: boolean): string[] {
    const out = new Set<string>();
    for (const s of synsets)
      for (const w of s.words) {
        if (!common(w)) continue;
        const d = display(w);
        if (d === self || (!phrases && !/^[a-z]+$/.test(d))) continue;
        out.add(d);
      }
    return [...out];
  }

  /** Cached per surface form: the lemma is only worked out on a miss. */
  private memo(
    kind: string,
    word: string,
    options: SenseOptions,
    compute: () => string[],
  ): readonly string[] {
    const key = `${kind}|${options.pos ?? ''}|${options.senses ?? 2}|${
      options.phrases ? 1 : 0
    }|${word}`;
    return this.cache.getOrSet(key, compute);
  }

  /** Other words for the same thing (`client` → customer's synset mates are none; `telephone` → phone). */
  synonyms(word: string, options: SenseOptions = {}): readonly string[] {
    return this.memo('syn', word, options, () =>
      this.words(this.synsets(word, options), lemma(word), !!options.phrases),
    );
  }

  /** Broader terms up to `depth` levels (`patient` → person, individual …). */
  hypernyms(
    word: string,
    options: SenseOptions & { depth?: number } = {},
  ): readonly string[] {
    const depth = options.depth ?? 1;
    return this.memo(`hyper${depth}`, word, options, () => {
      let level = this.synsets(word, options);
      const found: Synset[] = [];
      for (let d = 0; d < depth && level.length; d++) {
        level = level.flatMap(s =>
          s.pointers
            .filter(p => HYPERNYM.has(p.symbol))
            .map(p => this.files.synset(p.pos, p.offset)),
        );
        found.push(...level);
      }
      return this.words(found, lemma(word), !!options.phrases);
    });
  }

  /** Narrower terms, one level down (`person` → many; use with care). */
  hyponyms(word: string, options: SenseOptions = {}): readonly string[] {
    return this.memo('hypo', word, options, () =>
      this.words(
        this.synsets(word, options).flatMap(s =>
          s.pointers
            .filter(p => HYPONYM.has(p.symbol))
            .map(p => this.files.synset(p.pos, p.offset)),
        ),
        lemma(word),
        !!options.phrases,
      ),
    );
  }

  /** Words linked to this very word by a lexical pointer of the given kinds. */
  private lexical(
    word: string,
    symbols: ReadonlySet<string>,
    options: SenseOptions,
  ): string[] {
    const l = lemma(word);
    const out = new Set<string>();
    for (const s of this.synsets(word, options)) {
      const me = s.words.findIndex(w => display(w) === l) + 1;
      for (const p of s.pointers) {
        if (!symbols.has(p.symbol) || (p.source !== 0 && p.source !== me))
          continue;
        const target = this.files.synset(p.pos, p.offset);
        const words = p.target ? [target.words[p.target - 1]] : target.words;
        for (const w of words) {
          const d = display(w);
          if (common(w) && d !== l && (options.phrases || /^[a-z]+$/.test(d)))
            out.add(d);
        }
      }
    }
    return [...out];
  }

  /** Derivationally related forms and pertainyms (`identifier` → identify, `daily` → day). */
  derived(word: string, options: SenseOptions = {}): readonly string[] {
    const o = { ...options, senses: options.senses ?? 3 };
    return this.memo('der', word, o, () => this.lexical(word, DERIVED, o));
  }

  /** Opposites (`before` → after, `gross` → net, `include` → exclude). */
  antonyms(word: string, options: SenseOptions = {}): readonly string[] {
    const o = { ...options, senses: options.senses ?? 3 };
    return this.memo('ant', word, o, () =>
      this.lexical(word, new Set(['!']), o),
    );
  }

  /**
   * Words that exclude this one: antonyms (`gross` / net, `include` / exclude,
   * `public` / private), the function words' opposites (`before` / after), and
   * other units of the same measure (`hour` / day, week …; `hourly` / daily …).
   */
  opposites(word: string): readonly string[] {
    const l = lemma(word);
    return this.memo('opp', l, {}, () => {
      const out = new Set<string>([
        ...this.antonyms(l),
        ...(FUNCTION_OPPOSITES.get(l) ?? []),
      ]);
      for (const noun of [l, ...this.derived(l)]) {
        for (const unit of this.unitSiblings(noun)) {
          out.add(unit);
          for (const d of this.derived(unit)) out.add(d);
        }
      }
      out.delete(l);
      for (const same of this.family(l)) out.delete(same);
      return [...out];
    });
  }

  /** Other units under the same unit of measure as a noun's first sense (`hour` → second, minute, day …). */
  private unitSiblings(noun: string): string[] {
    const entry = this.files.entry(lemma(noun), 'n');
    if (!entry) return [];
    const first = this.files.synset('n', entry.offsets[0]);
    const out: string[] = [];
    for (const p of first.pointers) {
      if (p.symbol !== '@') continue;
      const parent = this.files.synset(p.pos, p.offset);
      if (!parent.words.some(w => /(^|_)unit(_|$)/i.test(w))) continue;
      for (const c of parent.pointers) {
        if (c.symbol !== '~' || c.offset === first.offset) continue;
        for (const w of this.files.synset(c.pos, c.offset).words)
          if (common(w) && /^[a-z]+$/.test(w)) out.push(w);
      }
    }
    return out;
  }

  /**
   * Counted spans a word stands for, from WordNet's own synonyms:
   * `daily` → day → "twenty-four hours" → [24, hour].
   */
  quantities(word: string): ReadonlyArray<readonly [number, string]> {
    const l = lemma(word);
    return this.memoQuantities.getOrSet(l, () => {
      const out: Array<[number, string]> = [];
      for (const w of [l, ...this.derived(l)])
        for (const phrase of this.synonyms(w, { phrases: true, senses: 1 })) {
          const m = /^(.+?)[\s-]([a-z]+)$/.exec(phrase);
          const n = m ? parseNumber(m[1]) : undefined;
          if (m && n !== undefined) out.push([n, lemma(m[2])]);
        }
      return out;
    });
  }

  private readonly memoQuantities = new BoundedCache<
    string,
    ReadonlyArray<readonly [number, string]>
  >(20_000);

  private set(
    kind: string,
    word: string,
    build: () => Iterable<string>,
  ): ReadonlySet<string> {
    return this.sets.getOrSet(`${kind}|${word}`, () => new Set(build()));
  }

  /**
   * How `b` relates to `a` in their most frequent senses: the same lemma, a
   * synonym, a derived form, a broader term (two levels up) or a narrower one.
   */
  relation(a: string, b: string): LexicalRelation | undefined {
    const la = lemma(a);
    const lb = lemma(b);
    if (la === lb) return 'same';
    if (this.set('syn', la, () => this.synonyms(la)).has(lb)) return 'synonym';
    if (this.set('der', la, () => this.derived(la)).has(lb)) return 'derived';
    if (this.set('der', lb, () => this.derived(lb)).has(la)) return 'derived';
    const up = (w: string) =>
      this.set('up', w, () => this.hypernyms(w, { depth: 2, senses: 1 }));
    if (up(la).has(lb)) return 'broader';
    if (up(lb).has(la)) return 'narrower';
    return undefined;
  }

  /**
   * The broad categories (WordNet lexicographer files) of a word's senses,
   * most frequent first, split into its common senses (`park` → noun.location,
   * noun.artifact …) and its proper-name senses, written capitalised in WordNet
   * (`Jones` → noun.person; `Florence` → noun.location, noun.person).
   */
  categories(
    word: string,
    options: { pos?: WordnetPos; senses?: number } = {},
  ): { common: readonly string[]; proper: readonly string[] } {
    const key = `cat|${options.pos ?? ''}|${options.senses ?? 8}|${word}`;
    return this.categoryCache.getOrSet(key, () => {
      const ordinary: string[] = [];
      const proper: string[] = [];
      const forms = new Set([word.toLowerCase(), lemma(word)]);
      for (const pos of options.pos ? [options.pos] : WORDNET_POS)
        for (const l of forms) {
          const entry = this.files.entry(l, pos);
          if (!entry) continue;
          for (const offset of entry.offsets.slice(0, options.senses ?? 8)) {
            const s = this.files.synset(pos, offset);
            const me = s.words.find(w => w.toLowerCase() === l);
            const into = me && !common(me) ? proper : ordinary;
            if (!into.includes(s.category)) into.push(s.category);
          }
        }
      return { common: ordinary, proper };
    });
  }

  private readonly categoryCache = new BoundedCache<
    string,
    { common: readonly string[]; proper: readonly string[] }
  >(50_000);

  /** Lemma plus its synonyms and derived forms: the words a matcher may treat as one. */
  family(word: string): ReadonlySet<string> {
    const l = lemma(word);
    return this.set('family', l, () => [
      l,
      ...this.synonyms(l, { senses: 1 }),
      ...this.derived(l),
    ]);
  }
}

let instance: Lexicon | undefined;

/** The process's lexicon (one per thread), created on first use; WordNet files load on first look-up. */
export function lexicon(): Lexicon {
  instance ??= new Lexicon();
  return instance;
}
