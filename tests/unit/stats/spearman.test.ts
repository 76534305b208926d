import { describe, expect, it } from 'vitest';
import { spearman } from '../../../src/lib/stats/spearman.ts';

// Wikipedia, "Spearman's rank correlation coefficient", worked example (IQ vs hours of TV): ρ = −29/165.
const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];

describe('spearman(x, y)', () => {
  it.each([
    ['the Wikipedia IQ / TV example (no ties)', iq, tv, -29 / 165],
    // scipy.stats.spearmanr docs: spearmanr([1,2,3,4,5], [5,6,7,8,7]) = 0.8207826816681233 = 8/√95
    ['the scipy example with a tie', [1, 2, 3, 4, 5], [5, 6, 7, 8, 7], 8 / Math.sqrt(95)],
    // ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]: Sxy = 4.5, Sxx = 4.5, Syy = 5 → √0.9
    ['hand-worked ties in x', [1, 2, 2, 3], [1, 3, 2, 4], Math.sqrt(0.9)],
    // ties on both sides; scipy.stats.spearmanr gives 0.9256265453136692
    ['ties on both sides', [2, 4, 4, 4, 7, 8, 8, 9], [1, 3, 2, 3, 5, 5, 9, 8], 0.9256265453136692],
    ['monotone but not linear is 1', [1, 2, 3, 4], [1, 10, 100, 1e6], 1],
    ['reversed is −1', [1, 2, 3, 4, 5], [50, 40, 30, 20, 10], -1],
    ['huge values', [1e308, -1e308, 1.5e308], [1, 0, 2], 1],
  ])('%s', (_name, x, y, expected) => {
    expect(spearman(x, y)).toBeCloseTo(expected, 12);
  });

  it('differs from pearson on a monotone curve (it uses ranks)', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 2, 3, 4, 1000])).toBe(1);
  });

  it('ignores pairs with a missing value before ranking', () => {
    // Without the dropped pairs this is the scipy example above.
    const x = [1, NaN, 2, 3, null, 4, 5, 6];
    const y = [5, 1, 6, 7, 0, 8, 7, Infinity];
    expect(spearman(x, y)).toBeCloseTo(8 / Math.sqrt(95), 12);
  });

  it.each([
    ['empty', [], []],
    ['one pair', [3], [4]],
    ['two pairs', [1, 2], [1, 2]],
    ['all x tied', [5, 5, 5, 5], [1, 2, 3, 4]],
    ['only missing', [NaN, null, NaN], [1, 2, 3]],
  ] as [string, (number | null)[], (number | null)[]][])('is NaN for %s', (_name, x, y) => {
    expect(spearman(x, y)).toBeNaN();
  });

  it('throws when the lengths differ', () => {
    expect(() => spearman([1, 2, 3], [1, 2, 3, 4])).toThrow(RangeError);
  });
});
