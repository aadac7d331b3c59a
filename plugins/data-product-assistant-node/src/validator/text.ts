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
 * Tokens of lines the validator sees again and again (a product's fact texts, on every
 * ask), kept per line for lines of ordinary length.
 */
const CACHEABLE_LINE = 2000;
const lineTokens = new BoundedCache<string, readonly Token[]>(20_000);

/**
 * Tokens of `lines.join('\n')`, each line tokenised once per process. A token never
 * spans a line break and reads at most the line break before it, so the tokens of the
 * joined text are those of its lines, shifted.
 */
function tokeniseLines(lines: readonly string[]): Token[] {
  const out: Token[] = [];
  let offset = 0;
  for (const line of lines) {
    const tokens =
      line.length > CACHEABLE_LINE
        ? tokenise(line)
        : lineTokens.getOrSet(line, tokenise);
    for (const t of tokens)
      out.push({
        ...t,
        start: t.start + offset,
        end: t.end + offset,
        pos: out.length,
      });
    offset += line.length + 1;
  }
  return out;
}

/** Index of evidence text for fast membership checks. */
export class Evidence {
  readonly text: string;
  readonly lower: string;
  readonly tokens: Token[];
  /** Lemmas of the words, and of the words inside identifiers. */
  readonly words: Set<string>;
  readonly numbers: Set<string>;
  readonly identifiers: Set<string>;
  /** Porter2 stems of the words. */
  private readonly stems = new Set<string>();
  /** Words that follow a number ("24 hours"). */
  readonly counted: Set<string>;
  /** Counted spans as `number unit` ("24 hour"). */
  readonly counts: Set<string>;

  /** Evidence over lines joined by line breaks, such as a product's facts. */
  static ofLines(lines: readonly string[]): Evidence {
    return new Evidence(lines.join('\n'), tokeniseLines(lines));
  }

  constructor(text: string, tokens: Token[] = tokenise(text)) {
    this.text = text;
    this.lower = text.toLowerCase();
    this.tokens = tokens;
    this.words = new Set();
    this.numbers = new Set();
    this.identifiers = new Set();
    this.counted = new Set();
    this.counts = new Set();
    this.tokens.forEach((t, i) => {
      const prev = this.tokens[i - 1];
      if (prev?.kind === 'number' && t.kind === 'word') {
        this.counted.add(t.norm);
        this.counts.add(`${Number(prev.norm)} ${t.norm}`);
      }
    });
    for (const t of this.tokens) {
      if (t.kind === 'number') this.numbers.add(t.norm);
      else if (t.kind === 'identifier') {
        this.identifiers.add(t.lower);
        // Parts of identifiers count as words too: `orders.net_amount` → orders, net, amount.
        for (const part of t.lower.split(/[._]/))
          if (part) this.words.add(lemma(part));
        for (const part of t.lower.split('.')) this.identifiers.add(part);
      } else this.words.add(t.norm);
    }
  }

  /** Whether the evidence has the word (a lemma), a word of the same stem, or one WordNet relates to it. */
  hasWord(w: string): boolean {
    if (this.words.has(w)) return true;
    if (/\d/.test(w)) return false;
    if (!this.stems.size)
      for (const e of this.words) if (e.length > 3) this.stems.add(stem(e));
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
