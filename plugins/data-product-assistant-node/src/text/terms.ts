/**
 * Index terms: what retrieval and matching compare. Words become lemmas,
 * stop words go, identifiers are kept whole and also split into their words
 * (`order_id` → order_id, order, id), numbers stay.
 */
import { BoundedCache } from './boundedCache';
import { splitCase } from './identifiers';
import { lemma } from './lemma';
import { isStopword } from './stopwords';

// Per term: indexing a product's facts normalises every word of them again.
const termCache = new BoundedCache<string, string | null>(100_000);

/** The normal form of one term, or null when it is a stop word or too short to mean anything. */
export function normaliseTerm(term: string): string | null {
  return termCache.getOrSet(term, computeNormalTerm);
}

function computeNormalTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (!t || isStopword(t)) return null;
  if (t.length < 2 && !/\d/.test(t)) return null;
  if (/\d/.test(t) || t.includes('_')) return t;
  return lemma(t);
}

/**
 * Texts are often seen again (the same facts on every ask of a product), so
 * their terms are kept per text, for texts of ordinary length.
 */
const CACHEABLE = 2000;
const rawCache = new BoundedCache<string, readonly string[]>(20_000);
const contentCache = new BoundedCache<string, readonly string[]>(20_000);

/**
 * Raw terms of a text: each word, and after a compound identifier its words
 * (`netAmount` → netAmount, net, amount), after a hyphenated word its parts
 * and the parts written together (`e-mail` → e, mail, email).
 */
export function rawTerms(text: string): string[] {
  if (text.length > CACHEABLE) return computeRawTerms(text);
  return [...rawCache.getOrSet(text, () => computeRawTerms(text))];
}

function computeRawTerms(text: string): string[] {
  const out: string[] = [];
  for (const [word] of text.matchAll(/[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu)) {
    const pieces = word.split('-');
    // a hyphenated word is also read written together: `e-mail` → e, mail, email
    if (pieces.length > 1) pieces.push(pieces.join(''));
    for (const raw of pieces) {
      if (!raw) continue;
      out.push(raw);
      const parts = splitCase(raw);
      if (parts.length > 1) out.push(...parts);
    }
  }
  return out;
}

/** Distinct normalised content terms of a text, in first-seen order. */
export function contentTerms(text: string): string[] {
  if (text.length > CACHEABLE) return computeContentTerms(text);
  return [...contentCache.getOrSet(text, () => computeContentTerms(text))];
}

function computeContentTerms(text: string): string[] {
  const out = new Set<string>();
  for (const r of rawTerms(text)) {
    const t = normaliseTerm(r);
    if (t) out.add(t);
  }
  return [...out];
}
