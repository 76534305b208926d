import { describe, expect, it } from 'vitest';
import { pairedDifferenceInterval } from '../../../src/lib/stats/pairedDifference.ts';
import { bootstrapInterval } from '../../../src/lib/stats/bootstrap.ts';
import { spearman } from '../../../src/lib/stats/spearman.ts';
import { normal, rng } from '../../../src/lib/random.ts';

/** Spearman's ρ computed the textbook way, independently of src/lib/stats: average ranks, then Pearson. */
function naiveSpearman(x: number[], y: number[]): number {
  const ranks = (v: number[]) => v.map((a) => v.filter((b) => b < a).length + (v.filter((b) => b === a).length + 1) / 2);
  const rx = ranks(x);
  const ry = ranks(y);
  const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Three correlated normal columns: y, and two scores with correlations ra and rb with y (and with each other through y). */
function sample(n: number, ra: number, rb: number, seed: number) {
  const u = rng(seed);
  const y: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = normal(u);
    y.push(z);
    a.push(ra * z + Math.sqrt(1 - ra * ra) * normal(u));
    b.push(rb * z + Math.sqrt(1 - rb * rb) * normal(u));
  }
  return { a, b, y };
}

describe('pairedDifferenceInterval(a, b, y)', () => {
  it('equals a naive re-computation: the same resampled rows for both scores, percentiles of the differences', () => {
    const { a, b, y } = sample(40, 0.6, 0.3, 3);
    const samples = 200;
    const got = pairedDifferenceInterval(a, b, y, { samples, seed: 17 });
    // Independently: draw each resample's row indices from the same seeded generator, ρ by hand.
    const u = rng(17);
    const diffs: number[] = [];
    for (let s = 0; s < samples; s++) {
      const rows = Array.from({ length: a.length }, () => Math.floor(u() * a.length));
      diffs.push(naiveSpearman(rows.map((j) => a[j]), rows.map((j) => y[j])) - naiveSpearman(rows.map((j) => b[j]), rows.map((j) => y[j])));
    }
    diffs.sort((p, q) => p - q);
    const q = (p: number) => {
      const h = (samples - 1) * p;
      const i = Math.floor(h);
      return diffs[i] + (diffs[i + 1] - diffs[i]) * (h - i);
    };
    expect(got.estimate).toBeCloseTo(naiveSpearman(a, y) - naiveSpearman(b, y), 12);
    expect(got.lo).toBeCloseTo(q(0.025), 12);
    expect(got.hi).toBeCloseTo(q(0.975), 12);
  });

  it('covers the true difference about 95% of the time (bivariate normal: ρ_s = 6/π · asin(r/2))', () => {
    const truth = (6 / Math.PI) * (Math.asin(0.6 / 2) - Math.asin(0.4 / 2));
    let covered = 0;
    const reps = 80;
    for (let r = 0; r < reps; r++) {
      const { a, b, y } = sample(150, 0.6, 0.4, 100 + r);
      const ci = pairedDifferenceInterval(a, b, y, { samples: 250, seed: r + 1 });
      if (ci.lo <= truth && truth <= ci.hi) covered++;
    }
    // Binomial(80, 0.95): 76 ± 1.9; a percentile bootstrap at n = 150 undercovers slightly.
    expect(covered / reps).toBeGreaterThan(0.87);
    expect(covered / reps).toBeLessThanOrEqual(1);
  }, 30_000);

  it('is narrower than the two separate intervals when the scores share their noise', () => {
    // b is a plus a little noise: separately each ρ is uncertain, their difference hardly at all.
    const { a, y } = sample(300, 0.5, 0, 8);
    const u = rng(9);
    const b = a.map((v) => v + 0.3 * normal(u));
    const paired = pairedDifferenceInterval(a, b, y, { samples: 400, seed: 2 });
    const ia = bootstrapInterval(a, y, spearman, { samples: 400, seed: 2 });
    const ib = bootstrapInterval(b, y, spearman, { samples: 400, seed: 3 });
    expect(paired.hi - paired.lo).toBeLessThan((ia.hi - ia.lo) / 2);
    expect(paired.lo).toBeLessThanOrEqual(paired.estimate);
    expect(paired.hi).toBeGreaterThanOrEqual(paired.estimate);
    expect(ib.hi - ib.lo).toBeGreaterThan(0);
  });

  it('is exactly 0 for a score against itself, and 2 for y against −y', () => {
    const { a, y } = sample(50, 0.5, 0, 4);
    expect(pairedDifferenceInterval(a, a, y, { samples: 50 })).toEqual({ estimate: 0, lo: 0, hi: 0 });
    const d = pairedDifferenceInterval(y, y.map((v) => -v), y, { samples: 50 });
    expect(d.estimate).toBeCloseTo(2, 12);
    expect(d.lo).toBeCloseTo(2, 12);
    expect(d.hi).toBeCloseTo(2, 12);
  });

  it('drops rows where any column is missing, so both scores are judged on the same rows', () => {
    const { a, b, y } = sample(30, 0.5, 0.2, 5);
    const a2 = [...a, null, 1, 2];
    const b2 = [...b, 1, NaN, 2];
    const y2 = [...y, 1, 2, Infinity];
    expect(pairedDifferenceInterval(a2, b2, y2, { samples: 100, seed: 4 })).toEqual(pairedDifferenceInterval(a, b, y, { samples: 100, seed: 4 }));
  });

  it('has NaN bounds with fewer than 3 rows, and rejects bad input', () => {
    const r = pairedDifferenceInterval([1, 2], [2, 1], [1, 2]);
    expect(r.lo).toBeNaN();
    expect(r.hi).toBeNaN();
    expect(() => pairedDifferenceInterval([1, 2, 3], [1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => pairedDifferenceInterval([1, 2, 3], [1, 2, 3], [1, 2, 3], { samples: 0 })).toThrow(RangeError);
    expect(() => pairedDifferenceInterval([1, 2, 3], [1, 2, 3], [1, 2, 3], { level: 1 })).toThrow(RangeError);
  });
});
