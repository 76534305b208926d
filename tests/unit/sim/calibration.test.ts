import { describe, expect, it } from 'vitest';
import { calibrate, PUBLISHED } from '../../../data/sim/calibration.ts';
import { DEFAULT_PARAMS } from '../../../data/sim/params.ts';
import { simulateWorldWithTruth } from '../../../data/sim/world.ts';
import { fullOntology } from './helpers.ts';

/**
 * A constructed world: one brand (price 100, margin 0.5), two accounts, three placements (two on
 * account 1, one on account 2). Summed over the placements: genuine impressions 2,500 (200 matched),
 * clicks 22 (10 matched), purchases 2.1 (1.6 matched).
 */
const world = {
  brands: { brand_id: Int32Array.of(1), slug: ['b'], name: ['B'], goal: ['sales'], price: Float64Array.of(100), margin: Float64Array.of(0.5) },
  influencers: { followers: Float64Array.of(1000, 500), tier: ['nano', 'micro'] },
  placements: {
    brand_id: Int32Array.of(1, 1, 1),
    influencer_id: Int32Array.of(1, 1, 2),
    cost: Float64Array.of(50, 50, 20),
    impressions: Float64Array.of(900, 1100, 480),
    clicks: Float64Array.of(9, 11, 2),
    conversions: Int32Array.of(1, 0, 0),
    revenue: Float64Array.of(100, 0, 0),
  },
  pair_outcomes: { cost: Float64Array.of(50, 20) },
};
const truth = {
  genuineFollowers: Float64Array.of(800, 400),
  pairs: {
    genuineImpressions: Float64Array.of(1000, 500),
    clicks: Float64Array.of(10, 2),
    expected: Float64Array.of(1, 0.1),
    cost: Float64Array.of(50, 20),
    matchedImpressions: Float64Array.of(100, 0),
    matchedClicks: Float64Array.of(5, 0),
    matchedPurchases: Float64Array.of(0.8, 0),
  },
};

describe('calibrate, on a constructed world', () => {
  const c = calibrate(world, truth);
  const [b] = c.brands;

  it('compares the matched people with everyone the placements reached, as the sources compared groups', () => {
    expect(b.placements).toBe(3);
    expect(b.matchedShare).toBeCloseTo(0.08, 12); // 200 / 2,500
    expect(b.ctrLift).toBeCloseTo(5.681818, 5); // (10/200) / (22/2,500)
    expect(b.perClickLift).toBeCloseTo(1.676190, 5); // (1.6/10) / (2.1/22)
    expect(b.perImpressionLift).toBeCloseTo(9.523810, 5); // (1.6/200) / (2.1/2,500)
    expect(c.mean).toEqual({ ctrLift: b.ctrLift, perClickLift: b.perClickLift, perImpressionLift: b.perImpressionLift });
  });

  it('gives the ROI on margin of the median placement and of all of them', () => {
    // Expected ROI per placement: (1 × 100 × 0.5 − 50) / 50 = 0, twice; (0.1 × 50 − 20) / 20 = −0.75.
    expect(b.typicalRoi).toBe(0);
    // Realized: (100 × 0.5 − 120) / 120.
    expect(b.realizedRoi).toBeCloseTo(-70 / 120, 12);
  });

  it('measures the realized levels', () => {
    expect(c.levels.clickRate).toBeCloseTo(22 / 2480, 12);
    expect(c.levels.purchasesPerClick).toBeCloseTo(1 / 22, 12);
    expect(c.levels.purchasesPerImpression).toBeCloseTo(1 / 2480, 12);
    expect(c.levels.realFollowerShare).toBeCloseTo(0.8, 12);
    expect(c.levels.medianRealShare).toBeCloseTo(0.8, 12);
    expect(c.levels.medianFee).toEqual({ nano: 50, micro: 20 });
    expect(c.levels.medianFeePerFollower).toBeCloseTo(0.045, 12);
    expect(c.levels.revenuePerFollower.nano).toBeCloseTo(100 / 2000, 12);
    expect(c.levels.revenuePerFollower.macro).toBeNaN();
  });
});

describe('the default world reproduces the published group comparisons', () => {
  const { world: w, truth: t } = simulateWorldWithTruth(DEFAULT_PARAMS, fullOntology());
  const c = calibrate(w, t);

  it("mean click-through lift of matched people within Yan et al.'s range", () => {
    expect(c.mean.ctrLift).toBeGreaterThan(PUBLISHED.ctrLift.min);
    expect(c.mean.ctrLift).toBeLessThanOrEqual(PUBLISHED.ctrLift.max);
  });

  it("mean conversions-per-click lift within MediaPost's 2–4×", () => {
    expect(c.mean.perClickLift).toBeGreaterThanOrEqual(PUBLISHED.perClickLift.min);
    expect(c.mean.perClickLift).toBeLessThanOrEqual(PUBLISHED.perClickLift.max);
  });

  it('a stronger relevance effect on clicks raises the click-through lift; one on purchases raises the per-click lift', () => {
    const more = (change: object) => {
      const r = simulateWorldWithTruth({ ...DEFAULT_PARAMS, accounts: 1500, placementsPerBrand: 200, ...change }, fullOntology());
      return calibrate(r.world, r.truth).mean;
    };
    const base = more({});
    expect(more({ relevanceEffect: 3 }).ctrLift).toBeGreaterThan(base.ctrLift);
    expect(more({ relevancePurchaseEffect: 3 }).perClickLift).toBeGreaterThan(base.perClickLift);
    // With both effects off, matched people click and buy like everyone else.
    const off = more({ relevanceEffect: 0, relevancePurchaseEffect: 0 });
    // (Not exactly 1: matched people follow small, engaged accounts a little more often, and trust raises clicks.)
    expect(off.ctrLift).toBeGreaterThan(0.9);
    expect(off.ctrLift).toBeLessThan(1.5);
    expect(off.perClickLift).toBeCloseTo(1, 1);
  });
});
