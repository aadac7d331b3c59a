import { lemma, lexicon } from '../../text';

/**
 * Topic words of "which columns hold X" with the words a contract may use for
 * them: WordNet synonyms and derived forms of their commonest noun senses
 * (`telephone` → phone, `sum` → amount, total), lemmatised like indexed terms.
 */
export function expandTopic(terms: string[]): string[] {
  const lx = lexicon();
  const out = new Set<string>();
  for (const t of terms) {
    out.add(t);
    if (/[\d_]/.test(t)) continue;
    for (const w of lx.synonyms(t, { pos: 'n' })) out.add(lemma(w));
    for (const w of lx.derived(t, { pos: 'n' })) out.add(lemma(w));
  }
  return [...out];
}
