import { describe, expect, it } from 'vitest';
import { rSquared } from '../../../src/lib/stats/rSquared.ts';

describe('rSquared(x, y)', () => {
  it.each([
    // Line ŷ = 2.2 + 0.6x; residuals −0.8, 0.6, 1, −0.6, −0.2 → SS_res = 2.4; SS_tot = 6 → 1 − 2.4/6 = 0.6
    ['hand-worked', [1, 2, 3, 4, 5], [2, 4, 5, 4, 5], 0.6],
    // Anscombe's quartet I: R² = 0.6665 (scipy.stats.linregress rvalue² = 0.666542459508775)
    [
      "Anscombe's quartet I",
      [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5],
      [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68],
      0.666542459508775,
    ],
    ['exact line', [0, 1, 2, 3], [5, 3, 1, -1], 1],
    // Sxy = 0 → slope 0 → SS_res = SS_tot
    ['no linear relation', [1, 2, 3], [6, 4, 6], 0],
    ['huge values', [1e200, 2e200, 3e200, 4e200, 5e200], [2e300, 4e300, 5e300, 4e300, 5e300], 0.6],
  ])('%s', (_name, x, y, expected) => {
    expect(rSquared(x, y)).toBeCloseTo(expected, 12);
  });

  it('ignores pairs with a missing value', () => {
    expect(rSquared([1, 2, null, 3, 4, 5, NaN], [2, 4, 9, 5, 4, 5, 1])).toBeCloseTo(0.6, 12);
  });

  it.each([
    ['empty', [], []],
    ['two pairs', [1, 2], [3, 5]],
    ['constant x', [2, 2, 2], [1, 2, 3]],
    ['constant y', [1, 2, 3], [7, 7, 7]],
  ] as [string, number[], number[]][])('is NaN for %s', (_name, x, y) => {
    expect(rSquared(x, y)).toBeNaN();
  });

  it('throws when the lengths differ', () => {
    expect(() => rSquared([1], [])).toThrow(RangeError);
  });
});
