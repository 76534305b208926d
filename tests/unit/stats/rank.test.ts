import { describe, expect, it } from 'vitest';
import { rng } from '../../../src/lib/random.ts';
import { rank } from '../../../src/lib/stats/rank.ts';

// The definition, O(n²): values below, plus the middle of the run of equal values.
function bruteRank(values: number[]): number[] {
  return values.map((v) => {
    let below = 0;
    let equal = 0;
    for (const w of values) {
      if (w < v) below++;
      else if (w === v) equal++;
    }
    return below + (equal + 1) / 2;
  });
}

const list = (a: Float64Array) => Array.from(a);

describe('rank(values)', () => {
  it.each([
    ['empty', [], []],
    ['one element', [42], [1]],
    ['distinct values', [30, 10, 20], [3, 1, 2]],
    ['a pair of ties shares the mean of ranks 2 and 3', [1, 5, 5, 9], [1, 2.5, 2.5, 4]],
    ['all tied', [7, 7, 7], [2, 2, 2]],
    // scipy.stats.rankdata([2, 4, 4, 4, 7, 8, 8, 9]) (method "average")
    ['a triple tie', [2, 4, 4, 4, 7, 8, 8, 9], [1, 3, 3, 3, 5, 6.5, 6.5, 8]],
    ['negative numbers and zeros', [-1, 0, -0, -5], [2, 3.5, 3.5, 1]],
    ['infinities are ranked', [Infinity, 0, -Infinity], [3, 2, 1]],
    ['huge values', [1e308, -1e308, 1.7e308], [2, 1, 3]],
    ['NaN and null stay NaN and are not counted', [3, NaN, 1, null, 2], [3, NaN, 1, NaN, 2]],
    ['only NaN', [NaN, NaN], [NaN, NaN]],
  ] as [string, (number | null)[], number[]][])('%s', (_name, values, expected) => {
    expect(list(rank(values))).toEqual(expected);
  });

  it('ranks a typed array and does not modify it', () => {
    const v = new Float64Array([0.3, 0.1, 0.2]);
    expect(list(rank(v))).toEqual([3, 1, 2]);
    expect(list(v)).toEqual([0.3, 0.1, 0.2]);
  });

  it('ranks of n distinct values sum to n(n+1)/2 even with ties', () => {
    const v = [5, 3, 5, 1, 3, 5, 9, 0, 0, 2];
    expect(list(rank(v)).reduce((a, b) => a + b, 0)).toBe((10 * 11) / 2);
  });

  it.each([
    ['random with many ties', 1000, (u: () => number, _i: number) => Math.floor(u() * 50)],
    ['random continuous', 2000, (u: () => number, _i: number) => u() * 2 - 1],
    ['ascending', 300, (_u: () => number, i: number) => i],
    ['descending', 300, (_u: () => number, i: number) => -i],
    ['all equal', 100, () => 3],
    ['two values', 257, (u: () => number) => (u() < 0.5 ? 0 : 1)],
    ['hundredths with ties (the counting-sort path)', 3000, (u: () => number) => Math.round(u() * 500 - 250) / 100],
    ['counts with a long tail (the counting-sort path)', 3000, (u: () => number) => Math.floor(u() ** 6 * 10000)],
  ] as [string, number, (u: () => number, i: number) => number][])(
    'agrees with the brute-force definition on %s',
    (_name, n, draw) => {
      const u = rng(11, n);
      const v = Array.from({ length: n }, (_, i) => draw(u, i));
      expect(list(rank(v))).toEqual(bruteRank(v));
    },
  );
});
