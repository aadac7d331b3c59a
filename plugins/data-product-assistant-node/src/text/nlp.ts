/**
 * English NLP from wink-nlp with its light web model (MIT): sentences, part
 * of speech, lemmas and rule-based entities (dates, times, money, numbers,
 * emails, URLs …), all with character offsets into the text given. The model
 * takes a few hundred milliseconds to load, so it loads on the first call only;
 * after that `annotate` costs well under a millisecond per sentence. The PII
 * person-name detector calls it (so the validator does, on every answer with a
 * capitalised word run); interop never does.
 */
import type { ItemEntity, ItemSentence, WinkMethods } from 'wink-nlp';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface NlpToken extends TextSpan {
  /** Universal POS tag: NOUN, PROPN, VERB, ADJ, NUM, PUNCT … */
  pos: string;
  lemma: string;
  stopWord: boolean;
}

export interface Entity extends TextSpan {
  /** wink's types: DATE, TIME, DURATION, MONEY, PERCENT, CARDINAL, ORDINAL, EMAIL, URL, HASHTAG, MENTION, EMOJI … */
  type: string;
}

/** Milliseconds the model took to load (0 until loaded). */
export let nlpLoadMs = 0;

// Two readers of the one model: sentences and parts of speech (all the engine reads on every
// answer), and one with wink's entities too. Entities, negation and sentiment take a quarter of
// a read and change no part of speech or lemma.
const instances = new Map<'pos' | 'entities', WinkMethods>();

function nlp(use: 'pos' | 'entities' = 'pos'): WinkMethods {
  let n = instances.get(use);
  if (!n) {
    const t = performance.now();
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
    n = winkNLP(
      require('wink-eng-lite-web-model'),
      use === 'pos' ? ['sbd', 'pos'] : ['sbd', 'ner', 'pos'],
    );
    if (!nlpLoadMs) nlpLoadMs = performance.now() - t;
    instances.set(use, n);
  }
  return n;
}

interface Read {
  doc: ReturnType<WinkMethods['readDoc']>;
  starts: number[];
  ends: number[];
}

function read(text: string, use: 'pos' | 'entities' = 'pos'): Read {
  const n = nlp(use);
  const doc = n.readDoc(text);
  const its = n.its;
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const values = doc.tokens().out(its.value) as string[];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    // wink keeps the text as it is: each token's value is found where expected
    const found = text.indexOf(values[i], at);
    const start = found >= 0 && found - at <= 2 ? found : at;
    starts.push(start);
    ends.push(start + values[i].length);
    at = start + values[i].length;
  }
  return { doc, starts, ends };
}

function spanOf(r: Read, text: string, first: number, last: number): TextSpan {
  let start = r.starts[first];
  let end = r.ends[last];
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end, text: text.slice(start, end) };
}

/** Sentences with offsets. */
export function sentences(text: string): TextSpan[] {
  if (!text.trim()) return [];
  const r = read(text);
  const its = nlp().its;
  const out: TextSpan[] = [];
  r.doc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    out.push(spanOf(r, text, first, last));
  });
  return out;
}

/** Entities found by wink's rules, with offsets. */
export function entities(text: string): Entity[] {
  if (!text.trim()) return [];
  const r = read(text, 'entities');
  const its = nlp('entities').its;
  const out: Entity[] = [];
  r.doc.entities().each((e: ItemEntity) => {
    const [first, last] = e.out(its.span) as unknown as [number, number];
    out.push({
      ...spanOf(r, text, first, last),
      type: e.out(its.type) as string,
    });
  });
  return out;
}

/** Every token with its part of speech, lemma and stop-word flag. */
export function annotate(text: string): NlpToken[] {
  if (!text.trim()) return [];
  const r = read(text);
  const its = nlp().its;
  // (whole columns at once: an item per token costs more than the tagging)
  const tokens = r.doc.tokens();
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as never) as string[];
  const stopWords = tokens.out(its.stopWordFlag) as unknown as boolean[];
  return pos.map((p, i) => ({
    start: r.starts[i],
    end: r.ends[i],
    text: text.slice(r.starts[i], r.ends[i]),
    pos: p,
    lemma: lemmas[i],
    stopWord: stopWords[i],
  }));
}

/** Runs of proper nouns (`John Smith`, `Baker Street`): candidates for names and places. */
export function properNounSpans(text: string): TextSpan[] {
  const tokens = annotate(text);
  const out: TextSpan[] = [];
  let run: NlpToken[] = [];
  const flush = () => {
    if (run.length) {
      const start = run[0].start;
      const end = run[run.length - 1].end;
      out.push({ start, end, text: text.slice(start, end) });
    }
    run = [];
  };
  for (const t of tokens) {
    if (t.pos === 'PROPN') run.push(t);
    else flush();
  }
  flush();
  return out;
}
