/**
 * promptfoo provider: interoperability suggestions of the engine, scored
 * against an answer key. Test var `dataset`: `demo` (examples/catalog vs
 * relationships.yaml: recall, traps suggested as join-key, precision),
 * `mimic-omop` (MIMIC-IV → OMOP: Recall@GT, MRR, HitRate@5 on the TEST part of
 * the ground truth, split by MIMIC source table (evals/lib/splits.ts); the
 * ground truth is read only for scoring) or `valentine-nyu` (two Valentine
 * benchmark pairs, test/fixtures/valentine-nyu: an unseen check, never tuned
 * on). Output: the figures as JSON.
 */
import type { ApiProvider } from 'promptfoo';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  buildInteropIndex,
  type RankedPair,
} from '../../plugins/data-product-assistant-node/src/interop/suggestInterop';
import {
  loadAnswerKey,
  loadDemoProducts,
} from '../../test/fixtures/demoCatalog';
import {
  loadMimicOmopGroundTruth,
  loadMimicOmopProducts,
} from '../../test/fixtures/mimicOmop';
import { valentinePairs } from '../../test/fixtures/valentineNyu';
import { cosine } from '../../plugins/data-product-assistant-node/src/interop/columnFeatures';
import {
  confidenceSpread,
  scoreDemo,
  scoreMatching,
  type AttributePair,
  type MatchingFigures,
  type Ref,
} from '../scripts/interopFigures.lib';
import { datasetsDir } from '../lib/paths';
import { mimicOmopPart, type SplitPart } from '../lib/splits';
import {
  str,
  type CallContext,
  type DpaProviderResponse,
  type ProviderInit,
} from './common';

export function demoFigures() {
  const index = buildInteropIndex(loadDemoProducts());
  const { pairs, stats } = index.scanPairs();
  return {
    ...scoreDemo(pairs, loadAnswerKey()),
    candidatePairs: stats.candidatePairs,
    allPairs: stats.allPairs,
    confidence: confidenceSpread(pairs.map(p => p.confidence)),
  };
}

/** Figures pooled over pairs: Recall@GT per pair weighted by its ground truth, MRR and HitRate@5 by source attribute. */
function pooled(parts: MatchingFigures[]): MatchingFigures {
  const gt = parts.reduce((s, f) => s + f.groundTruth, 0);
  const sources = parts.reduce((s, f) => s + f.sources, 0);
  return {
    recallAtGt:
      parts.reduce((s, f) => s + f.recallAtGt * f.groundTruth, 0) / gt,
    mrr: parts.reduce((s, f) => s + f.mrr * f.sources, 0) / sources,
    hitRate5: parts.reduce((s, f) => s + f.hitRate5 * f.sources, 0) / sources,
    sources,
    groundTruth: gt,
  };
}

/**
 * The Valentine NYU pairs (unseen; never tuned on): for each pair the source
 * product's suggestions through the index, ranked as the product ranks them,
 * beside a tf-idf cosine of names on all pairs (the baseline).
 */
export function valentineFigures() {
  const ours: MatchingFigures[] = [];
  const tfidf: MatchingFigures[] = [];
  for (const pair of valentinePairs()) {
    const index = buildInteropIndex(pair.products);
    const attr = (p: RankedPair, score: number): AttributePair => {
      const [s, t] =
        p.from.product === 'source' ? [p.from, p.to] : [p.to, p.from];
      return { source: s.column, target: t.column, score };
    };
    const targets = pair.products[1].contract.tables[0].columns.map(
      c => c.name,
    );
    ours.push(
      scoreMatching(
        index
          .rankFor('source', { includeNone: true })
          .pairs.map(p => attr(p, p.score)),
        pair.matches,
        targets,
      ),
    );
    tfidf.push(
      scoreMatching(
        index
          .allPairsScan({ includeNone: true })
          .pairs.map(p => attr(p, cosine(p.a.vector, p.b.vector))),
        pair.matches,
        targets,
      ),
    );
  }
  return { ...pooled(ours), pairs: ours.length, tfidf: pooled(tfidf) };
}

/** A scored column pair, either way round (`mimicOmopTask` puts the MIMIC side first). */
type SidedPair = { from: Ref; to: Ref; score: number };

/**
 * The MIMIC→OMOP task on one part of the split: the matcher sees every table
 * (names and descriptions only); `ofPart` keeps only pairs whose MIMIC
 * attribute belongs to one of the part's tables, and `gt` is the part's
 * answer key, for scoring only.
 */
export function mimicOmopTask(dir: string, part: SplitPart) {
  const products = loadMimicOmopProducts(dir);
  const key = (table: string, column: string) =>
    `${table.toLowerCase()}.${column}`;
  const attr = (p: SidedPair): AttributePair => {
    const [s, t] = p.from.product === 'mimic' ? [p.from, p.to] : [p.to, p.from];
    return {
      source: key(s.table, s.column),
      target: key(t.table, t.column),
      score: p.score,
    };
  };
  const targets = products
    .find(p => p.id === 'omop')!
    .contract.tables.flatMap(t => t.columns.map(c => key(t.name, c.name)));
  const correspondences = mimicOmopPart(loadMimicOmopGroundTruth(dir), part);
  const sourceTables = [
    ...new Set(correspondences.map(g => g.source.table)),
  ].sort();
  const gt = correspondences.map(g => ({
    source: key(g.source.table, g.source.column),
    target: key(g.target.table, g.target.column),
  }));
  const ofPart = (pairs: SidedPair[]) =>
    pairs.map(attr).filter(p => sourceTables.includes(p.source.split('.')[0]));
  return {
    products,
    index: buildInteropIndex(products),
    sourceTables,
    /** Recall@GT, MRR and HitRate@5 of these pairs on the part. */
    score: (pairs: SidedPair[]) => scoreMatching(ofPart(pairs), gt, targets),
  };
}

/** MIMIC→OMOP figures of what the product serves (index candidates + scorer) on one part. */
export function mimicOmopFigures(
  dir: string,
  part: SplitPart = 'test',
  task = mimicOmopTask(dir, part),
) {
  const viaIndex = task.index.rankFor('mimic', { includeNone: true });
  return {
    ...task.score(viaIndex.pairs),
    split: part,
    sourceTables: task.sourceTables,
    candidatePairs: viaIndex.stats.candidatePairs,
    allPairs: viaIndex.stats.allPairs,
  };
}

/** A promptfoo provider (`file://` in the suites). */
export default class DpaInteropProvider implements ApiProvider {
  readonly label?: string;
  private readonly providerId: string;
  private readonly memo = new Map<string, unknown>();

  constructor(options: ProviderInit<Record<string, unknown>> = {}) {
    this.label = options.label;
    this.providerId =
      options.id && !options.id.startsWith('file://')
        ? options.id
        : 'dpa-interop';
  }

  id() {
    return this.providerId;
  }

  async callApi(
    _prompt: string,
    context?: CallContext,
  ): Promise<DpaProviderResponse> {
    const dataset = str(context?.vars?.dataset) ?? 'demo';
    const started = performance.now();
    let figures = this.memo.get(dataset);
    if (!figures) {
      if (dataset === 'demo') figures = demoFigures();
      else if (dataset === 'valentine-nyu') figures = valentineFigures();
      else if (dataset === 'mimic-omop') {
        const dir = datasetsDir() && path.join(datasetsDir()!, 'mimic-omop');
        if (!dir || !existsSync(dir))
          return {
            error:
              'the mimic-omop dataset is not available (set DPA_DATASETS_DIR)',
          };
        figures = mimicOmopFigures(dir);
      } else return { error: `unknown interop dataset "${dataset}"` };
      this.memo.set(dataset, figures);
    }
    const latencyMs = performance.now() - started;
    return {
      output: JSON.stringify(figures),
      latencyMs,
      cost: 0,
      metadata: { latencyMs, costUsd: 0, hostedCalled: false },
    };
  }
}
