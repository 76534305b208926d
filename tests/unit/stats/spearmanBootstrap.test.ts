import { describe, expect, it } from 'vitest';
import { spearmanBootstrap } from '../../../src/lib/stats/spearmanBootstrap.ts';
import { bootstrapInterval } from '../../../src/lib/stats/bootstrap.ts';
import { spearman } from '../../../src/lib/stats/spearman.ts';
import { rng } from '../../../src/lib/random.ts';

const u = rng(11);
const noisy = Array.from({ length: 600 }, (_, i) => i + Math.floor(u() * 400));
const counts = Array.from({ length: 600 }, () => Math.floor(u() * 4)); // conversions: mostly ties

/** [what, x, y, options]: each must give bit for bit what the generic bootstrap with spearman gives. */
const CASES: [string, (number | null)[], (number | null)[], { samples?: number; seed?: number; level?: number }][] = [
  ['distinct values', Array.from({ length: 50 }, (_, i) => i), Array.from({ length: 50 }, (_, i) => (i * 37) % 50), { seed: 5 }],
  ['600 scores in hundredths against counts full of ties', noisy.map((v) => v / 100), counts, {}],
  ['scores with NaN, null and Infinity pairs (dropped)', [1, NaN, 3, null, 5, Infinity, 7, 2, 9, 4], [2, 1, null, 4, 3, 6, 5, 5, 8, 0], { samples: 300, seed: 2 }],
  ['heavy ties on both sides (resamples that are all ties are left out)', [1, 1, 1, 2, 2, 3], [5, 5, 6, 6, 7, 7], { samples: 500 }],
  ['a perfectly monotone relation', [1, 2, 3, 4, 5], [2, 4, 8, 16, 32], { samples: 200 }],
  ['three pairs', [3, 1, 2], [1, 2, 3], { samples: 100, seed: 9 }],
  ['negative, huge and fractional values, level 0.8', [-1e300, 2.5, 1e-9, 7, -3, 1e300, 0, 0.1], [1, 2, 3, 4, 5, 6, 7, 8], { level: 0.8, seed: 4 }],
  ['400 resamples (the scoreboard)', noisy.slice(0, 120), counts.slice(0, 120), { samples: 400, seed: 2012 }],
];

describe('spearmanBootstrap: the Spearman bootstrap without re-ranking each resample', () => {
  for (const [what, x, y, options] of CASES) {
    it(`equals bootstrapInterval(x, y, spearman) exactly: ${what}`, () => {
      expect(spearmanBootstrap(x, y, options)).toEqual(bootstrapInterval(x, y, spearman, options));
    });
  }

  it('gives no interval with fewer than 3 pairs, and NaN everywhere for a constant side', () => {
    expect(spearmanBootstrap([1, 2], [2, 1])).toEqual({ estimate: NaN, lo: NaN, hi: NaN });
    const constant = spearmanBootstrap([4, 4, 4, 4], [1, 2, 3, 4]);
    expect([constant.estimate, constant.lo, constant.hi].every(Number.isNaN)).toBe(true);
  });

  it('refuses bad options as bootstrapInterval does, and mismatched lengths', () => {
    expect(() => spearmanBootstrap([1, 2, 3], [1, 2, 3], { level: 1 })).toThrow(RangeError);
    expect(() => spearmanBootstrap([1, 2, 3], [1, 2, 3], { samples: 0 })).toThrow(RangeError);
    expect(() => spearmanBootstrap([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});
