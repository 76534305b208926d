import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from '../../../src/lib/stats/bootstrap.ts';
import { spearman } from '../../../src/lib/stats/spearman.ts';

const meanOfX = (x: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
};

describe('bootstrapInterval(x, y, statistic, options)', () => {
  it('matches the normal theory interval for a mean', () => {
    // x = 0..99: mean 49.5, plug-in sd √((100² − 1)/12) = 28.866, standard error 2.8866,
    // so the 95% interval is close to 49.5 ± 1.96 · 2.8866 = [43.84, 55.16].
    const x = Array.from({ length: 100 }, (_, i) => i);
    const r = bootstrapInterval(x, x, meanOfX, { samples: 4000, seed: 7 });
    const half = 1.96 * Math.sqrt((100 * 100 - 1) / 12 / 100);
    expect(r.estimate).toBe(49.5);
    expect(r.lo).toBeCloseTo(49.5 - half, 0);
    expect(r.hi).toBeCloseTo(49.5 + half, 0);
  });

  it('narrows the interval when the level is lower', () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    const wide = bootstrapInterval(x, x, meanOfX, { level: 0.95 });
    const narrow = bootstrapInterval(x, x, meanOfX, { level: 0.5 });
    expect(narrow.lo).toBeGreaterThan(wide.lo);
    expect(narrow.hi).toBeLessThan(wide.hi);
  });

  it('gives [1, 1] for a perfectly monotone relation (resamples that are all ties are left out)', () => {
    const r = bootstrapInterval([1, 2, 3, 4, 5], [2, 4, 8, 16, 32], spearman, { samples: 200 });
    expect(r).toEqual({ estimate: 1, lo: 1, hi: 1 });
  });

  it('is reproducible for a seed and changes with the seed', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
    const y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4];
    const a = bootstrapInterval(x, y, spearman, { seed: 3 });
    const b = bootstrapInterval(x, y, spearman, { seed: 3 });
    const c = bootstrapInterval(x, y, spearman, { seed: 4 });
    expect(a).toEqual(b);
    expect([c.lo, c.hi]).not.toEqual([a.lo, a.hi]);
    expect(a.estimate).toBe(spearman(x, y));
    expect(a.lo).toBeLessThan(a.estimate);
    expect(a.hi).toBeGreaterThan(a.estimate);
  });

  it('resamples with replacement, so a mean of distinct values varies', () => {
    const r = bootstrapInterval([0, 1, 2, 3], [0, 1, 2, 3], meanOfX, { samples: 500 });
    expect(r.hi - r.lo).toBeGreaterThan(0.5);
  });

  it('drops pairs with a missing value before resampling', () => {
    const seen: number[] = [];
    const statistic = (x: ArrayLike<number>) => {
      for (let i = 0; i < x.length; i++) seen.push(x[i]);
      return meanOfX(x);
    };
    const r = bootstrapInterval([1, NaN, 2, 3, null, 4], [1, 1, 1, Infinity, 1, 1], statistic, { samples: 50 });
    expect(new Set(seen)).toEqual(new Set([1, 2, 4]));
    expect(r.estimate).toBeCloseTo(7 / 3, 12);
  });

  it.each([
    ['empty', [], []],
    ['two pairs', [1, 2], [1, 2]],
    ['two valid pairs', [1, 2, NaN], [1, 2, 3]],
  ] as [string, number[], number[]][])('gives NaN bounds for %s', (_name, x, y) => {
    const r = bootstrapInterval(x, y, spearman);
    expect(r.lo).toBeNaN();
    expect(r.hi).toBeNaN();
    expect(r.estimate).toBeNaN();
  });

  it('gives NaN bounds when every resample is NaN', () => {
    const r = bootstrapInterval([1, 1, 1, 1], [1, 2, 3, 4], spearman);
    expect(r).toEqual({ estimate: NaN, lo: NaN, hi: NaN });
  });

  it.each([
    [{ level: 0 }],
    [{ level: 1 }],
    [{ level: NaN }],
    [{ samples: 0 }],
    [{ samples: 2.5 }],
  ])('rejects %j', (options) => {
    expect(() => bootstrapInterval([1, 2, 3], [1, 2, 3], spearman, options)).toThrow(RangeError);
  });
});
