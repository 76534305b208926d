import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_LIMIT, spearmanInterval } from '../../../src/lib/stats/spearmanInterval.ts';
import { bootstrapInterval } from '../../../src/lib/stats/bootstrap.ts';
import { spearman } from '../../../src/lib/stats/spearman.ts';

describe('spearmanInterval', () => {
  it('bootstraps up to the limit (same as bootstrapInterval with 1,000 resamples)', () => {
    const x = Array.from({ length: 50 }, (_, i) => i);
    const y = x.map((v) => (v * 37) % 50);
    expect(spearmanInterval(x, y, { seed: 5 })).toEqual(bootstrapInterval(x, y, spearman, { samples: 1000, seed: 5 }));
  });

  it('uses Fisher z above the limit, with the Fieller–Hartley–Pearson standard error', () => {
    const n = BOOTSTRAP_LIMIT + 1001; // 6001 pairs: se = 1.06 / √5998
    const x = Array.from({ length: n }, (_, i) => i);
    // y follows x with deterministic noise as large as a third of the range, so ρ is well inside (0, 1).
    const y = x.map((v) => v + ((v * 7919) % 2000));
    const r = spearman(x, y);
    const se = 1.06 / Math.sqrt(n - 3);
    const { estimate, lo, hi } = spearmanInterval(x, y);
    expect(estimate).toBe(r);
    expect(lo).toBeCloseTo(Math.tanh(Math.atanh(r) - 1.959964 * se), 12);
    expect(hi).toBeCloseTo(Math.tanh(Math.atanh(r) + 1.959964 * se), 12);
    expect(lo).toBeLessThan(r);
    expect(hi).toBeGreaterThan(r);
    expect(hi).toBeLessThan(1);
  });

  it('gives no interval where ρ is undefined (constant values) or pairs are too few', () => {
    const n = BOOTSTRAP_LIMIT + 10;
    const c = spearmanInterval(new Array(n).fill(1), Array.from({ length: n }, (_, i) => i));
    expect(Number.isNaN(c.lo) && Number.isNaN(c.hi)).toBe(true);
    const few = spearmanInterval([1, 2], [2, 1]);
    expect(Number.isNaN(few.lo)).toBe(true);
  });
});
