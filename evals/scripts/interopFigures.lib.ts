/** Pure scoring functions for evals/scripts/interop-figures.ts. */
import type { InteropProduct } from '../../plugins/data-product-assistant-node/src/interop/types';
import {
  contentTerms,
  cosine,
  splitIdentifier,
  TfIdfVocabulary,
} from '../../plugins/data-product-assistant-node/src/text';

/**
 * Products stripped to names and descriptions (no types, keys, examples, glossary, PII tags):
 * the demo mesh shaped like text-only input, a dev proxy for tuning and calibrating the
 * text-only signal without any dataset's answer key.
 */
export function namesAndDescriptionsOnly(
  products: readonly InteropProduct[],
): InteropProduct[] {
  return products.map(p => ({
    ...p,
    contract: {
      ...p.contract,
      tables: p.contract.tables.map(t => ({
        ...t,
        primaryKey: [],
        columns: t.columns.map(c => ({
          ...c,
          logicalType: undefined,
          physicalType: undefined,
          primaryKey: false,
          unique: false,
          pii: false,
          piiTypes: [],
          examples: [],
          glossary: [],
        })),
      })),
    },
  }));
}

export interface Ref {
  product: string;
  table: string;
  column: string;
}

export interface Suggested {
  from: Ref;
  to: Ref;
  kind: 'join-key' | 'same-concept' | 'none';
  confidence: number;
}

export interface Intended {
  from: Ref;
  to: Ref;
  kind: 'join-key' | 'same-concept';
}

export const refKey = (r: Ref) => `${r.product}.${r.table}.${r.column}`;
export const pairKey = (a: Ref, b: Ref) =>
  [refKey(a), refKey(b)].sort().join(' <> ');

/** Columns linked (directly or through other intended relationships) share a component. */
export function components(relationships: Intended[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const r of relationships) {
    const a = find(refKey(r.from));
    const b = find(refKey(r.to));
    if (a !== b) parent.set(a, b);
  }
  const out = new Map<string, string>();
  for (const r of relationships)
    for (const ref of [r.from, r.to]) out.set(refKey(ref), find(refKey(ref)));
  return out;
}

export interface DemoFigures {
  intended: number;
  found: number;
  recall: number;
  /** Found relationships whose kind matches the answer key. */
  kindAccuracy: number;
  suggested: number;
  /** Suggested pairs that are intended relationships. */
  precision: number;
  /** Suggested pairs that are intended or follow from them (both columns in one intended component). */
  precisionTransitive: number;
  traps: number;
  trapsAsJoinKey: number;
  trapsSuggested: number;
}

/** A relationship is found when its pair is suggested as join-key or same-concept, in either direction. */
export function scoreDemo(
  suggestions: Suggested[],
  key: { relationships: Intended[]; traps: Array<{ a: Ref; b: Ref }> },
): DemoFigures {
  const positive = suggestions.filter(s => s.kind !== 'none');
  const byPair = new Map(positive.map(s => [pairKey(s.from, s.to), s]));
  const found = key.relationships.filter(r =>
    byPair.has(pairKey(r.from, r.to)),
  );
  const intended = new Set(key.relationships.map(r => pairKey(r.from, r.to)));
  const comp = components(key.relationships);
  const transitive = positive.filter(s => {
    const a = comp.get(refKey(s.from));
    return (
      intended.has(pairKey(s.from, s.to)) ||
      (a !== undefined && a === comp.get(refKey(s.to)))
    );
  });
  const trapPairs = key.traps.map(t => byPair.get(pairKey(t.a, t.b)));
  return {
    intended: key.relationships.length,
    found: found.length,
    recall: found.length / key.relationships.length,
    kindAccuracy: found.length
      ? found.filter(r => byPair.get(pairKey(r.from, r.to))!.kind === r.kind)
          .length / found.length
      : 0,
    suggested: positive.length,
    precision: positive.length
      ? positive.filter(s => intended.has(pairKey(s.from, s.to))).length /
        positive.length
      : 0,
    precisionTransitive: positive.length
      ? transitive.length / positive.length
      : 0,
    traps: key.traps.length,
    trapsAsJoinKey: trapPairs.filter(s => s?.kind === 'join-key').length,
    trapsSuggested: trapPairs.filter(Boolean).length,
  };
}

export interface AttributePair {
  /** `table.column` of the source (MIMIC) attribute. */
  source: string;
  /** `table.column` of the target (OMOP) attribute. */
  target: string;
  score: number;
}

export interface MatchingFigures {
  recallAtGt: number;
  mrr: number;
  hitRate5: number;
  sources: number;
  groundTruth: number;
}

/**
 * Recall@GT: the top |GT| pairs overall, share of GT among them.
 * MRR and HitRate@5: per source attribute of the GT, all target attributes
 * ranked by score (pairs not scored rank last, ties broken pessimistically);
 * the rank of the first correct target.
 */
export function scoreMatching(
  pairs: AttributePair[],
  groundTruth: Array<{ source: string; target: string }>,
  allTargets: string[],
): MatchingFigures {
  const gt = new Set(groundTruth.map(g => `${g.source}>${g.target}`));
  const sorted = [...pairs].sort((a, b) => b.score - a.score);
  const top = sorted.slice(0, groundTruth.length);
  const recallAtGt =
    top.filter(p => gt.has(`${p.source}>${p.target}`)).length /
    groundTruth.length;
  const sources = [...new Set(groundTruth.map(g => g.source))];
  const bySource = new Map<string, Map<string, number>>();
  for (const p of pairs) {
    const m = bySource.get(p.source) ?? new Map<string, number>();
    m.set(p.target, Math.max(p.score, m.get(p.target) ?? -Infinity));
    bySource.set(p.source, m);
  }
  let rr = 0;
  let hits = 0;
  for (const s of sources) {
    const scores = bySource.get(s) ?? new Map<string, number>();
    const scoreOf = (t: string) => scores.get(t) ?? -Infinity;
    const correct = groundTruth.filter(g => g.source === s).map(g => g.target);
    const best = Math.max(...correct.map(scoreOf));
    // pessimistic rank: every target scoring at least as high as the best correct one, counted once
    const rank =
      best === -Infinity
        ? allTargets.length
        : allTargets.filter(t => scoreOf(t) >= best && !correct.includes(t))
            .length + 1;
    rr += 1 / rank;
    if (rank <= 5) hits++;
  }
  return {
    recallAtGt,
    mrr: rr / sources.length,
    hitRate5: hits / sources.length,
    sources: sources.length,
    groundTruth: groundTruth.length,
  };
}

export interface ConfidenceSpread {
  suggestions: number;
  /** Suggestions a whole-percent display shows as 100% (confidence ≥ 0.995). */
  shownAs100: number;
  distinct: number;
  min: number;
  median: number;
  max: number;
  /** Suggestions per confidence band [0, 0.2), [0.2, 0.4), … [0.8, 1]. */
  bands: number[];
}

/** How the confidences of suggestions spread (a wall of 100% ranks nothing). */
export function confidenceSpread(
  confidences: readonly number[],
): ConfidenceSpread {
  const sorted = [...confidences].sort((a, b) => a - b);
  const n = sorted.length;
  const bands = [0, 0, 0, 0, 0];
  for (const c of sorted) bands[Math.min(4, Math.floor(c * 5))]++;
  return {
    suggestions: n,
    shownAs100: sorted.filter(c => c >= 0.995).length,
    distinct: new Set(sorted).size,
    min: n ? sorted[0] : 0,
    median: n ? sorted[Math.floor(n / 2)] : 0,
    max: n ? sorted[n - 1] : 0,
    bands,
  };
}

/**
 * The plain TF-IDF baseline (as in the published anchor): each column a document of its name's
 * words and its own description's content terms, lemmatised, tf-idf weighted over all columns;
 * every cross-product pair scored by cosine. Nothing of the matcher (no abbreviations, related
 * words, borrowed descriptions, selection).
 */
export function plainTfIdfPairs(
  products: readonly InteropProduct[],
): Array<{ from: Ref; to: Ref; score: number }> {
  const vocab = new TfIdfVocabulary();
  const docs = products.flatMap(p =>
    p.contract.tables.flatMap(t =>
      t.columns.map(c => ({
        ref: { product: p.id, table: t.name, column: c.name },
        counts: vocab.add([
          ...contentTerms(splitIdentifier(c.name).join(' ')),
          ...contentTerms(c.description ?? ''),
        ]),
      })),
    ),
  );
  const vectors = docs.map(d => ({ ref: d.ref, v: vocab.vector(d.counts) }));
  const out: Array<{ from: Ref; to: Ref; score: number }> = [];
  for (let i = 0; i < vectors.length; i++)
    for (let j = i + 1; j < vectors.length; j++)
      if (vectors[i].ref.product !== vectors[j].ref.product)
        out.push({
          from: vectors[i].ref,
          to: vectors[j].ref,
          score: cosine(vectors[i].v, vectors[j].v),
        });
  return out;
}
