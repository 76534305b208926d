/**
 * The calibration (SCIENCE.md §7): the comparisons the published studies made, measured again in
 * a simulated world, and the world's absolute levels beside the figures cited for them. Pure: it
 * reads a world and its hidden truth (simulateWorldWithTruth), so the build, the data page and
 * the lab's worker all compute it the same way.
 *
 * The studies compare groups, not one matched follower with an unmatched one: so do we. The
 * matched segment of a brand is everyone its posts reached whose fit is at least MATCHED_FIT (the
 * best-matched fifth of the fit scale); "all" is every genuine person its placements reached,
 * followers and people reached by reshares (the studies' users were people, not fake accounts). Expected values (not one draw) are compared, so the ratios
 * carry no sampling noise. The simulator's conversions are attributed (promo code, tracked link),
 * not incremental, so the naive lifts are the comparable ones: Farahat & Bailey (WWW 2012) show
 * that the causal lift of targeting is much smaller.
 */
import type { Tier } from './params.ts';
import type { Truth, World } from './world.ts';
import { MATCHED_FIT } from './fit.ts';

export { MATCHED_FIT };

/** The published group comparisons the relevance effects are calibrated against. */
export const PUBLISHED = {
  ctrLift: {
    min: 1,
    max: 7.7,
    label: 'click-through of the best behavioural segment ÷ all users',
    source: 'Yan et al., “How much can behavioral targeting help online advertising?”, WWW 2009: up to 670% lift on average over ads (≈ 7.7×)',
  },
  perClickLift: {
    min: 2,
    max: 4,
    label: 'conversions per click, targeted ÷ untargeted',
    source: 'MediaPost Behavioral Insider, “When Fewer Clicks Are A Good Thing”, 2009 (trade press): 2× (personal finance) to 4× (auto), leads rather than sales',
  },
  naive: {
    source: 'Farahat & Bailey, “How effective is targeted advertising?”, WWW 2012: naive targeted-vs-untargeted lifts overstate the causal effect',
  },
} as const;

export interface BrandCalibration {
  brand: string;
  name: string;
  goal: string;
  placements: number;
  /** Share of the genuine people the placements reached who are matched. */
  matchedShare: number;
  /** Matched ÷ all: clicks per impression (Yan et al.'s comparison), purchases per click and per impression (MediaPost's). */
  ctrLift: number;
  perClickLift: number;
  perImpressionLift: number;
  /** Expected ROI on the brand's margin of its median placement: (purchases × price × margin − fee) ÷ fee. */
  typicalRoi: number;
  /** Realized ROI of all its placements together, on margin. */
  realizedRoi: number;
}

export interface Levels {
  /** Over every placement: clicks ÷ impressions, purchases ÷ clicks, purchases ÷ impressions (realized). */
  clickRate: number;
  purchasesPerClick: number;
  purchasesPerImpression: number;
  /** Genuine followers ÷ followers over all accounts, and the median account's genuine share. */
  realFollowerShare: number;
  medianRealShare: number;
  /** Median fee of one post and per follower, by tier (over every brand × account pair). */
  medianFee: Partial<Record<Tier, number>>;
  medianFeePerFollower: number;
  /** Revenue of the placements ÷ followers of their accounts, nano and macro (Beichert et al.'s comparison). */
  revenuePerFollower: { nano: number; macro: number };
}

export interface Calibration {
  brands: BrandCalibration[];
  /** Means over the brands (Yan et al. average over ads). */
  mean: { ctrLift: number; perClickLift: number; perImpressionLift: number };
  levels: Levels;
}

const median = (values: number[]): number => {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

type CalibrationWorld = {
  brands: Pick<World['brands'], 'brand_id' | 'slug' | 'name' | 'goal' | 'price' | 'margin'>;
  influencers: Pick<World['influencers'], 'followers' | 'tier'>;
  placements: Pick<World['placements'], 'brand_id' | 'influencer_id' | 'cost' | 'impressions' | 'clicks' | 'conversions' | 'revenue'>;
  pair_outcomes: Pick<World['pair_outcomes'], 'cost'>;
};
type CalibrationTruth = Pick<Truth, 'genuineFollowers'> & {
  pairs: Pick<Truth['pairs'], 'genuineImpressions' | 'clicks' | 'expected' | 'cost' | 'matchedImpressions' | 'matchedClicks' | 'matchedPurchases'>;
};

/** The simulated ratios and levels of a world. Pair arrays are at account index × brands + brand index (outcomes.ts). */
export function calibrate(world: CalibrationWorld, truth: CalibrationTruth): Calibration {
  const nb = world.brands.brand_id.length;
  const n = world.influencers.followers.length;
  const t = truth.pairs;
  const pl = world.placements;
  const brands: BrandCalibration[] = [];
  for (let b = 0; b < nb; b++) {
    const id = world.brands.brand_id[b];
    const margin = world.brands.margin[b];
    const price = world.brands.price[b];
    const sum = { imp: 0, clicks: 0, buys: 0, mImp: 0, mClicks: 0, mBuys: 0, cost: 0, revenue: 0 };
    const roi: number[] = [];
    for (let k = 0; k < pl.brand_id.length; k++) {
      if (pl.brand_id[k] !== id) continue;
      const at = (pl.influencer_id[k] - 1) * nb + b;
      sum.imp += t.genuineImpressions[pl.influencer_id[k] - 1];
      sum.clicks += t.clicks[at];
      sum.buys += t.expected[at];
      sum.mImp += t.matchedImpressions[at];
      sum.mClicks += t.matchedClicks[at];
      sum.mBuys += t.matchedPurchases[at];
      sum.cost += pl.cost[k];
      sum.revenue += pl.revenue[k];
      roi.push(ratio(t.expected[at] * price * margin - pl.cost[k], pl.cost[k]));
    }
    brands.push({
      brand: world.brands.slug[b],
      name: world.brands.name[b],
      goal: world.brands.goal[b],
      placements: roi.length,
      matchedShare: ratio(sum.mImp, sum.imp),
      ctrLift: ratio(ratio(sum.mClicks, sum.mImp), ratio(sum.clicks, sum.imp)),
      perClickLift: ratio(ratio(sum.mBuys, sum.mClicks), ratio(sum.buys, sum.clicks)),
      perImpressionLift: ratio(ratio(sum.mBuys, sum.mImp), ratio(sum.buys, sum.imp)),
      typicalRoi: median(roi),
      realizedRoi: ratio(sum.revenue * margin - sum.cost, sum.cost),
    });
  }
  const total = (a: ArrayLike<number>) => {
    let s = 0;
    for (let k = 0; k < a.length; k++) s += a[k];
    return s;
  };
  const fees = new Map<Tier, number[]>();
  const perFollower: number[] = [];
  const realShares: number[] = [];
  for (let i = 0; i < n; i++) {
    const tier = world.influencers.tier[i] as Tier;
    const F = world.influencers.followers[i];
    realShares.push(truth.genuineFollowers[i] / F);
    for (let b = 0; b < nb; b++) {
      const fee = world.pair_outcomes.cost[b * n + i];
      if (!fees.has(tier)) fees.set(tier, []);
      fees.get(tier)!.push(fee);
      perFollower.push(fee / F);
    }
  }
  const byTier = (tier: Tier) => {
    let revenue = 0;
    let followers = 0;
    for (let k = 0; k < pl.brand_id.length; k++) {
      const i = pl.influencer_id[k] - 1;
      if (world.influencers.tier[i] !== tier) continue;
      revenue += pl.revenue[k];
      followers += world.influencers.followers[i];
    }
    return ratio(revenue, followers);
  };
  const impressions = total(pl.impressions);
  const clicks = total(pl.clicks);
  const conversions = total(pl.conversions);
  return {
    brands,
    mean: {
      ctrLift: mean(brands.map((x) => x.ctrLift)),
      perClickLift: mean(brands.map((x) => x.perClickLift)),
      perImpressionLift: mean(brands.map((x) => x.perImpressionLift)),
    },
    levels: {
      clickRate: ratio(clicks, impressions),
      purchasesPerClick: ratio(conversions, clicks),
      purchasesPerImpression: ratio(conversions, impressions),
      realFollowerShare: ratio(total(truth.genuineFollowers), total(world.influencers.followers)),
      medianRealShare: median(realShares),
      medianFee: Object.fromEntries([...fees].map(([tier, v]) => [tier, median(v)])),
      medianFeePerFollower: median(perFollower),
      revenuePerFollower: { nano: byTier('nano'), macro: byTier('macro') },
    },
  };
}
