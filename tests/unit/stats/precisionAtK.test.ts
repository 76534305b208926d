import { describe, expect, it } from 'vitest';
import { precisionAtK } from '../../../src/lib/stats/precisionAtK.ts';

describe('precisionAtK(score, outcome, k)', () => {
  it.each([
    // top 2 by score {0, 1}, by outcome {1, 2} → 1 shared of 2
    ['hand-worked', [5, 4, 3, 2, 1], [1, 5, 4, 0, 0], 2, 0.5],
    ['same order', [5, 4, 3, 2, 1], [50, 40, 30, 20, 10], 3, 1],
    // top 3 by score {0, 1, 2}, by outcome {4, 3, 2} → {2}
    ['reversed order', [5, 4, 3, 2, 1], [1, 2, 3, 4, 5], 3, 1 / 3],
    ['k = n is always 1', [1, 2, 3], [3, 1, 2], 3, 1],
    ['k above n is capped at n', [1, 2, 3], [3, 1, 2], 10, 1],
    ['fractional k is floored', [5, 4, 3, 2, 1], [1, 5, 4, 0, 0], 2.9, 0.5],
    // all scores tied: ties broken by index → top 2 is {0, 1}; outcome top 2 is {2, 3}
    ['score ties are broken by index', [1, 1, 1, 1], [0, 0, 5, 5], 2, 0],
    // outcome ties broken by index → outcome top 1 is {0}
    ['outcome ties are broken by index', [1, 2, 0], [7, 7, 0], 1, 0],
    // NaN score goes last → score top 2 is {1, 2}; outcome top 2 is {0, 1}
    ['a missing score ranks last', [NaN, 3, 2], [9, 8, 0], 2, 0.5],
    ['a missing outcome ranks last', [3, 2, 1], [null, 8, 7], 2, 0.5],
    ['one element', [1], [1], 1, 1],
  ] as [string, (number | null)[], (number | null)[], number, number][])('%s', (_name, score, outcome, k, expected) => {
    expect(precisionAtK(score, outcome, k)).toBeCloseTo(expected, 15);
  });

  it.each([
    ['empty', [], [], 1],
    ['k = 0', [1, 2], [1, 2], 0],
    ['k negative', [1, 2], [1, 2], -1],
    ['k NaN', [1, 2], [1, 2], NaN],
  ] as [string, number[], number[], number][])('is NaN for %s', (_name, score, outcome, k) => {
    expect(precisionAtK(score, outcome, k)).toBeNaN();
  });

  it('throws when the lengths differ', () => {
    expect(() => precisionAtK([1, 2], [1], 1)).toThrow(RangeError);
  });
});
