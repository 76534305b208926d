import type { Interval } from './bootstrap.ts';
import { spearmanBootstrap } from './spearmanBootstrap.ts';
import { finitePairs } from './finitePairs.ts';
import { spearman } from './spearman.ts';

/** Above this many pairs a bootstrap (1,000 re-rankings) is too slow for a slider, and the normal approximation is accurate. */
export const BOOTSTRAP_LIMIT = 5000;

/**
 * Spearman's ρ with a 95% interval: a seeded percentile bootstrap (1,000 resamples unless told;
 * spearmanBootstrap.ts, the same as bootstrapInterval with spearman, faster) up to
 * BOOTSTRAP_LIMIT pairs; above it, Fisher's z with the Fieller–Hartley–Pearson standard error
 * 1.06/√(n − 3), which at such sizes agrees with the bootstrap to the second decimal. Pairs with
 * a missing value are dropped; lo and hi are NaN with fewer than 4 pairs or ρ undefined.
 */
export function spearmanInterval(x: ArrayLike<number | null>, y: ArrayLike<number | null>, { seed = 2012, samples = 1000 } = {}): Interval {
  const n = finitePairs(x, y).x.length;
  if (n <= BOOTSTRAP_LIMIT) return spearmanBootstrap(x, y, { samples, seed });
  const estimate = spearman(x, y);
  if (!Number.isFinite(estimate)) return { estimate, lo: NaN, hi: NaN };
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, estimate)));
  const se = 1.06 / Math.sqrt(n - 3);
  return { estimate, lo: Math.tanh(z - 1.959964 * se), hi: Math.tanh(z + 1.959964 * se) };
}
