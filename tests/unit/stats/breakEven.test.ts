import { describe, expect, it } from 'vitest';
import { breakEvens, type SweptPoint } from '../../../src/lib/stats/breakEven.ts';

const curve = (xs: number[], f: (x: number) => number, half = 0.01): SweptPoint[] => xs.map((x) => ({ x, mean: f(x), lo: f(x) - half, hi: f(x) + half }));

describe('breakEvens(points)', () => {
  it('finds where a rising line crosses zero, by interpolation between the bracketing points', () => {
    // mean = 0.2·x − 0.5 on x = 0, 1, …, 5: zero at x = 2.5, between 2 (−0.1) and 3 (+0.1).
    const flips = breakEvens(curve([0, 1, 2, 3, 4, 5], (x) => 0.2 * x - 0.5));
    expect(flips).toHaveLength(1);
    expect(flips[0].x).toBeCloseTo(2.5, 12);
    expect(flips[0]).toMatchObject({ from: 2, to: 3, direction: 'up', clear: true });
  });

  it('interpolates on an uneven grid and a falling curve', () => {
    // Points (1, 0.3) and (4, −0.6): the line through them is 0 at 1 + 0.3·3/0.9 = 2.
    const flips = breakEvens([
      { x: 0, mean: 0.5 },
      { x: 1, mean: 0.3 },
      { x: 4, mean: -0.6 },
      { x: 8, mean: -0.7 },
    ]);
    expect(flips).toHaveLength(1);
    expect(flips[0].x).toBeCloseTo(2, 12);
    expect(flips[0]).toMatchObject({ from: 1, to: 4, direction: 'down', clear: false });
  });

  it('says there is no flip when the curve stays on one side, touching zero or not', () => {
    expect(breakEvens(curve([0, 1, 2, 3], (x) => 0.1 + x))).toEqual([]);
    expect(breakEvens(curve([0, 1, 2, 3], (x) => -1 - x * x))).toEqual([]);
    expect(breakEvens([{ x: 0, mean: 0.2 }, { x: 1, mean: 0 }, { x: 2, mean: 0.3 }])).toEqual([]);
    // A zero at an end of the range is a tie there, not a flip within it.
    expect(breakEvens([{ x: 0, mean: 0 }, { x: 1, mean: 0.3 }, { x: 2, mean: 0.4 }])).toEqual([]);
  });

  it('finds both crossings of a curve that crosses twice', () => {
    // (x − 1.5)(x − 4.5): crosses at 1.5 and 4.5, both halfway between grid points of a symmetric parabola.
    const flips = breakEvens(curve([0, 1, 2, 3, 4, 5, 6], (x) => (x - 1.5) * (x - 4.5)));
    expect(flips.map((f) => f.direction)).toEqual(['down', 'up']);
    expect(flips[0]).toMatchObject({ from: 1, to: 2 });
    expect(flips[1]).toMatchObject({ from: 4, to: 5 });
    // Linear interpolation, not the parabola's roots: f(1) = 1.75, f(2) = −1.25 → 1 + 1.75/3 = 19/12; symmetric: 6 − 19/12.
    expect(flips[0].x).toBeCloseTo(19 / 12, 12);
    expect(flips[1].x).toBeCloseTo(6 - 19 / 12, 12);
  });

  it('returns a grid point whose mean is exactly zero, once', () => {
    const flips = breakEvens([
      { x: 0, mean: -0.4 },
      { x: 0.5, mean: 0 },
      { x: 1, mean: 0.4 },
    ]);
    expect(flips).toEqual([{ x: 0.5, from: 0, to: 1, direction: 'up', clear: false }]);
    // A run of zeros: its middle.
    expect(breakEvens([{ x: 0, mean: 1 }, { x: 1, mean: 0 }, { x: 2, mean: 0 }, { x: 4, mean: -1 }])[0].x).toBe(1.5);
  });

  it('skips points with no estimate and rejects a grid that does not rise', () => {
    const flips = breakEvens([{ x: 0, mean: -1 }, { x: 1, mean: NaN }, { x: 2, mean: 1 }]);
    expect(flips[0]).toMatchObject({ x: 1, from: 0, to: 2 });
    expect(() => breakEvens([{ x: 1, mean: 0.1 }, { x: 1, mean: 0.2 }])).toThrow(RangeError);
  });
});
