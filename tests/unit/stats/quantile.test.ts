import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../src/lib/stats/quantile.ts';

describe('quantileSorted(sorted, p)', () => {
  it.each([
    // R type 7: h = (n − 1)p; [1, 2, 3, 4]: p = 0.5 → h = 1.5 → 2.5; p = 0.25 → h = 0.75 → 1.75
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[1, 2, 3, 4], -3, 1],
    [[1, 2, 3, 4], 7, 4],
    // 0..100: the p-quantile is 100p
    [Array.from({ length: 101 }, (_, i) => i), 0.025, 2.5],
    [[5], 0.3, 5],
    [[0, 0, 10], 0.75, 5],
  ])('quantileSorted(%j, %d) = %d', (sorted, p, expected) => {
    expect(quantileSorted(sorted, p)).toBeCloseTo(expected, 12);
  });

  it.each([
    [[], 0.5],
    [[1, 2], NaN],
  ])('is NaN for %j at %d', (sorted, p) => {
    expect(quantileSorted(sorted, p)).toBeNaN();
  });
});
