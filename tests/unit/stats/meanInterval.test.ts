import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../src/lib/stats/meanInterval.ts';

describe('meanInterval(values)', () => {
  it('is the mean ± t(0.975, n − 1) · s / √n', () => {
    // 1..10: mean 5.5, s = √(110/12) = 3.0277, t(0.975, 9) = 2.262 → half-width 2.262 · 3.0277 / √10 = 2.1659.
    const r = meanInterval(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(r.mean).toBe(5.5);
    expect(r.hi - r.mean).toBeCloseTo(2.1659, 3);
    expect(r.mean - r.lo).toBeCloseTo(2.1659, 3);
    expect(r.n).toBe(10);
  });

  it('uses 1.96 beyond 30 values, leaves out non-finite ones, and degenerates gracefully', () => {
    const xs = Array.from({ length: 41 }, (_, i) => i % 2);
    const s = Math.sqrt(xs.reduce((a, x) => a + (x - 20 / 41) ** 2, 0) / 40);
    expect(meanInterval([...xs, NaN, Infinity]).hi - 20 / 41).toBeCloseTo((1.96 * s) / Math.sqrt(41), 12);
    expect(meanInterval([3])).toEqual({ mean: 3, lo: 3, hi: 3, n: 1 });
    expect(meanInterval([]).mean).toBeNaN();
  });
});
