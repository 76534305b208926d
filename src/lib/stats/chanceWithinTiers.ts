import { spearman } from './spearman.ts';

export interface TierChance {
  tier: string;
  /** Rows of the tier with a finite score and outcome (and size, when given). */
  n: number;
  /** Spearman's ρ of score and outcome within the tier; with `size`, the partial ρ with size held fixed. */
  rho: number;
  /** The plain ρ, whether or not size is held fixed (to show what the confound alone does). */
  raw: number;
  /** 2.5 / √(n − 1): about 2.5 standard errors of ρ under no association. */
  threshold: number;
  /** |ρ| below the threshold: the score ranks the outcome no better (and no worse) than chance within the tier. */
  chance: boolean;
}

/**
 * Does a score carry no information about an outcome once size is held fixed? Spearman's ρ of
 * score and outcome within each group (size tier), against the threshold 2.5/√(n − 1) for the n
 * rows of the group (pool several seeds' rows into one call to gain power). A leak that the size
 * confound hides across tiers (niche accounts are smaller) shows within them. A tier still spans a
 * tenfold range of followers, so with `size` the ρ judged is the partial rank correlation with
 * size held fixed inside the tier, (ρ_so − ρ_sz·ρ_oz) / √((1 − ρ_sz²)(1 − ρ_oz²)), which is 0 for
 * a score that knows nothing beyond size. A group with fewer than 4 usable rows gets ρ NaN and
 * chance false. Groups come in order of first appearance.
 */
export function chanceWithinTiers(
  tier: ArrayLike<string>,
  score: ArrayLike<number | null>,
  outcome: ArrayLike<number | null>,
  { size, z = 2.5 }: { size?: ArrayLike<number | null>; z?: number } = {},
): TierChance[] {
  if (tier.length !== score.length || score.length !== outcome.length || (size && size.length !== tier.length)) {
    throw new RangeError('tier, score, outcome and size differ in length');
  }
  const ok = (v: number | null | undefined) => v != null && Number.isFinite(v);
  const rows = new Map<string, number[]>();
  for (let i = 0; i < tier.length; i++) {
    if (!ok(score[i]) || !ok(outcome[i]) || (size && !ok(size[i]))) continue;
    (rows.get(tier[i]) ?? rows.set(tier[i], []).get(tier[i])!).push(i);
  }
  return [...rows].map(([name, idx]) => {
    const n = idx.length;
    const col = (v: ArrayLike<number | null>) => Float64Array.from(idx, (i) => v[i] as number);
    const raw = n >= 4 ? spearman(col(score), col(outcome)) : NaN;
    let rho = raw;
    if (size && n >= 4) {
      const sz = spearman(col(score), col(size));
      const oz = spearman(col(outcome), col(size));
      rho = (raw - sz * oz) / Math.sqrt((1 - sz * sz) * (1 - oz * oz));
    }
    const threshold = n >= 2 ? z / Math.sqrt(n - 1) : NaN;
    return { tier: name, n, rho, raw, threshold, chance: Math.abs(rho) < threshold };
  });
}
