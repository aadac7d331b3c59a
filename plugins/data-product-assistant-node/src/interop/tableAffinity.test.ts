import { describe, expect, it } from 'vitest';
import { tableAffinities, withTableAffinity } from './tableAffinity';

describe('table affinity', () => {
  // table 0 (columns 0, 1) in one product; tables 1 (columns 2, 3) and 2 (columns 4, 5) in another
  const tableOf = [0, 0, 1, 1, 2, 2];
  const tableSize = [2, 2, 2];
  // column 0 matches in table 1 only; column 1 (a key named alike everywhere) equally in both
  const pairs = {
    a: [0, 0, 1, 1],
    b: [2, 4, 3, 5],
    logit: [4, -2, 1, 1],
  };

  it('ranks the tables whose columns point at each other first', () => {
    const affinity = tableAffinities(pairs, tableOf, tableSize);
    expect(affinity.of(0, 1)).toBeGreaterThan(affinity.of(0, 2));
    expect(affinity.of(0, 1)).toBe(affinity.of(1, 0));
    expect(affinity.ranked(0)).toEqual([1, 2]);
  });

  it('lifts the look-alike pair in the corresponding tables, for bare columns only', () => {
    const bare = withTableAffinity(
      pairs,
      tableOf,
      tableSize,
      [1, 1, 1, 1, 1, 1],
    );
    expect(bare[2]).toBeGreaterThan(bare[3]);
    expect(bare[0]).toBeGreaterThan(pairs.logit[0]);
    const structured = withTableAffinity(
      pairs,
      tableOf,
      tableSize,
      [0, 0, 0, 0, 0, 0],
    );
    expect([...structured]).toEqual(pairs.logit);
  });

  it('takes the affinity over the first pairs only when asked, lifting the later ones by it', () => {
    // a later pair of column 1 into table 2 would even out table 1's lead; counted, it does
    const more = {
      a: [...pairs.a, 0],
      b: [...pairs.b, 5],
      logit: [...pairs.logit, 4],
    };
    const all = tableAffinities(more, tableOf, tableSize);
    const first = tableAffinities(more, tableOf, tableSize, 4);
    const before = tableAffinities(pairs, tableOf, tableSize);
    expect(first.of(0, 2)).toBe(before.of(0, 2));
    expect(all.of(0, 2)).toBeGreaterThan(before.of(0, 2));
    const lifted = withTableAffinity(
      more,
      tableOf,
      tableSize,
      [1, 1, 1, 1, 1, 1],
      4,
    );
    expect(lifted[4] - more.logit[4]).toBeCloseTo(lifted[1] - more.logit[1]);
    expect(lifted[4] - more.logit[4]).toBeLessThan(
      withTableAffinity(more, tableOf, tableSize, [1, 1, 1, 1, 1, 1])[4] -
        more.logit[4],
    );
  });
});
