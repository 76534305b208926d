import { describe, expect, it } from 'vitest';
import { integerKeys } from '../../../src/lib/stats/integerKeys.ts';

describe('integerKeys(values)', () => {
  it.each([
    ['whole numbers', [3, -2, 3, 0], [5, 0, 5, 2], 6],
    ['hundredths', [0.1, 0.07, 12.34, 0.1], [3, 0, 1227, 3], 1228],
    ['zero and minus zero share a key', [0, -0, 1], [0, 0, 1], 2],
    ['one element', [42.5], [0], 1],
  ] as [string, number[], number[], number][])('%s', (_name, values, keys, span) => {
    const k = integerKeys(values)!;
    expect(Array.from(k.keys)).toEqual(keys);
    expect(k.span).toBe(span);
  });

  it.each([
    ['empty', []],
    ['a NaN', [1, NaN]],
    ['a null', [1, null]],
    ['an infinity', [1, Infinity]],
    ['three decimals', [0.001, 1]],
    ['a range far wider than the count', [0, 1e7]],
    ['values past the 32-bit keys', [2 ** 40, 2 ** 40 + 1]],
  ] as [string, (number | null)[]][])('declines %s (the comparison sort takes over)', (_name, values) => {
    expect(integerKeys(values)).toBeNull();
  });
});
