import { describe, expect, it } from 'vitest';
import { engagementAt, expectedFakeShare, followersAt, observedEngagementAt, tierOf } from '../../../data/sim/followers.ts';
import { DEFAULT_PARAMS as P } from '../../../data/sim/params.ts';

describe('followersAt(params, q)', () => {
  it.each([
    ['the top of the scale is the largest account', 0, P.maxFollowers],
    ['everyone has more than the smallest', 1, P.minFollowers],
    ['10% of accounts are under 1k', 1 - P.subThousandShare, 1_000],
    ['nano ends at 10k', (1 - P.subThousandShare) * (1 - P.sizeMix.nano), 10_000],
    ['micro ends at 100k', (1 - P.subThousandShare) * (1 - P.sizeMix.nano - P.sizeMix.micro), 100_000],
    ['0.1% of creators are over 1M', (1 - P.subThousandShare) * P.sizeMix.mega, 1_000_000],
  ])('%s', (_name, q, followers) => {
    expect(followersAt(P, q)).toBeCloseTo(followers, -1);
  });

  it('falls as q rises (a heavy tail, never above the maximum)', () => {
    let prev = Infinity;
    for (let q = 0; q <= 1; q += 1 / 4096) {
      const f = followersAt(P, q);
      expect(f).toBeLessThanOrEqual(prev);
      expect(f).toBeLessThanOrEqual(P.maxFollowers);
      prev = f;
    }
  });

  it('has the Pareto tail above 1M: the share over x falls like x^-(exponent − 1)', () => {
    const c1m = (1 - P.subThousandShare) * P.sizeMix.mega;
    // Without truncation, the share of accounts over 2M is the share over 1M × 2^−1.3.
    const q = c1m * 2 ** -(P.tailExponent - 1);
    expect(followersAt(P, q) / 2_000_000).toBeCloseTo(1, 1);
  });
});

describe('tierOf(followers)', () => {
  it.each([
    [0, 'nano'],
    [9_999, 'nano'],
    [10_000, 'micro'],
    [99_999, 'micro'],
    [100_000, 'mid'],
    [500_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
    [30_000_000, 'mega'],
  ])('%d followers is %s', (followers, tier) => {
    expect(tierOf(followers)).toBe(tier);
  });
});

describe('engagement', () => {
  it.each([
    [1_500, 0.039],
    [3_000, 0.039],
    [6_500, 0.0145],
    [Math.sqrt(1e4 * 1e5), 0.0095],
    [Math.sqrt(1e5 * 1e6), 0.012],
    [30_000_000, 0.01],
  ])('observedEngagementAt reads the Modash benchmark at %d followers', (followers, rate) => {
    expect(observedEngagementAt(P, followers)).toBeCloseTo(rate, 6);
  });

  it('is per genuine follower: the benchmark rate over the tier\'s expected real share', () => {
    const genuine = 2_000;
    const real = 1 - expectedFakeShare(P, 'nano');
    expect(engagementAt(P, genuine)).toBeCloseTo(observedEngagementAt(P, genuine / real) / real, 12);
  });

  it('equals the benchmark when no follower is fake', () => {
    const clean = { ...P, inactiveShareMean: 0, fraudRateByTier: { nano: 0, micro: 0, mid: 0, macro: 0, mega: 0 } };
    for (const g of [500, 4_000, 50_000, 2e6]) expect(engagementAt(clean, g)).toBe(observedEngagementAt(clean, g));
  });

  it('expectedFakeShare: inactive followers plus bought ones by tier', () => {
    expect(expectedFakeShare(P, 'mega')).toBeCloseTo(1 - 0.9 * (1 - 0.66 * 0.3), 12);
  });
});
