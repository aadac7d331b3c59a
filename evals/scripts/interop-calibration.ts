/**
 * Fits the interop confidence calibration (plugins/data-product-assistant-node/src/interop/calibration.ts):
 *   npx tsx evals/scripts/interop-calibration.ts [--check] [--data /work/shared/datasets]
 * Platt scaling (interopCalibration.lib.ts) of the selection score, one fit per regime:
 *  - structured pairs (either column has a type, examples, a key or a glossary link): the demo
 *    mesh's candidate pairs against relationships.yaml (intended relationships right, traps and
 *    unrelated pairs wrong; pairs that follow from intended ones left out);
 *  - bare pairs (names and descriptions only): the MIMIC→OMOP TUNE part (split by source table,
 *    evals/lib/splits.ts; the test part is never read here) and the demo mesh stripped to names
 *    and descriptions, labelled as above.
 * Prints the parameters and a reliability table; `--check` exits 1 when the engine's constants
 * are not what this fit gives (so they are never set by hand).
 */
import {
  CALIBRATION,
  type CalibrationRegime,
} from '../../plugins/data-product-assistant-node/src/interop/calibration';
import {
  buildInteropIndex,
  type RankedPair,
} from '../../plugins/data-product-assistant-node/src/interop/suggestInterop';
import type { InteropProduct } from '../../plugins/data-product-assistant-node/src/interop/types';
import {
  loadAnswerKey,
  loadDemoProducts,
} from '../../test/fixtures/demoCatalog';
import {
  loadMimicOmopGroundTruth,
  loadMimicOmopProducts,
  MIMIC_OMOP_DIR,
} from '../../test/fixtures/mimicOmop';
import { mimicOmopPart } from '../lib/splits';
import {
  fitPlatt,
  reliability,
  type Labelled,
  type Platt,
} from './interopCalibration.lib';
import {
  components,
  namesAndDescriptionsOnly,
  pairKey,
  refKey,
} from './interopFigures.lib';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const regime = (p: RankedPair): CalibrationRegime =>
  p.a.bare || p.b.bare ? 'bare' : 'structured';

/** Candidate pairs of a mesh labelled by relationships.yaml; pairs that follow from intended ones are left out. */
function demoLabelled(products: InteropProduct[]) {
  const key = loadAnswerKey();
  const intended = new Set(key.relationships.map(r => pairKey(r.from, r.to)));
  const comp = components(key.relationships);
  const out: Array<Labelled & { regime: CalibrationRegime }> = [];
  for (const p of buildInteropIndex(products).scanPairs({ includeNone: true })
    .pairs) {
    const right = intended.has(pairKey(p.from, p.to));
    const c = comp.get(refKey(p.from));
    if (!right && c !== undefined && c === comp.get(refKey(p.to))) continue;
    out.push({ score: p.score, label: right ? 1 : 0, regime: regime(p) });
  }
  return out;
}

/** The MIMIC→OMOP tune part: every candidate pair of a tune source table, right when in the ground truth. */
function mimicTuneLabelled(dir: string) {
  const products = loadMimicOmopProducts(dir);
  const index = buildInteropIndex(products);
  const tune = mimicOmopPart(loadMimicOmopGroundTruth(dir), 'tune');
  const tables = new Set(tune.map(g => g.source.table));
  const key = (t: string, c: string) => `${t.toLowerCase()}.${c}`;
  const truth = new Set(
    tune.map(
      g =>
        `${key(g.source.table, g.source.column)}>${key(
          g.target.table,
          g.target.column,
        )}`,
    ),
  );
  const out: Array<Labelled & { regime: CalibrationRegime }> = [];
  for (const p of index.rankFor('mimic', { includeNone: true }).pairs) {
    const [s, t] = p.from.product === 'mimic' ? [p.from, p.to] : [p.to, p.from];
    if (!tables.has(s.table.toLowerCase())) continue;
    out.push({
      score: p.score,
      label: truth.has(`${key(s.table, s.column)}>${key(t.table, t.column)}`)
        ? 1
        : 0,
      regime: regime(p),
    });
  }
  return out;
}

function main() {
  const data = arg('data') ?? process.env.DPA_DATASETS_DIR;
  const dir = data ? `${data}/mimic-omop` : MIMIC_OMOP_DIR;
  const demo = loadDemoProducts();
  const labelled = [
    ...demoLabelled(demo),
    ...demoLabelled(namesAndDescriptionsOnly(demo)),
    ...mimicTuneLabelled(dir),
  ];
  const fitted: Record<CalibrationRegime, Platt> = {
    structured: fitPlatt(labelled.filter(d => d.regime === 'structured')),
    bare: fitPlatt(labelled.filter(d => d.regime === 'bare')),
  };
  let mismatch = false;
  for (const r of ['structured', 'bare'] as const) {
    const set = labelled.filter(d => d.regime === r);
    const f = fitted[r];
    const engine = CALIBRATION[r];
    const same =
      Math.abs(engine.scale - f.scale) < 0.005 &&
      Math.abs(engine.shift - f.shift) < 0.005 &&
      Math.abs(engine.ceiling - f.ceiling) < 0.0005;
    if (!same) mismatch = true;
    console.log(
      `${r}: ${set.length} labelled pairs (${
        set.filter(d => d.label).length
      } right) → scale ${f.scale.toFixed(3)}, shift ${f.shift.toFixed(
        3,
      )}, ceiling ${f.ceiling.toFixed(4)}; engine ${engine.scale}, ${
        engine.shift
      }, ${engine.ceiling}${same ? '' : '  (DIFFERS)'}`,
    );
    console.log('  confidence bin   pairs  mean confidence  share right');
    for (const b of reliability(set, f))
      console.log(
        `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}        ${String(
          b.pairs,
        ).padStart(6)}  ${b.predicted.toFixed(3).padStart(15)}  ${b.observed
          .toFixed(3)
          .padStart(11)}`,
      );
  }
  if (process.argv.includes('--check') && mismatch) {
    console.error(
      'calibration.ts does not hold the fitted parameters: copy them from above',
    );
    process.exitCode = 1;
  }
}

main();
