import { describe, expect, it } from 'vitest';
import { orderBy } from '../../../src/lib/stats/orderBy.ts';
import { rng } from '../../../src/lib/random.ts';

describe('orderBy(values, direction)', () => {
  it.each([
    ['empty', [], 'descending', []],
    ['one element', [5], 'descending', [0]],
    ['descending by default', [1, 3, 2], undefined, [1, 2, 0]],
    ['ascending', [1, 3, 2], 'ascending', [0, 2, 1]],
    ['ties keep index order, descending', [2, 5, 2, 5], 'descending', [1, 3, 0, 2]],
    ['ties keep index order, ascending', [2, 5, 2, 5], 'ascending', [0, 2, 1, 3]],
    ['null and NaN last, in index order', [NaN, 1, null, 3], 'descending', [3, 1, 0, 2]],
    ['null and NaN last when ascending too', [NaN, 1, null, 3], 'ascending', [1, 3, 0, 2]],
    ['infinities are ordered', [0, -Infinity, Infinity], 'descending', [2, 0, 1]],
    ['huge values', [1e308, -1e308, 1.7976931348623157e308], 'descending', [2, 0, 1]],
  ] as [string, (number | null)[], 'ascending' | 'descending' | undefined, number[]][])(
    '%s',
    (_name, values, direction, expected) => {
      expect(Array.from(orderBy(values, direction))).toEqual(expected);
    },
  );

  // Whole numbers and hundredths take the counting-sort path; a comparator sort is the reference.
  it.each([
    ['scores rounded to hundredths, many ties', (u: () => number) => Math.round(u() * 300) / 100],
    ['negative whole numbers', (u: () => number) => -Math.floor(u() * 40)],
    ['counts with a long tail', (u: () => number) => Math.floor(u() ** 6 * 5000)],
    ['three decimals (the general path)', (u: () => number) => Math.round(u() * 3000) / 1000],
  ] as [string, (u: () => number) => number][])('agrees with a comparator sort on %s, both directions', (_name, draw) => {
    const u = rng(5, 1);
    const v = Array.from({ length: 2000 }, () => draw(u));
    for (const direction of ['descending', 'ascending'] as const) {
      const sign = direction === 'ascending' ? 1 : -1;
      const reference = v.map((_, i) => i).sort((a, b) => (v[a] - v[b]) * sign || a - b);
      expect(Array.from(orderBy(v, direction))).toEqual(reference);
    }
  });
});
