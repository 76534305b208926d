import { describe, expect, it } from 'vitest';
import { finitePairs } from '../../../src/lib/stats/finitePairs.ts';

describe('finitePairs(x, y)', () => {
  it('keeps only pairs where both values are finite numbers', () => {
    const p = finitePairs([1, null, 3, NaN, 5, Infinity, 7], [10, 20, null, 40, 50, 60, -Infinity]);
    expect(Array.from(p.x)).toEqual([1, 5]);
    expect(Array.from(p.y)).toEqual([10, 50]);
  });

  it('gives empty arrays for empty input', () => {
    const p = finitePairs([], []);
    expect(p.x.length).toBe(0);
    expect(p.y.length).toBe(0);
  });

  it('throws when the lengths differ', () => {
    expect(() => finitePairs([1, 2], [1])).toThrow(RangeError);
  });
});
