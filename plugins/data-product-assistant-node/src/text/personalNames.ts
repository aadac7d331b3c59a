/**
 * General knowledge of personal names: the `humannames` package (MIT), about
 * 200,000 first and last names from censuses and public profiles, many
 * languages, written without accents. Read from node_modules on first use
 * (about 2 MB; no network). The list also holds ordinary words ("Will",
 * "Park", "Sweden"), so it is evidence beside the English lexicon, never proof.
 */
import { readFileSync } from 'node:fs';

let names: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  if (!names) {
    const file = require.resolve('humannames/list.txt');
    // the list is plain ASCII: lower case is its folded form
    names = new Set(
      readFileSync(file, 'utf8').toLowerCase().split(/\r?\n/).filter(Boolean),
    );
  }
  return names;
}

/** Lower case without accents: "Müller" → "muller", as the list writes names. */
export function foldName(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’]/g, "'")
    .toLowerCase()
    .trim();
}

/** Whether a word is a known first or last name (any case, with or without accents). */
export function isKnownName(word: string): boolean {
  const w = foldName(word.replace(/[.]+$/, ''));
  return w.length > 1 && load().has(w);
}
