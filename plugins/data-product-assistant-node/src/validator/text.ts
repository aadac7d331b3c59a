/**
 * The validator's view of text, on the engine's text toolkit: tokens with
 * lemmas, the words a claim may share with evidence (the same lemma, or one
 * WordNet relates to it), and an index of evidence for fast membership checks.
 */
import {
  BoundedCache,
  isStopword,
  lemma,
  lexicon,
  stem,
  tokenise,
  type Token,
} from '../text';

export type { Token };
export { tokenise as tokenize };

// Words that frame statements about metadata: never evidence of anything by themselves.
const FRAME = new Set(
  `column columns field fields table tables value values data dataset product products contract record records row rows
means mean meaning represents represent indicates indicate contains contain holds hold stores store describes
describe refers refer gives give shows show provides provide tracks track used use uses using called named name
answer context according cited fact facts source sources information specifically therefore hence thus
type types kind set based equals equal defined calculated computed`.split(
    /\s+/,
  ),
);

/** Stop words and metadata frame words. */
export function isFiller(word: string): boolean {
  const w = word.toLowerCase();
  return isStopword(w) || FRAME.has(w);
}

/**
 * Whether two lemmas name the same word: equal, one stem (`identify` ~ identifier),
 * or WordNet relates them (`daily` ~ day, `client` ~ customer).
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (/\d/.test(a) || /\d/.test(b)) return false;
  if (a.length > 3 && b.length > 3 && stem(a) === stem(b)) return true;
  const lx = lexicon();
  return lx.family(a).has(b) || lx.family(b).has(a);
}

/** Content tokens: identifiers, numbers and words that are not filler. */
export function contentTokens(tokens: Token[]): Token[] {
  return tokens.filter(
    t => t.kind !== 'word' || (!isFiller(t.lower) && t.lower.length > 1),
  );
}

/**
 * Evidence of lines the validator sees again and again (a product's fact texts, on every
 * ask), kept per line for lines of ordinary length.
 */
const CACHEABLE_LINE = 2000;
const lineEvidence = new BoundedCache<string, Evidence>(20_000);

interface Sets {
  words: Set<string>;
  numbers: Set<string>;
  identifiers: Set<string>;
  counted: Set<string>;
  counts: Set<string>;
}

const emptySets = (): Sets => ({
  words: new Set(),
  numbers: new Set(),
  identifiers: new Set(),
  counted: new Set(),
  counts: new Set(),
});

function count(sets: Sets, number: Token, word: Token) {
  sets.counted.add(word.norm);
  sets.counts.add(`${Number(number.norm)} ${word.norm}`);
}

function indexTokens(tokens: readonly Token[]): Sets {
  const sets = emptySets();
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (prev?.kind === 'number' && t.kind === 'word') count(sets, prev, t);
  });
  for (const t of tokens) {
    if (t.kind === 'number') sets.numbers.add(t.norm);
    else if (t.kind === 'identifier') {
      sets.identifiers.add(t.lower);
      // Parts of identifiers count as words too: `orders.net_amount` → orders, net, amount.
      for (const part of t.lower.split(/[._]/))
        if (part) sets.words.add(lemma(part));
      for (const part of t.lower.split('.')) sets.identifiers.add(part);
    } else sets.words.add(t.norm);
  }
  return sets;
}

/** The sets of lines joined by line breaks: each line's, and a count spanning two lines. */
function mergeLines(lines: readonly Evidence[]): Sets {
  const sets = emptySets();
  let last: Token | undefined;
  for (const line of lines) {
    const tokens = line.tokens;
    if (last?.kind === 'number' && tokens[0]?.kind === 'word')
      count(sets, last, tokens[0]);
    last = tokens[tokens.length - 1] ?? last;
    for (const w of line.counted) sets.counted.add(w);
    for (const c of line.counts) sets.counts.add(c);
  }
  for (const line of lines) {
    for (const w of line.words) sets.words.add(w);
    for (const n of line.numbers) sets.numbers.add(n);
    for (const i of line.identifiers) sets.identifiers.add(i);
  }
  return sets;
}

/** Index of evidence text for fast membership checks. */
export class Evidence {
  private textValue?: string;
  private lowerValue?: string;
  private tokenList?: Token[];
  private setsValue?: Sets;
  /** Porter2 stems of the words. */
  private stemSet?: Set<string>;
  private readonly lines?: readonly Evidence[];

  /**
   * Evidence over lines joined by line breaks, such as a product's facts: each line read
   * once per process. A token never spans a line break and reads at most the line break
   * before it, so the joined text's tokens are its lines', shifted; only a count may span
   * lines ("kept 24" / "hours"). The lines' sets are joined only when a look-up needs more
   * than one line's words: most words asked about are found in a line.
   */
  static ofLines(lines: readonly string[]): Evidence {
    return new Evidence(
      undefined,
      lines.map(line =>
        line.length > CACHEABLE_LINE
          ? new Evidence(line)
          : lineEvidence.getOrSet(line, l => new Evidence(l)),
      ),
    );
  }

  /** `lines`: instead of a text, the evidence of lines it joins (see `ofLines`). */
  constructor(text?: string, lines?: readonly Evidence[]) {
    this.textValue = text;
    this.lines = lines;
  }

  get text(): string {
    return (this.textValue ??= this.lines!.map(l => l.text).join('\n'));
  }

  get lower(): string {
    return (this.lowerValue ??= this.text.toLowerCase());
  }

  get tokens(): Token[] {
    if (!this.tokenList) {
      if (!this.lines) this.tokenList = tokenise(this.text);
      else {
        const out: Token[] = [];
        let offset = 0;
        for (const line of this.lines) {
          for (const t of line.tokens)
            out.push({
              ...t,
              start: t.start + offset,
              end: t.end + offset,
              pos: out.length,
            });
          offset += line.text.length + 1;
        }
        this.tokenList = out;
      }
    }
    return this.tokenList;
  }

  private get sets(): Sets {
    return (this.setsValue ??= this.lines
      ? mergeLines(this.lines)
      : indexTokens(this.tokens));
  }

  /** Lemmas of the words, and of the words inside identifiers. */
  get words(): Set<string> {
    return this.sets.words;
  }

  get numbers(): Set<string> {
    return this.sets.numbers;
  }

  get identifiers(): Set<string> {
    return this.sets.identifiers;
  }

  /** Words that follow a number ("24 hours"). */
  get counted(): Set<string> {
    return this.sets.counted;
  }

  /** Counted spans as `number unit` ("24 hour"). */
  get counts(): Set<string> {
    return this.sets.counts;
  }

  private get stems(): Set<string> {
    if (!this.stemSet) {
      this.stemSet = new Set();
      if (this.lines) {
        for (const line of this.lines)
          for (const s of line.stems) this.stemSet.add(s);
      } else {
        for (const e of this.words) if (e.length > 3) this.stemSet.add(stem(e));
      }
    }
    return this.stemSet;
  }

  /** Whether the evidence has the word (a lemma), a word of the same stem, or one WordNet relates to it. */
  hasWord(w: string): boolean {
    if (this.lines && !this.setsValue) {
      for (const line of this.lines) if (line.words.has(w)) return true;
    }
    if (this.words.has(w)) return true;
    if (/\d/.test(w)) return false;
    if (w.length > 3 && this.stems.has(stem(w))) return true;
    const lx = lexicon();
    for (const r of lx.family(w)) if (this.words.has(r)) return true;
    // "daily" for "every 24 hours"
    for (const [n, unit] of lx.quantities(w))
      if (this.counts.has(`${n} ${unit}`)) return true;
    return false;
  }

  hasIdentifier(id: string): boolean {
    const l = id.toLowerCase();
    if (this.identifiers.has(l)) return true;
    // `orders.net_amount` is supported when both parts are.
    if (l.includes('.'))
      return l
        .split('.')
        .every(p => this.identifiers.has(p) || this.hasPhrase(p));
    return false;
  }

  /** An identifier written as words ("net amount" for `net_amount`). */
  hasPhrase(id: string): boolean {
    const words = id
      .toLowerCase()
      .split(/[_.\s]+/)
      .filter(Boolean);
    if (!words.length) return false;
    return new RegExp(
      `\\b${words.map(w => w.replace(/[^a-z0-9]/g, '')).join('[\\s_.-]+')}\\b`,
    ).test(this.lower);
  }
}
