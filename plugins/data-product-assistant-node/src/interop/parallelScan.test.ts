import { describe, expect, it } from 'vitest';
import { loadDemoProducts } from '@dpa/test/fixtures/demoCatalog';
import { syntheticCatalog } from '@dpa/test/bench/syntheticCatalog';
import type { FlatBlocking } from './blockingCandidates';
import { buildInteropIndex, type RankedPair } from './suggestInterop';

const rows = (pairs: RankedPair[]) =>
  pairs.map(p => [p.a.idx, p.b.idx, p.kind, p.confidence, p.logit]);

/** `ColumnIndex.candidates` as first written (sort every qualifying column), the reference; group keys add no ranked candidates. */
function referenceCandidates(b: FlatBlocking, i: number): number[] {
  const acc = new Float32Array(b.productOf.length);
  const touched: number[] = [];
  const own = b.productOf[i];
  for (let k = b.keyStart[i]; k < b.keyStart[i + 1]; k++) {
    const key = b.keys[k];
    if (b.groupKey[key]) continue;
    const w = b.keyWeights[key];
    for (let p = b.postingStart[key]; p < b.postingStart[key + 1]; p++) {
      const j = b.postings[p];
      if (b.productOf[j] === own) continue;
      if (acc[j] === 0) touched.push(j);
      acc[j] += w;
    }
  }
  // weighed by the two columns' type compatibility, kept in float32 as the index keeps them
  const w = (j: number) =>
    acc[j] * b.typeFactor[b.family[i] * b.families + b.family[j]];
  let kept = touched.filter(j => w(j) >= b.minBlockScore);
  if (kept.length > b.limit[i]) {
    kept.sort((x, y) => Math.fround(w(y)) - Math.fround(w(x)) || x - y);
    kept = kept.slice(0, b.limit[i]);
  }
  return kept;
}

describe('parallel full scan', () => {
  const synthetic = buildInteropIndex(
    syntheticCatalog({ products: 200, columnsPerProduct: 30, seed: 42 }),
  );
  const demo = buildInteropIndex(loadDemoProducts());

  it('returns the single-threaded scan: same pairs, same order, same scores', async () => {
    const single = synthetic.scanPairs();
    // small chunks, so both workers claim columns throughout
    const parallel = await synthetic.scanPairsParallel({
      workers: 2,
      chunk: 128,
    });
    expect(parallel.fallback).toBeUndefined();
    expect(parallel.workers).toBe(2);
    expect(parallel.pairs.length).toBeGreaterThan(1000);
    expect(rows(parallel.pairs)).toEqual(rows(single.pairs));
    expect(parallel.stats).toEqual(single.stats);
  }, 30_000);

  it('gives fullScan’s suggestions on the demo mesh (keys, glossary, bare columns)', async () => {
    const single = demo.fullScan();
    const parallel = await demo.fullScanParallel({ workers: 2, chunk: 8 });
    expect(parallel.suggestions.length).toBeGreaterThan(10);
    expect(parallel).toEqual(single);
  });

  it('falls back to the calling thread when a worker cannot start', async () => {
    const single = demo.scanPairs();
    const parallel = await demo.scanPairsParallel({
      workers: 2,
      workerFile: `${__dirname}/noSuchScanWorker.js`,
    });
    expect(parallel.workers).toBe(1);
    expect(parallel.fallback).toMatch(/noSuchScanWorker/);
    expect(rows(parallel.pairs)).toEqual(rows(single.pairs));
  });

  it('scans on the calling thread with one worker or with none-pairs', async () => {
    expect((await demo.scanPairsParallel({ workers: 1 })).workers).toBe(1);
    const withNone = await demo.scanPairsParallel({ includeNone: true });
    expect(withNone.workers).toBe(1);
    expect(rows(withNone.pairs)).toEqual(
      rows(demo.scanPairs({ includeNone: true }).pairs),
    );
  });

  it('generates the same candidates as sorting every qualifying column', () => {
    const flat = synthetic.index.flatten();
    for (let i = 0; i < synthetic.entries.length; i++)
      expect([...synthetic.index.candidates(i)]).toEqual(
        referenceCandidates(flat, i),
      );
    // few candidates per column: the selection cuts through runs of equal weights
    const narrow = buildInteropIndex(
      syntheticCatalog({ products: 60, columnsPerProduct: 30, seed: 7 }),
      { maxCandidatesPerColumn: 3 },
    );
    const narrowFlat = narrow.index.flatten();
    for (let i = 0; i < narrow.entries.length; i++)
      expect([...narrow.index.candidates(i)]).toEqual(
        referenceCandidates(narrowFlat, i),
      );
  });
});
