import { TIER_FLOOR, TIERS, type Tier, type WorldParams } from './params.ts';
import { exp, log } from '../../src/lib/ieee754.ts';

/**
 * Follower counts: a piecewise power law whose share of accounts in each band (under 1k, 1k–10k,
 * 10k–100k, 100k–1M, over 1M) is the creator size mix, with a truncated Pareto tail above 1M.
 * `followersAt(p, q)` maps q ∈ [0, 1) (the share of accounts with more followers) to a count.
 */
export function followersAt(params: WorldParams, q: number): number {
  const { subThousandShare: s, sizeMix, minFollowers, maxFollowers, tailExponent } = params;
  const above = 1 - s;
  // Share of accounts with more than x, at x = min, 1k, 10k, 100k, 1M.
  const xs = [minFollowers, 1_000, 10_000, 100_000, 1_000_000];
  const cs = [1, above, above * (1 - sizeMix.nano), above * (1 - sizeMix.nano - sizeMix.micro), above * sizeMix.mega];
  const c = Math.min(1, Math.max(q, 1e-15));
  for (let k = 0; k < 4; k++) {
    if (c > cs[k + 1]) {
      const t = (log(c) - log(cs[k])) / (log(cs[k + 1]) - log(cs[k]));
      return Math.round(exp(log(xs[k]) + t * (log(xs[k + 1]) - log(xs[k]))));
    }
  }
  // Above 1M: truncated Pareto with density ∝ x^−tailExponent.
  const a = tailExponent - 1;
  const lo = 1_000_000 ** -a;
  const hi = maxFollowers ** -a;
  const x = ((c / cs[4]) * (lo - hi) + hi) ** (-1 / a);
  return Math.round(Math.min(maxFollowers, x));
}

/** The dictionary's size tier of a follower count. */
export function tierOf(followers: number): Tier {
  for (let k = TIERS.length - 1; k > 0; k--) if (followers >= TIER_FLOOR[TIERS[k]]) return TIERS[k];
  return 'nano';
}

/**
 * Reactions per post per genuine follower at a genuine-follower count. The benchmark divides by all
 * followers, fake ones included, so the rate is read at the follower count such an account has
 * with its tier's expected fake share, and divided by that real share. (It depends on genuine
 * followers only, so buying followers leaves it unchanged.)
 */
export function engagementAt(params: WorldParams, genuine: number): number {
  let real = 1;
  for (let k = 0; k < 2; k++) real = 1 - expectedFakeShare(params, tierOf(genuine / real));
  return observedEngagementAt(params, genuine / real) / real;
}

/** Expected fake share of an account of the tier: inactive followers, plus bought ones when it bought some. */
export function expectedFakeShare(params: WorldParams, tier: Tier): number {
  return 1 - (1 - params.inactiveShareMean) * (1 - params.fraudRateByTier[tier] * params.boughtShareMean);
}

/** The follower count at which each band's benchmark engagement rate holds (its middle; geometric for the wide bands; assumption), interpolated in between. */
export const ENGAGEMENT_ANCHOR_FOLLOWERS = {
  '1k-5k': 3_000,
  '5k-10k': 6_500,
  '10k-100k': Math.sqrt(10_000 * 100_000),
  '100k-1M': Math.sqrt(100_000 * 1_000_000),
  '1M+': Math.sqrt(1_000_000 * 10_000_000),
};

/** The benchmark's engagement rate (reactions per post ÷ followers) at a follower count. */
export function observedEngagementAt(params: WorldParams, followers: number): number {
  const e = params.engagementByTier;
  const at = ENGAGEMENT_ANCHOR_FOLLOWERS;
  const anchors: [number, number][] = [
    [log(at['1k-5k']), e['1k-5k']],
    [log(at['5k-10k']), e['5k-10k']],
    [log(at['10k-100k']), e['10k-100k']],
    [log(at['100k-1M']), e['100k-1M']],
    [log(at['1M+']), e['1M+']],
  ];
  const x = log(Math.max(1, followers));
  if (x <= anchors[0][0]) return anchors[0][1];
  for (let k = 0; k < anchors.length - 1; k++) {
    const [x0, y0] = anchors[k];
    const [x1, y1] = anchors[k + 1];
    if (x <= x1) {
      if (y0 <= 0 || y1 <= 0) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
      return exp(log(y0) + ((x - x0) / (x1 - x0)) * (log(y1) - log(y0)));
    }
  }
  return anchors[anchors.length - 1][1];
}
