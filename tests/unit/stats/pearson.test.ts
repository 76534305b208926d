import { describe, expect, it } from 'vitest';
import { pearson } from '../../../src/lib/stats/pearson.ts';

// Anscombe's quartet, data set I: r = 0.81642 (Anscombe 1973; scipy.stats.pearsonr gives 0.8164205163448395).
const anscombeX = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const anscombeY = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

describe('pearson(x, y)', () => {
  it.each([
    // x̄ = 3, ȳ = 4; Sxy = 6, Sxx = 10, Syy = 6 → 6 / √60
    ['hand-worked', [1, 2, 3, 4, 5], [2, 4, 5, 4, 5], 6 / Math.sqrt(60)],
    ["Anscombe's quartet I", anscombeX, anscombeY, 0.8164205163448395],
    ['perfect positive line', [1, 2, 3], [10, 20, 30], 1],
    ['perfect negative line', [1, 2, 3, 4], [8, 6, 4, 2], -1],
    // Sxy = (−1)(1) + 0·(−2) + 1·1 = 0
    ['uncorrelated', [1, 2, 3], [1, -2, 1].map((d) => d + 5), 0],
    ['huge values do not overflow', [1e200, 2e200, 3e200], [3e300, 1e300, 2e300], -0.5],
    ['tiny values do not underflow', [1e-200, 2e-200, 3e-200], [1, 2, 3], 1],
  ])('%s', (_name, x, y, expected) => {
    expect(pearson(x, y)).toBeCloseTo(expected, 12);
  });

  it('ignores pairs with a missing value', () => {
    expect(pearson([1, null, 2, 3, 4, NaN, 5], [2, 100, 4, 5, 4, 7, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(pearson([1, 2, Infinity, 3], [1, 2, 0, 3])).toBeCloseTo(1, 12);
  });

  it.each([
    ['empty', [], []],
    ['one pair', [1], [2]],
    ['two pairs', [1, 2], [2, 1]],
    ['two valid pairs among missing', [1, 2, NaN, null], [1, 2, 3, 4]],
    ['constant x', [4, 4, 4, 4], [1, 2, 3, 4]],
    ['constant y', [1, 2, 3], [0.1, 0.1, 0.1]],
  ] as [string, (number | null)[], (number | null)[]][])('is NaN for %s', (_name, x, y) => {
    expect(pearson(x, y)).toBeNaN();
  });

  it('throws when the lengths differ', () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});
