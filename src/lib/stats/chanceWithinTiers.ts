import { spearman } from './spearman.ts';

export interface TierChance {
  tier: string;
  /** Rows of the tier with a finite score and outcome. */
  n: number;
  rho: number;
  /** 2.5 / √(n − 1): about 2.5 standard errors of ρ under no association. */
  threshold: number;
  /** |ρ| below the threshold: the score ranks the outcome no better (and no worse) than chance within the tier. */
  chance: boolean;
}

/**
 * Does a score carry no information about an outcome once size is held roughly fixed? Spearman's ρ
 * of score and outcome within each group (size tier), against the threshold 2.5/√(n − 1) for the
 * n rows of the group (pool several seeds' rows into one call to gain power). A leak the size
 * confound hides across tiers (niche accounts are smaller) shows within them. A group with fewer
 * than 3 usable rows gets ρ NaN and chance false. Groups come in order of first appearance.
 */
export function chanceWithinTiers(
  tier: ArrayLike<string>,
  score: ArrayLike<number | null>,
  outcome: ArrayLike<number | null>,
  z = 2.5,
): TierChance[] {
  if (tier.length !== score.length || score.length !== outcome.length) throw new RangeError('tier, score and outcome differ in length');
  const rows = new Map<string, number[]>();
  for (let i = 0; i < tier.length; i++) {
    const s = score[i];
    const o = outcome[i];
    if (s == null || o == null || !Number.isFinite(s) || !Number.isFinite(o)) continue;
    (rows.get(tier[i]) ?? rows.set(tier[i], []).get(tier[i])!).push(i);
  }
  return [...rows].map(([name, idx]) => {
    const n = idx.length;
    const rho = n >= 3 ? spearman(Float64Array.from(idx, (i) => score[i] as number), Float64Array.from(idx, (i) => outcome[i] as number)) : NaN;
    const threshold = n >= 2 ? z / Math.sqrt(n - 1) : NaN;
    return { tier: name, n, rho, threshold, chance: Math.abs(rho) < threshold };
  });
}
