import { lemma, lexicon } from '../../text';

/**
 * Topic words of "which columns hold X" with the words a contract may use for
 * them: WordNet synonyms and derived forms of their two commonest senses
 * (`telephone` → phone, `amount` → sum, total), lemmatised like indexed terms.
 */
export function expandTopic(terms: string[]): string[] {
  const lx = lexicon();
  const out = new Set<string>();
  for (const t of terms) {
    out.add(t);
    if (/[\d_]/.test(t)) continue;
    for (const w of lx.synonyms(t)) out.add(lemma(w));
    for (const w of lx.derived(t)) out.add(lemma(w));
  }
  return [...out];
}
