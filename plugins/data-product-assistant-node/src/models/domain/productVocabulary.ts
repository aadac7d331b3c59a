import type { Fact } from '../types';
import { contentTerms, normaliseTerm, stem } from '../../text';

export interface ProductVocabulary {
  lemmas: ReadonlySet<string>;
  stems: ReadonlySet<string>;
}

const cache = new WeakMap<readonly Fact[], ProductVocabulary>();

/** A product's own words: lemmas and stems of its facts and their table and column names (lineage names other products). */
export function productVocabulary(facts: readonly Fact[]): ProductVocabulary {
  const hit = cache.get(facts);
  if (hit) return hit;
  const lemmas = new Set<string>();
  for (const f of facts) {
    if (f.kind === 'lineage') continue;
    for (const t of factTerms(f)) lemmas.add(t);
  }
  const stems = new Set<string>();
  for (const l of lemmas) if (l.length > 3) stems.add(stem(l));
  const vocab = { lemmas, stems };
  cache.set(facts, vocab);
  return vocab;
}

/** Content terms of a fact, its table and its column (identifiers read as words: `order_lines` → order, line). */
export function factTerms(f: Fact): string[] {
  const names = [f.table, f.column]
    .filter((n): n is string => Boolean(n))
    .map(n => n.replace(/_/g, ' '));
  return contentTerms(`${f.text} ${names.join(' ')}`);
}

/** Whether a question term is unknown to the product: the words a domain model may have to translate. */
export function isForeign(term: string, vocab: ProductVocabulary): boolean {
  if (term.length < 3 || /\d/.test(term)) return false;
  if (vocab.lemmas.has(term)) return false;
  return !(term.length > 3 && vocab.stems.has(stem(term)));
}

/** A question's words with their normalised terms (a hyphenated word also read written together). */
export function questionWords(
  question: string,
): Array<{ word: string; start: number; terms: string[] }> {
  const out: Array<{ word: string; start: number; terms: string[] }> = [];
  for (const m of question.matchAll(/[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu)) {
    const word = m[0];
    const pieces = word.includes('-')
      ? [word.replace(/-/g, ''), ...word.split('-')]
      : [word];
    const terms = pieces
      .map(p => normaliseTerm(p))
      .filter((t): t is string => Boolean(t));
    out.push({ word, start: m.index!, terms });
  }
  return out;
}
