/** Small text utilities shared by the validator checks: tokens, stems, numbers. */

const STOP = `a an the and or but if then else of to in on at by for from with without into onto over under
as is are was were be been being am do does did done has have had having can could may might must shall should
will would this that these those it its it's they them their there here which who whom whose what when where why
how all any both each few more most other some such no nor not only own same so than too very just also
i me my we our you your he him his she her one per via about above after before below between during
through up down out off again further once yes s t don isn't aren't wasn't doesn't don't
column columns field fields table tables value values data dataset product products contract record records row rows
means mean meaning represents represent indicates indicate contains contain holds hold stores store describes
describe refers refer gives give shows show provides provide tracks track used use uses using called named name
answer context according cited fact facts source sources information specifically therefore hence thus
type types kind set etc eg e.g. ie i.e. based equals equal defined calculated computed`;
export const stopwords: ReadonlySet<string> = new Set(STOP.split(/\s+/));

const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  hundred: '100',
  thousand: '1000',
  once: '1',
  twice: '2',
};

/** Light suffix-stripping stemmer (Porter-like, English). */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  const rules: Array<[RegExp, string]> = [
    [/ational$/, 'ate'],
    [/ations?$/, ''],
    [/ments?$/, ''],
    [/ness$/, ''],
    [/ings?$/, ''],
    [/edly$/, ''],
    [/ied$/, 'y'],
    [/ies$/, 'y'],
    [/(ss|sh|ch|x|z)es$/, '$1'],
    [/ed$/, ''],
    [/([^su])s$/, '$1'],
    [/ly$/, ''],
  ];
  for (const [re, rep] of rules) {
    if (re.test(w)) {
      const next = w.replace(re, rep);
      if (next.length >= 3) w = next;
      break;
    }
  }
  w = w.replace(/e$/, '');
  w = w.replace(/([bcdfgklmnprt])\1$/, '$1');
  return w;
}

/** Whether two stems are the same word modulo a short suffix. */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length >= 4 && l.startsWith(s) && l.length - s.length <= 3;
}

export interface Token {
  raw: string;
  lower: string;
  stem: string;
  index: number;
  /** Position in the token sequence. */
  pos: number;
  kind: 'word' | 'number' | 'identifier';
  /** Capitalised in the text (and not at the start of a sentence). */
  proper: boolean;
}

const TOKEN =
  /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+|[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+|\d+(?:[.,]\d+)*%?|[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Normalises a numeric token: thousands separators dropped, trailing zeros of decimals trimmed. */
export function normaliseNumber(raw: string): string {
  let n = raw.replace(/%$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(n)) n = n.replace(/,/g, '');
  n = n.replace(',', '.');
  if (/^\d+\.\d+$/.test(n)) n = n.replace(/0+$/, '').replace(/\.$/, '');
  return n;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const index = m.index!;
    const lower = raw.toLowerCase();
    let kind: Token['kind'] = 'word';
    if (/^\d/.test(raw) && /^\d+(?:[.,]\d+)*%?$/.test(raw)) kind = 'number';
    else if (
      raw.includes('_') ||
      /\.[A-Za-z_]/.test(raw) ||
      /^[a-z]+[A-Z]\w*$/.test(raw)
    )
      kind = 'identifier';
    const prev = text.slice(Math.max(0, index - 3), index);
    const sentenceStart =
      index === 0 ||
      /[.!?:]\s+$|^\s*$|\n\s*$/.test(prev) ||
      /["“(]$/.test(prev);
    const proper = kind === 'word' && /^\p{Lu}/u.test(raw) && !sentenceStart;
    let s: string;
    if (kind === 'number') s = normaliseNumber(raw);
    else if (kind === 'identifier') s = lower;
    else if (NUMBER_WORDS[lower]) {
      s = NUMBER_WORDS[lower];
      kind = 'number';
    } else s = stem(raw);
    out.push({ raw, lower, stem: s, index, pos: pos++, kind, proper });
  }
  return out;
}

/** Content tokens: identifiers, numbers and non-stopword words. */
export function contentTokens(tokens: Token[]): Token[] {
  return tokens.filter(
    t => t.kind !== 'word' || (!stopwords.has(t.lower) && t.lower.length > 1),
  );
}

/** Index of evidence text for fast membership checks. */
export class Evidence {
  readonly text: string;
  readonly lower: string;
  readonly tokens: Token[];
  readonly stems: Set<string>;
  readonly stemList: string[];
  readonly numbers: Set<string>;
  readonly identifiers: Set<string>;

  constructor(text: string) {
    this.text = text;
    this.lower = text.toLowerCase();
    this.tokens = tokenize(text);
    this.stems = new Set();
    this.numbers = new Set();
    this.identifiers = new Set();
    for (const t of this.tokens) {
      if (t.kind === 'number') this.numbers.add(t.stem);
      else if (t.kind === 'identifier') {
        this.identifiers.add(t.lower);
        // Parts of identifiers count as words too: `orders.net_amount` → orders, net, amount.
        for (const part of t.lower.split(/[._]/))
          if (part) this.stems.add(stem(part));
        for (const part of t.lower.split('.')) this.identifiers.add(part);
      } else this.stems.add(t.stem);
    }
    this.stemList = [...this.stems];
  }

  hasStem(s: string): boolean {
    return this.stems.has(s) || this.stemList.some(e => stemsMatch(e, s));
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
