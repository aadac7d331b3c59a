/**
 * Index terms: what retrieval and matching compare. Words become lemmas,
 * stop words go, identifiers are kept whole and also split into their words
 * (`order_id` → order_id, order, id), numbers stay.
 */
import { splitCase } from './identifiers';
import { lemma } from './lemma';
import { isStopword } from './stopwords';

/** The normal form of one term, or null when it is a stop word or too short to mean anything. */
export function normaliseTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (!t || isStopword(t)) return null;
  if (t.length < 2 && !/\d/.test(t)) return null;
  if (/\d/.test(t) || t.includes('_')) return t;
  return lemma(t);
}

/** Raw terms of a text: each word, and after a compound identifier its words (`netAmount` → netAmount, net, amount). */
export function rawTerms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}_]+/u)) {
    if (!raw) continue;
    out.push(raw);
    const parts = splitCase(raw);
    if (parts.length > 1) out.push(...parts);
  }
  return out;
}

/** Distinct normalised content terms of a text, in first-seen order. */
export function contentTerms(text: string): string[] {
  const out = new Set<string>();
  for (const r of rawTerms(text)) {
    const t = normaliseTerm(r);
    if (t) out.add(t);
  }
  return [...out];
}
