import { describe, expect, it } from 'vitest';
import {
  bestFirst,
  selectionScores,
  SELECTION_DELTA,
  SELECTION_RANK,
} from './selection';

describe('per-column selection', () => {
  // columns 0, 1 in product 0; columns 2, 3 in product 1; column 4 in product 2
  const productOf = [0, 0, 1, 1, 2];

  it("keeps each column's best pair and lowers runners-up by their distance to the closer best", () => {
    const pairs = {
      a: [0, 0, 1, 0],
      b: [2, 3, 2, 4],
      logit: [3, 1, 2, -1],
    };
    const s = selectionScores(pairs, productOf, 5);
    // 0~2: best of 0 toward product 1 and of 2 toward product 0
    expect(s[0]).toBe(3);
    // 0~3: 0 prefers 2 (3 − 1 = 2 behind); 3's only pair: its best
    expect(s[1]).toBe(1);
    // 1~2: 1's only pair toward product 1 (its best); 2 prefers 0
    expect(s[2]).toBe(2);
    // 0~4: the only pair between them, whatever its log-odds
    expect(s[3]).toBe(-1);
  });

  it('sinks a pair that neither column prefers', () => {
    const pairs = {
      a: [0, 1, 0],
      b: [2, 3, 3],
      logit: [4, 5, 1],
    };
    const s = selectionScores(pairs, productOf, 5);
    // 0~3: 0's best is 4 (3 behind), 3's best is 5 (4 behind): sinks by δ·3
    expect(s[2]).toBeCloseTo(1 - SELECTION_DELTA * 3);
    expect(s[0]).toBe(4);
    expect(s[1]).toBe(5);
  });

  it("sinks a bare column's runners-up by their rank, keeping its best", () => {
    // column 0 against columns 2, 3 of product 1: both pairs are the other column's only one
    const pairs = { a: [0, 0], b: [2, 3], logit: [3, 2] };
    const structured = selectionScores(pairs, productOf, 5);
    expect([...structured]).toEqual([3, 2]);
    const bare = selectionScores(pairs, productOf, 5, [1, 0, 0, 0, 0]);
    expect(bare[0]).toBe(3);
    expect(bare[1]).toBeCloseTo(2 - SELECTION_RANK * Math.log(2));
  });

  it("ranks a bare time-named column's pairs with time-named columns first, the others in order", () => {
    // column 0 (a time) against columns 2, 3 (not times) and 4 (a time) of product 1
    const productOf2 = [0, 0, 1, 1, 1];
    const pairs = { a: [0, 0, 0], b: [2, 3, 4], logit: [3, 2, 1] };
    const bare = [1, 0, 0, 0, 0];
    const plain = selectionScores(pairs, productOf2, 5, bare);
    const s = selectionScores(pairs, productOf2, 5, bare, [1, 0, 0, 0, 1]);
    expect(s[2]).toBe(plain[2]);
    expect(s[0]).toBeCloseTo(plain[2] - 1);
    expect(s[0] - s[1]).toBeCloseTo(plain[0] - plain[1]);
    // with no time-named column to rank first, nothing moves
    const none = selectionScores(pairs, productOf2, 5, bare, [1, 0, 0, 0, 0]);
    expect([...none]).toEqual([...plain]);
  });

  it('orders pairs as a full comparator sort does, ties by columns', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 5000;
    const scores = Float64Array.from(
      { length: n },
      () => Math.round(rnd() * 40 - 20) / 4,
    );
    const a = Array.from({ length: n }, () => Math.floor(rnd() * 300));
    const b = Array.from({ length: n }, () => Math.floor(rnd() * 300));
    const expected = Array.from({ length: n }, (_, k) => k).sort(
      (x, y) => scores[y] - scores[x] || a[x] - a[y] || b[x] - b[y],
    );
    const order = [...bestFirst(scores, { a, b })];
    expect(order.map(k => [scores[k], a[k], b[k]])).toEqual(
      expected.map(k => [scores[k], a[k], b[k]]),
    );
  });
});
