import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '@dpa/test/bench/syntheticCatalog';
import { buildInteropIndex, type RankedPair } from './suggestInterop';

/** A pair's columns, in either order. */
const key = (p: RankedPair) =>
  `${Math.min(p.a.idx, p.b.idx)}|${Math.max(p.a.idx, p.b.idx)}`;

describe('group index (keys whose columns mostly relate)', () => {
  // a small per-column budget, so that a large group of related columns overflows it
  const products = syntheticCatalog({
    products: 60,
    columnsPerProduct: 30,
    seed: 11,
  });
  const withGroups = buildInteropIndex(products, { maxCandidatesPerColumn: 8 });
  const without = buildInteropIndex(products, {
    maxCandidatesPerColumn: 8,
    minGroupSize: Number.MAX_SAFE_INTEGER,
  });
  const flat = withGroups.index.flatten();
  /** Pairs sharing a group key that the relationship model suggests. */
  const grouped = withGroups.allPairsScan().pairs.filter(p => {
    const groups = (i: number) =>
      flat.columnGroups.slice(
        flat.columnGroupStart[i],
        flat.columnGroupStart[i + 1],
      );
    const other = new Set(groups(p.b.idx));
    return [...groups(p.a.idx)].some(g => other.has(g));
  });
  const missed = (pairs: RankedPair[]) => {
    const found = new Set(pairs.map(key));
    return grouped.filter(p => !found.has(key(p))).length;
  };

  it('finds the groups by scoring a few of their pairs', () => {
    expect(withGroups.index.keyStats.groups).toBeGreaterThan(0);
    expect(withGroups.index.keyStats.groupTests).toBeGreaterThan(0);
    expect(without.index.keyStats.groups).toBe(0);
    expect(grouped.length).toBeGreaterThan(100);
  });

  it('compares every pair of a group, which the per-column budget cannot hold', () => {
    const scanned = withGroups.scanPairs();
    expect(missed(scanned.pairs)).toBe(0);
    expect(missed(without.scanPairs().pairs)).toBeGreaterThan(
      grouped.length / 4,
    );
    // still far from all pairs
    expect(scanned.stats.candidatePairs).toBeLessThan(
      scanned.stats.allPairs / 20,
    );
  });

  it('gives the one-product query the members of its groups', () => {
    const product = products[0].id;
    const queried = new Set(withGroups.rankFor(product).pairs.map(key));
    const mine = grouped.filter(
      p => p.a.product.id === product || p.b.product.id === product,
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter(p => !queried.has(key(p)))).toEqual([]);
  });
});
