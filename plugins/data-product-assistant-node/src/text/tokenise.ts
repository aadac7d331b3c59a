/**
 * Tokens of free text: words, numbers and identifiers (`orders.net_amount`,
 * `order_id`, `netAmount` stay whole), each with its offsets and its normal
 * form: the lemma for words, a canonical numeral for numbers and number words,
 * the lower-cased name for identifiers.
 */
import { lemma } from './lemma';

export interface Token {
  raw: string;
  lower: string;
  /** Lemma (words), canonical numeral (numbers, number words), lower case (identifiers). */
  norm: string;
  /** Offset of the first character in the text. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** Position in the token sequence. */
  pos: number;
  kind: 'word' | 'number' | 'identifier';
  /** Capitalised in the text and not at the start of a sentence. */
  proper: boolean;
}

const TOKEN =
  /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+|[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+|\d+(?:[.,]\d+)*%?|[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

const NUMBER_WORDS: Readonly<Record<string, string>> = {
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

/** A number written in words or digits (`twenty-four`, `24`, `seven`), or undefined. */
export function parseNumber(words: string): number | undefined {
  const w = words.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w);
  let total = 0;
  for (const part of w.split(/[\s-]+/)) {
    const n = NUMBER_WORDS[part];
    if (n === undefined) return undefined;
    total += Number(n);
  }
  return w ? total : undefined;
}

/** A numeral without thousands separators or trailing decimal zeros: `1,200.50` → `1200.5`. */
export function normaliseNumber(raw: string): string {
  let n = raw.replace(/%$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(n)) n = n.replace(/,/g, '');
  n = n.replace(',', '.');
  if (/^\d+\.\d+$/.test(n)) n = n.replace(/0+$/, '').replace(/\.$/, '');
  return n;
}

/** Whether a token is an identifier rather than a word: `order_id`, `orders.total`, `netAmount`. */
export function isIdentifier(raw: string): boolean {
  return (
    raw.includes('_') || /\.[A-Za-z_]/.test(raw) || /^[a-z]+[A-Z]\w*$/.test(raw)
  );
}

export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index!;
    const lower = raw.toLowerCase();
    let kind: Token['kind'] = 'word';
    if (/^\d+(?:[.,]\d+)*%?$/.test(raw)) kind = 'number';
    else if (isIdentifier(raw)) kind = 'identifier';
    const prev = text.slice(Math.max(0, start - 3), start);
    const sentenceStart =
      start === 0 ||
      /[.!?:]\s+$|^\s*$|\n\s*$/.test(prev) ||
      /["“(]$/.test(prev);
    const proper = kind === 'word' && /^\p{Lu}/u.test(raw) && !sentenceStart;
    let norm: string;
    if (kind === 'number') norm = normaliseNumber(raw);
    else if (kind === 'identifier') norm = lower;
    else if (NUMBER_WORDS[lower]) {
      norm = NUMBER_WORDS[lower];
      kind = 'number';
    } else norm = lemma(raw);
    out.push({
      raw,
      lower,
      norm,
      start,
      end: start + raw.length,
      pos: pos++,
      kind,
      proper,
    });
  }
  return out;
}
