import { rng } from '../random.ts';
import { finitePairs } from './finitePairs.ts';
import { orderBy } from './orderBy.ts';
import { quantileSorted } from './quantile.ts';

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  samples?: number;
  /** Coverage of the interval, in (0, 1) (default 0.95). */
  level?: number;
  /** Seed of the resampling (default 1). */
  seed?: number;
}

export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
}

/** What a pairs bootstrap starts from: the finite pairs, the estimate on them all, and (with 3 pairs or more) the seeded generator and the pairs' order by x. Throws RangeError on invalid options. */
export function bootstrapStart(
  x: ArrayLike<number | null>,
  y: ArrayLike<number | null>,
  statistic: (x: Float64Array, y: Float64Array) => number,
  { samples = 1000, level = 0.95, seed = 1 }: BootstrapOptions,
) {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (!(Number.isInteger(samples) && samples >= 1)) throw new RangeError(`samples must be a positive integer, got ${samples}`);
  const p = finitePairs(x, y);
  const estimate = statistic(p.x, p.y);
  const enough = p.x.length >= 3;
  return { p, n: p.x.length, estimate, samples, level, u: enough ? rng(seed) : null, byX: enough ? orderBy(p.x, 'ascending') : null };
}

/** The percentile interval of the first `m` resampled statistics (sorted here), around `estimate`. */
export function percentileInterval(estimate: number, stats: Float64Array, m: number, level: number): Interval {
  const sorted = stats.subarray(0, m).sort();
  const alpha = (1 - level) / 2;
  return { estimate, lo: quantileSorted(sorted, alpha), hi: quantileSorted(sorted, 1 - alpha) };
}

/**
 * A seeded percentile bootstrap interval of statistic(x, y), resampling pairs with replacement.
 * Pairs with a null/NaN/±Infinity value are dropped first; the estimate is the statistic on all
 * remaining pairs; resamples where the statistic is NaN are left out of the percentiles; lo and hi
 * are NaN with fewer than 3 pairs or no finite resample. The statistic receives reused buffers (it
 * must not keep them) holding the resampled pairs in ascending order of x, which makes rank
 * statistics cheaper; it must not depend on the order of the pairs. Throws RangeError on mismatched lengths or invalid options.
 */
export function bootstrapInterval(
  x: ArrayLike<number | null>,
  y: ArrayLike<number | null>,
  statistic: (x: Float64Array, y: Float64Array) => number,
  options: BootstrapOptions = {},
): Interval {
  const { p, n, estimate, samples, level, u, byX } = bootstrapStart(x, y, statistic, options);
  if (!u || !byX) return { estimate, lo: NaN, hi: NaN };
  const counts = new Uint32Array(n);
  const xb = new Float64Array(n);
  const yb = new Float64Array(n);
  const stats = new Float64Array(samples);
  let m = 0;
  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(u() * n)]++;
    for (let i = 0, k = 0; i < n; i++) {
      const j = byX[i];
      for (let c = counts[j]; c > 0; c--, k++) {
        xb[k] = p.x[j];
        yb[k] = p.y[j];
      }
    }
    const v = statistic(xb, yb);
    if (v === v) stats[m++] = v;
  }
  return percentileInterval(estimate, stats, m, level);
}
