/**
 * Okapi BM25 over a few fielded documents whose terms are already normalised,
 * with no index to build: for ranking the few dozen candidates of one request,
 * where building a FieldIndex would cost more than the ranking itself. Scores
 * like FieldIndex: per field (k1 1.2, b 0.7, idf over the documents given),
 * weighted by the field's boost and the query term's weight, summed.
 */
import type { WeightedTerm } from './fieldIndex';

export interface TermDoc<F extends string> {
  id: string;
  /** Each field's terms, repeated as often as they occur. */
  fields: Partial<Record<F, readonly string[]>>;
}

const K1 = 1.2;
const B = 0.7;

/** BM25 score of every document (0 when no query term occurs in it). */
export function bm25<F extends string>(
  query: readonly WeightedTerm[],
  docs: ReadonlyArray<TermDoc<F>>,
  boost: Partial<Record<F, number>>,
): Map<string, number> {
  const scores = new Map<string, number>(docs.map(d => [d.id, 0]));
  if (!docs.length || !query.length) return scores;
  for (const field of Object.keys(boost) as F[]) {
    const weight = boost[field] ?? 1;
    const lengths = docs.map(d => d.fields[field]?.length ?? 0);
    const avg = lengths.reduce((a, b) => a + b, 0) / docs.length || 1;
    const counts = docs.map(d => {
      const tf = new Map<string, number>();
      for (const t of d.fields[field] ?? []) tf.set(t, (tf.get(t) ?? 0) + 1);
      return tf;
    });
    for (const q of query) {
      const df = counts.filter(c => c.has(q.term)).length;
      if (!df) continue;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      docs.forEach((d, i) => {
        const tf = counts[i].get(q.term);
        if (!tf) return;
        const norm = tf + K1 * (1 - B + (B * lengths[i]) / avg);
        scores.set(
          d.id,
          scores.get(d.id)! +
            weight * q.weight * idf * ((tf * (K1 + 1)) / norm),
        );
      });
    }
  }
  return scores;
}
