import { rng } from '../random.ts';
import type { BootstrapOptions, Interval } from './bootstrap.ts';
import { orderBy } from './orderBy.ts';
import { quantileSorted } from './quantile.ts';
import { spearman } from './spearman.ts';

/**
 * Is score a better ranking of y than score b? statistic(a, y) − statistic(b, y) (Spearman's ρ
 * unless told) with a seeded percentile bootstrap interval on the **same** resamples: each
 * resample draws rows (a, b, y together) with replacement and computes both statistics on it, so
 * what the two scores share (the same lucky or unlucky placements) cancels out of the
 * difference. Rows where a, b or y is null/NaN/±Infinity are dropped first, so both statistics
 * see the same rows; resamples where the difference is NaN are left out of the percentiles;
 * lo and hi are NaN with fewer than 3 rows or no finite resample. Throws RangeError on
 * mismatched lengths or invalid options.
 */
export function pairedDifferenceInterval(
  a: ArrayLike<number | null>,
  b: ArrayLike<number | null>,
  y: ArrayLike<number | null>,
  { samples = 1000, level = 0.95, seed = 1 }: BootstrapOptions = {},
  statistic: (x: ArrayLike<number>, y: ArrayLike<number>) => number = spearman,
): Interval {
  if (a.length !== y.length || b.length !== y.length) throw new RangeError(`a, b and y differ in length (${a.length}, ${b.length}, ${y.length})`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (!(Number.isInteger(samples) && samples >= 1)) throw new RangeError(`samples must be a positive integer, got ${samples}`);
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) if (finite(a[i]) && finite(b[i]) && finite(y[i])) keep.push(i);
  const n = keep.length;
  const pa = Float64Array.from(keep, (i) => a[i] as number);
  const pb = Float64Array.from(keep, (i) => b[i] as number);
  const py = Float64Array.from(keep, (i) => y[i] as number);
  const estimate = statistic(pa, py) - statistic(pb, py);
  if (n < 3) return { estimate, lo: NaN, hi: NaN };
  const u = rng(seed);
  // The resampling loop repeats bootstrap.ts's for three columns at once: a shared helper would put a call per item in the hottest loop.
  // Each resample is laid out in ascending order of y (its multiset of rows is what counts), so y's ranks come presorted.
  const byY = orderBy(py, 'ascending');
  const counts = new Uint32Array(n);
  const ra = new Float64Array(n);
  const rb = new Float64Array(n);
  const ry = new Float64Array(n);
  const stats = new Float64Array(samples);
  let m = 0;
  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[Math.floor(u() * n)]++;
    for (let i = 0, k = 0; i < n; i++) {
      const j = byY[i];
      for (let c = counts[j]; c > 0; c--, k++) {
        ra[k] = pa[j];
        rb[k] = pb[j];
        ry[k] = py[j];
      }
    }
    const v = statistic(ra, ry) - statistic(rb, ry);
    if (v === v) stats[m++] = v;
  }
  const sorted = stats.subarray(0, m).sort();
  const alpha = (1 - level) / 2;
  return { estimate, lo: quantileSorted(sorted, alpha), hi: quantileSorted(sorted, 1 - alpha) };
}

const finite = (v: number | null): boolean => v != null && Number.isFinite(v);
