import { describe, expect, it } from 'vitest';
import { perObject } from './perObject';

describe('perObject', () => {
  it('computes once per key object, undefined results included', () => {
    const calls: object[] = [];
    const memo = perObject((key: { n: number }) => {
      calls.push(key);
      return key.n > 0 ? key.n * 2 : undefined;
    });
    const a = { n: 2 };
    const zero = { n: 0 };
    expect([memo(a), memo(a), memo({ n: 2 })]).toEqual([4, 4, 4]);
    expect([memo(zero), memo(zero)]).toEqual([undefined, undefined]);
    expect(calls).toHaveLength(3);
  });
});
