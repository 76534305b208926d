import { describe, expect, it } from 'vitest';
import { orderBy } from '../../../src/lib/stats/orderBy.ts';

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
});
