/**
 * Quality figures of interop suggestions:
 *   npx tsx evals/scripts/interop-figures.ts [--split tune|test] [--out figures.json] [--data /work/shared/datasets]
 * `--split` (default test) picks the part of the MIMIC→OMOP ground truth that is scored: the split
 * is by MIMIC source table (evals/lib/splits.ts); tune work looks at `--split tune` only.
 * (1) Demo mesh (dev data) against examples/catalog/relationships.yaml: recall of intended
 *     relationships, traps suggested as join keys, precision (strict and counting pairs that
 *     follow from intended ones).
 * (2) MIMIC-IV → OMOP (descriptions only): Recall@GT, MRR, HitRate@5 against the chosen part of
 *     ground_truth.csv, beside published anchors (measured on the whole file, so not comparable
 *     1:1). The ground truth is read only here, for scoring.
 * (3) Two Valentine benchmark pairs (test/fixtures/valentine-nyu; names and example values): an
 *     unseen check, never tuned on, beside a tf-idf cosine of the names.
 */
import { writeFileSync } from 'node:fs';
import {
  buildInteropIndex,
  type RankedPair,
} from '../../plugins/data-product-assistant-node/src/interop/suggestInterop';
import { cosine } from '../../plugins/data-product-assistant-node/src/interop/columnFeatures';
import {
  loadAnswerKey,
  loadDemoProducts,
} from '../../test/fixtures/demoCatalog';
import { MIMIC_OMOP_DIR } from '../../test/fixtures/mimicOmop';
import {
  confidenceSpread,
  namesAndDescriptionsOnly,
  plainTfIdfPairs,
  scoreDemo,
  scoreMatching,
  type AttributePair,
  type MatchingFigures,
} from './interopFigures.lib';
import { parseSplitArg, type SplitPart } from '../lib/splits';
import {
  mimicOmopFigures,
  mimicOmopTask,
  valentineFigures,
} from '../providers/interopProvider';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const f2 = (x: number) => x.toFixed(2);

function splitArg(): SplitPart {
  try {
    return parseSplitArg(process.argv);
  } catch (e) {
    console.error((e as Error).message);
    return process.exit(2);
  }
}
const split = splitArg();

function demo() {
  const index = buildInteropIndex(loadDemoProducts());
  const { pairs, stats } = index.scanPairs();
  return {
    ...scoreDemo(pairs, loadAnswerKey()),
    candidatePairs: stats.candidatePairs,
    allPairs: stats.allPairs,
    confidence: confidenceSpread(pairs.map(p => p.confidence)),
  };
}

/**
 * The demo mesh stripped to names and descriptions (no types, keys, examples, glossary, PII tags):
 * dev data shaped like the MIMIC→OMOP input, for tuning the text-only signal without the answer key.
 */
function demoBare() {
  const products = namesAndDescriptionsOnly(loadDemoProducts());
  const index = buildInteropIndex(products);
  const key = (r: { product: string; table: string; column: string }) =>
    `${r.product}.${r.table}.${r.column}`;
  const both = (pairs: AttributePair[]) =>
    pairs.flatMap(p => [
      p,
      { source: p.target, target: p.source, score: p.score },
    ]);
  const gt = loadAnswerKey().relationships.flatMap(r => [
    { source: key(r.from), target: key(r.to) },
    { source: key(r.to), target: key(r.from) },
  ]);
  const targets = index.entries.map(e =>
    key({
      product: e.product.id,
      table: e.tableInfo.table.name,
      column: e.column.name,
    }),
  );
  const all = index.allPairsScan({ includeNone: true });
  const attr = (p: RankedPair, score: number): AttributePair => ({
    source: key(p.from),
    target: key(p.to),
    score,
  });
  const viaIndex = index.scanPairs({ includeNone: true });
  return {
    index: scoreMatching(
      both(viaIndex.pairs.map(p => attr(p, p.score))),
      gt,
      targets,
    ),
    allPairs: scoreMatching(
      both(all.pairs.map(p => attr(p, p.score))),
      gt,
      targets,
    ),
    tfidf: scoreMatching(
      both(all.pairs.map(p => attr(p, cosine(p.a.vector, p.b.vector)))),
      gt,
      targets,
    ),
  };
}

function mimic() {
  const data = arg('data') ?? process.env.DPA_DATASETS_DIR;
  const dir = data ? `${data}/mimic-omop` : MIMIC_OMOP_DIR;
  const task = mimicOmopTask(dir, split);
  const all = task.index.allPairsScan({ includeNone: true });
  return {
    split,
    sourceTables: task.sourceTables,
    index: mimicOmopFigures(dir, split, task),
    allPairs: task.score(all.pairs),
    tfidfOurs: task.score(
      all.pairs.map(p => ({
        from: p.from,
        to: p.to,
        score: cosine(p.a.vector, p.b.vector),
      })),
    ),
    tfidfPlain: task.score(plainTfIdfPairs(task.products)),
  };
}

function main() {
  const d = demo();
  console.log('Demo mesh (examples/catalog, dev data) vs relationships.yaml');
  console.log(
    `  recall of intended relationships  ${f2(d.recall)}  (${d.found}/${
      d.intended
    }; target ≥ 0.90)`,
  );
  console.log(`  kind agrees with the answer key   ${f2(d.kindAccuracy)}`);
  console.log(
    `  traps suggested as join-key       ${d.trapsAsJoinKey}/${d.traps}  (target 0; suggested at all: ${d.trapsSuggested})`,
  );
  console.log(
    `  precision (strict)                ${f2(d.precision)}  (${
      d.suggested
    } suggestions)`,
  );
  console.log(
    `  precision (incl. transitive)      ${f2(
      d.precisionTransitive,
    )}  (pairs that follow from intended ones count)`,
  );
  const c = d.confidence;
  console.log(
    `  confidence of suggestions         ${c.min.toFixed(2)}–${c.max.toFixed(
      2,
    )}, median ${c.median.toFixed(2)}; ${c.distinct} distinct values; ${
      c.shownAs100
    } of ${c.suggestions} shown as 100%; per fifth ${c.bands.join('/')}`,
  );
  console.log(
    `  pairs compared                    ${d.candidatePairs} of ${
      d.allPairs
    } (${(d.allPairs / d.candidatePairs).toFixed(1)}× fewer)`,
  );

  const row = (
    name: string,
    f:
      | Pick<MatchingFigures, 'recallAtGt' | 'mrr' | 'hitRate5'>
      | { recallAtGt: number; mrr?: number; hitRate5?: number },
  ) =>
    `  ${name.padEnd(52)} ${f2(f.recallAtGt).padStart(9)} ${(f.mrr === undefined
      ? '–'
      : f2(f.mrr)
    ).padStart(6)} ${(f.hitRate5 === undefined ? '–' : f2(f.hitRate5)).padStart(
      10,
    )}`;
  const b = demoBare();
  console.log('');
  console.log(
    'Demo mesh, names + descriptions only (dev proxy for text-only input; both directions)',
  );
  console.log(
    `  ${'matcher'.padEnd(52)} ${'Recall@GT'.padStart(9)} ${'MRR'.padStart(
      6,
    )} ${'HitRate@5'.padStart(10)}`,
  );
  console.log(row('ours: index candidates + built-in scorer', b.index));
  console.log(row('ours: built-in scorer on all pairs', b.allPairs));
  console.log(row('tf-idf cosine, names + descriptions (this code)', b.tfidf));
  if (process.argv.includes('--dev-only')) return;

  const v = valentineFigures();
  console.log('');
  console.log(
    `Valentine NYU pairs (unseen check, never tuned on): ${v.pairs} pairs, ${v.groundTruth} correspondences`,
  );
  console.log(
    `  ${'matcher'.padEnd(52)} ${'Recall@GT'.padStart(9)} ${'MRR'.padStart(
      6,
    )} ${'HitRate@5'.padStart(10)}`,
  );
  console.log(row('ours: index candidates + built-in scorer', v));
  console.log(row('tf-idf cosine, names (this code)', v.tfidf));

  const m = mimic();
  console.log('');
  console.log(
    `MIMIC-IV → OMOP, ${split} part: tables ${m.sourceTables.join(', ')} (${
      m.allPairs.groundTruth
    } correspondences, ${
      m.allPairs.sources
    } source attributes; names + descriptions only)`,
  );
  console.log(
    `  ${'matcher'.padEnd(52)} ${'Recall@GT'.padStart(9)} ${'MRR'.padStart(
      6,
    )} ${'HitRate@5'.padStart(10)}`,
  );
  console.log(row('ours: index candidates + built-in scorer', m.index));
  console.log(row('ours: built-in scorer on all pairs', m.allPairs));
  console.log(
    row('tf-idf cosine, names + descriptions (this code)', m.tfidfOurs),
  );
  console.log(
    row('plain tf-idf cosine, own names + descriptions', m.tfidfPlain),
  );
  console.log(
    row('anchor: TF-IDF cosine (published, whole file)', {
      recallAtGt: 0.14,
      mrr: 0.26,
    }),
  );
  console.log(
    row('anchor: COMA, schema only (Valentine, whole file)', {
      recallAtGt: 0.6,
    }),
  );
  console.log(
    `  index compared ${m.index.candidatePairs} of ${m.index.allPairs} pairs`,
  );

  const out = arg('out');
  if (out)
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          demo: d,
          demoBare: b,
          valentine: v,
          mimicOmop: {
            ...m,
            anchors: {
              tfidf: { recallAtGt: 0.14, mrr: 0.26 },
              coma: { recallAtGt: 0.6 },
            },
          },
        },
        null,
        2,
      )}\n`,
    );
}

main();
