/**
 * Interop benchmark (a plain script, not a vitest test):
 *   npx tsx test/bench/interop.bench.ts [--products 10000] [--scan-runs 1] [--out FILE]
 * Synthetic mesh of 10,000 products × 30 columns (seeded, see syntheticCatalog.ts).
 *  - interop.one_product_ms: suggestFor(product, top 20) with explanations, median over 15 products after 3 warm-ups
 *  - interop.full_scan_s: candidate generation + scoring of every candidate pair of the catalog (explanations on demand),
 *    across worker threads (scanPairsParallel, default workers); `--workers N` to choose, `--single` to also time the
 *    single-threaded scanPairs and check that both return the same pairs and scores
 *  - interop.comparison_reduction: cross-product column pairs ÷ pairs scored in the full scan
 *  - interop.recall_loss: share of the pairs a brute-force all-pairs scan suggests that the index scan misses,
 *    on a sample of the same catalog (whole domains, so relationships stay dense)
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { buildInteropIndex } from '../../plugins/data-product-assistant-node/src/interop/suggestInterop';
import { mulberry32, syntheticCatalog } from './syntheticCatalog';
import { median } from './stats';

export type BenchFigures = Record<
  string,
  {
    value: number;
    unit: 'ms' | 's' | 'ratio' | 'req/s' | 'tokens';
    note: string;
  }
>;

export interface InteropBenchOptions {
  products?: number;
  columnsPerProduct?: number;
  scanRuns?: number;
  /** Domains in the brute-force sample (50 products taken per domain; default 2). */
  sampleDomains?: number;
  /** Worker threads of the full scan (default: the engine's default). */
  workers?: number;
  /** Also time the single-threaded full scan, and check it returns what the parallel one does. */
  singleScan?: boolean;
  log?: (line: string) => void;
}

export async function runInteropBench(
  options: InteropBenchOptions = {},
): Promise<BenchFigures> {
  const log = options.log ?? (() => undefined);
  const n = options.products ?? 10_000;
  const perProduct = options.columnsPerProduct ?? 30;
  let t = performance.now();
  const products = syntheticCatalog({
    products: n,
    columnsPerProduct: perProduct,
    seed: 42,
  });
  log(
    `generated ${n} products × ${perProduct} columns in ${(
      (performance.now() - t) /
      1000
    ).toFixed(1)} s`,
  );

  t = performance.now();
  const index = buildInteropIndex(products);
  const buildS = (performance.now() - t) / 1000;
  log(
    `index built in ${buildS.toFixed(1)} s (${
      index.entries.length
    } columns, heap ${(process.memoryUsage().heapUsed / 1e9).toFixed(2)} GB)`,
  );

  const rng = mulberry32(7);
  const queryIds = Array.from(
    { length: 18 },
    () => products[Math.floor(rng() * products.length)].id,
  );
  const times: number[] = [];
  let compared = 0;
  queryIds.forEach((id, i) => {
    const t0 = performance.now();
    const r = index.suggestFor(id, { top: 20 });
    const ms = performance.now() - t0;
    if (i >= 3) {
      times.push(ms);
      compared += r.stats.candidatePairs;
    }
  });
  const oneMs = median(times);
  log(
    `one product: median ${oneMs.toFixed(1)} ms over ${times.length} queries`,
  );

  const scanTimes: number[] = [];
  let scanStats = { columns: 0, candidatePairs: 0, allPairs: 0 };
  let found = 0;
  let workers = 1;
  let fallback: string | undefined;
  let scanRows: string[] = [];
  const rowsOf = (
    pairs: Array<{
      a: { idx: number };
      b: { idx: number };
      kind: string;
      confidence: number;
      logit: number;
    }>,
  ) =>
    pairs.map(
      p => `${p.a.idx}>${p.b.idx} ${p.kind} ${p.confidence} ${p.logit}`,
    );
  for (let r = 0; r < (options.scanRuns ?? 1); r++) {
    const t0 = performance.now();
    const scan = await index.scanPairsParallel({ workers: options.workers });
    scanTimes.push((performance.now() - t0) / 1000);
    scanStats = scan.stats;
    found = scan.pairs.length;
    workers = scan.workers;
    fallback = scan.fallback;
    if (options.singleScan && r === 0) scanRows = rowsOf(scan.pairs);
  }
  const scanS = median(scanTimes);
  if (fallback) log(`full scan fell back to one thread: ${fallback}`);
  let singleNote = '';
  if (options.singleScan) {
    const t0 = performance.now();
    const single = index.scanPairs();
    const singleS = (performance.now() - t0) / 1000;
    const singleRows = rowsOf(single.pairs);
    const same =
      singleRows.length === scanRows.length &&
      singleRows.every((row, k) => row === scanRows[k]) &&
      single.stats.candidatePairs === scanStats.candidatePairs;
    log(
      `single-threaded full scan: ${singleS.toFixed(1)} s; ${
        same ? 'same' : 'DIFFERENT'
      } pairs and scores as the parallel scan`,
    );
    if (!same) throw new Error('the parallel full scan differs from scanPairs');
    singleNote = `; single-threaded scanPairs ${singleS.toFixed(
      1,
    )} s, same pairs and scores`;
  }
  const reduction = scanStats.allPairs / scanStats.candidatePairs;
  log(
    `full scan: ${scanS.toFixed(1)} s, ${scanStats.candidatePairs} of ${
      scanStats.allPairs
    } pairs scored, ${found} relationships`,
  );

  // brute force on a sample: whole domains, 50 products each
  const domains = [...new Set(products.map(p => p.domain))].slice(
    0,
    options.sampleDomains ?? 2,
  );
  const sample = domains.flatMap(d =>
    products.filter(p => p.domain === d).slice(0, 50),
  );
  const sampleIndex = buildInteropIndex(sample);
  t = performance.now();
  const brute = sampleIndex.allPairsScan();
  const bruteS = (performance.now() - t) / 1000;
  const viaIndex = new Set(
    sampleIndex
      .scanPairs()
      .pairs.map(p => [p.a.idx, p.b.idx].sort((x, y) => x - y).join(':')),
  );
  const missed = brute.pairs.filter(
    p => !viaIndex.has([p.a.idx, p.b.idx].sort((x, y) => x - y).join(':')),
  ).length;
  const recallLoss = brute.pairs.length ? missed / brute.pairs.length : 0;
  log(
    `recall loss on ${sample.length} products: ${missed} of ${
      brute.pairs.length
    } brute-force relationships missed (brute force ${bruteS.toFixed(1)} s)`,
  );

  return {
    'interop.one_product_ms': {
      value: Math.round(oneMs * 10) / 10,
      unit: 'ms',
      note: `suggestFor(product, top 20) incl. explanations on ${n}×${perProduct} columns; median of ${
        times.length
      } products after 3 warm-ups; ${Math.round(
        compared / times.length,
      )} pairs scored per query`,
    },
    'interop.full_scan_s': {
      value: Math.round(scanS * 10) / 10,
      unit: 's',
      note: `candidate generation + scoring of every candidate pair (explanations on demand), scanPairsParallel on ${
        workers > 1 ? `${workers} worker threads` : 'the calling thread'
      } (os.availableParallelism() ${availableParallelism()}${
        fallback ? `; fell back to one thread: ${fallback}` : ''
      }), incl. worker start, flattening the index for them and merging; median of ${
        scanTimes.length
      } run(s); index build ${buildS.toFixed(1)} s not included${singleNote}`,
    },
    'interop.comparison_reduction': {
      value: Math.round(reduction),
      unit: 'ratio',
      note: `${scanStats.allPairs} cross-product column pairs ÷ ${scanStats.candidatePairs} scored in the full scan`,
    },
    'interop.recall_loss': {
      value: Math.round(recallLoss * 10000) / 10000,
      unit: 'ratio',
      note: `pairs suggested by brute-force all-pairs scoring but missed by the index, on ${
        sample.length
      } products (${sample.length * perProduct} columns) of the same catalog`,
    },
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  runInteropBench({
    products: arg('products') ? Number(arg('products')) : undefined,
    scanRuns: arg('scan-runs') ? Number(arg('scan-runs')) : undefined,
    workers: arg('workers') ? Number(arg('workers')) : undefined,
    singleScan: process.argv.includes('--single'),
    log: line => process.stderr.write(`${line}\n`),
  }).then(figures => {
    const targets: Record<string, string> = {
      'interop.one_product_ms': '< 250',
      'interop.full_scan_s': '< 120',
      'interop.comparison_reduction': '≥ 20',
      'interop.recall_loss': '≤ 0.02',
    };
    console.log(
      [
        'name'.padEnd(30),
        'value'.padStart(12),
        'unit'.padEnd(6),
        'target'.padEnd(8),
        'note',
      ].join('  '),
    );
    for (const [name, f] of Object.entries(figures)) {
      console.log(
        [
          name.padEnd(30),
          String(f.value).padStart(12),
          f.unit.padEnd(6),
          (targets[name] ?? '').padEnd(8),
          f.note,
        ].join('  '),
      );
    }
    const out = arg('out');
    if (out) writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  });
}
