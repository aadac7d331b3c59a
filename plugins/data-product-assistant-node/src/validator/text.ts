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

/** Index of evidence text for fast membership checks. */
export class Evidence {
  readonly text: string;
  readonly lower: string;
  private tokenList?: Token[];
  /** Lemmas of the words, and of the words inside identifiers. */
  readonly words = new Set<string>();
  readonly numbers = new Set<string>();
  readonly identifiers = new Set<string>();
  /** Porter2 stems of the words. */
  private stemSet?: Set<string>;
  /** Words that follow a number ("24 hours"). */
  readonly counted = new Set<string>();
  /** Counted spans as `number unit` ("24 hour"). */
  readonly counts = new Set<string>();
  private readonly lines?: readonly Evidence[];

  /**
   * Evidence over lines joined by line breaks, such as a product's facts: the union of
   * each line's evidence, each line read once per process. A token never spans a line
   * break and reads at most the line break before it, so the joined text's tokens are
   * its lines', shifted; only a count may span lines ("kept 24" / "hours").
   */
  static ofLines(lines: readonly string[]): Evidence {
    return new Evidence(
      lines.join('\n'),
      lines.map(line =>
        line.length > CACHEABLE_LINE
          ? new Evidence(line)
          : lineEvidence.getOrSet(line, l => new Evidence(l)),
      ),
    );
  }

  /** `lines`: the evidence of the lines `text` joins (see `ofLines`). */
  constructor(text: string, lines?: readonly Evidence[]) {
    this.text = text;
    this.lower = text.toLowerCase();
    if (lines) {
      this.lines = lines;
      this.merge(lines);
      return;
    }
    const tokens = tokenise(text);
    this.tokenList = tokens;
    tokens.forEach((t, i) => {
      const prev = tokens[i - 1];
      if (prev?.kind === 'number' && t.kind === 'word') this.count(prev, t);
    });
    for (const t of tokens) {
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

  private count(number: Token, word: Token) {
    this.counted.add(word.norm);
    this.counts.add(`${Number(number.norm)} ${word.norm}`);
  }

  private merge(lines: readonly Evidence[]) {
    let last: Token | undefined;
    for (const line of lines) {
      const tokens = line.tokens;
      if (last?.kind === 'number' && tokens[0]?.kind === 'word')
        this.count(last, tokens[0]);
      last = tokens[tokens.length - 1] ?? last;
      for (const w of line.counted) this.counted.add(w);
      for (const c of line.counts) this.counts.add(c);
    }
    for (const line of lines) {
      for (const w of line.words) this.words.add(w);
      for (const n of line.numbers) this.numbers.add(n);
      for (const i of line.identifiers) this.identifiers.add(i);
    }
  }

  get tokens(): Token[] {
    if (!this.tokenList) {
      const out: Token[] = [];
      let offset = 0;
      for (const line of this.lines!) {
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
    return this.tokenList;
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
