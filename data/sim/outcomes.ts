import { binomial, normal, poisson, rng } from '../../src/lib/random.ts';
import type { Accounts } from './accounts.ts';
import type { Audiences } from './audience.ts';
import type { SimContext } from './context.ts';
import type { FitTally } from './fit.ts';
import { reshareMultiplier } from './reshares.ts';
import { STREAM } from './streams.ts';
import { exp } from '../../src/lib/ieee754.ts';

/** Log-normal spread of one post's reach around the account's expected reach (assumption). */
export const IMPRESSION_SPREAD = 0.3;
/** Log-normal spread of one brand's fee around the account's rate card (assumption). */
export const NEGOTIATION_SPREAD = 0.1;

/** What one sponsored post of brand b on account i is expected to do: the hidden truth behind every draw. */
export interface PairModel {
  /** Per account: impressions shown (fake followers and reshares included), and genuine people reached (followers and reshares). */
  impressions: Float64Array;
  genuineImpressions: Float64Array;
  /** Per pair (i × brands + b): expected clicks, purchases per click, expected purchases, fee. */
  clicks: Float64Array;
  conversionRate: Float64Array;
  expected: Float64Array;
  cost: Float64Array;
  /** Per pair: the part of impressions, clicks and purchases that comes from matched people (fit ≥ MATCHED_FIT), for the calibration. */
  matchedImpressions: Float64Array;
  matchedClicks: Float64Array;
  matchedPurchases: Float64Array;
}

/** a / b, 0 where b is 0. */
const share = (a: number, b: number) => (b > 0 ? a / b : 0);

/**
 * The outcome model. Genuine reach R = genuine followers × a reach rate falling with size;
 * reshares add R × m / (1 − m) impressions among the general population (data/sim/reshares.ts).
 * Clicks = those impressions^reachEffect (scaled at a 1k-follower account) × baseClickRate × the
 * audience's mean click factor, the followers' part also × trust^trustEffect and × the inverted U
 * of the account's match (past fitPeak, exp(−fitDecline × relevanceEffect × (match − fitPeak)));
 * purchases = clicks × baseConversionRate × price factor × the clickers' mean buy factor. The
 * factors come from each hidden person's own fit (data/sim/fit.ts), so with relevanceEffect and
 * relevancePurchaseEffect 0 they are 1 and the match plays no part; with relevance and trust
 * effects 0 and no fake followers, expected purchases rise strictly with followers.
 */
export function pairModel(ctx: SimContext, acc: Accounts, aud: Audiences, reshared: FitTally, cost: Float64Array = pairCosts(ctx, acc)): PairModel {
  const p = ctx.params;
  const nb = ctx.brands.length;
  const n = acc.n;
  const h = aud.hidden;
  const impressions = new Float64Array(n);
  const genuineImpressions = new Float64Array(n);
  const clicks = new Float64Array(n * nb);
  const conversionRate = new Float64Array(n * nb);
  const expected = new Float64Array(n * nb);
  const matchedImpressions = new Float64Array(n * nb);
  const matchedClicks = new Float64Array(n * nb);
  const matchedPurchases = new Float64Array(n * nb);
  const referenceReach = 1000 * p.reachRateAt1k;
  const amplification = reshareMultiplier(p);
  const priceFactor = ctx.brands.map((b) => (b.spec.price / p.referencePrice) ** -p.priceSensitivity);
  // Per brand, what does not depend on the account: the purchase rate's first factor, and the reshared people's rates and matched shares.
  const buyBase = priceFactor.map((f) => p.baseConversionRate * f);
  const buyRate = (tally: FitTally, k: number, b: number) => Math.min(1, buyBase[b] * share(tally.buy[k], tally.click[k]));
  const reshareClickRate = ctx.brands.map((_, b) => Math.min(1, p.baseClickRate * reshared.click[b]));
  const reshareBuyRate = ctx.brands.map((_, b) => buyRate(reshared, b, b));
  const reshareMatchedClick = ctx.brands.map((_, b) => share(reshared.matchedClick[b], reshared.click[b]));
  const reshareMatchedBuy = ctx.brands.map((_, b) => share(reshared.matchedBuy[b], reshared.buy[b]));
  for (let i = 0; i < n; i++) {
    const G = acc.genuine[i];
    const followerReach = G * Math.min(1, p.reachRateAt1k * (G / 1000) ** p.reachRateElasticity);
    const reshareReach = followerReach * amplification;
    const reached = followerReach + reshareReach;
    impressions[i] = followerReach / (1 - acc.fakeShare[i]) + reshareReach;
    genuineImpressions[i] = reached;
    // Effective impressions as they drive clicks, shared out between followers and the people reshares reach.
    const effective = reached > 0 ? referenceReach * (reached / referenceReach) ** p.reachEffect : 0;
    const fromFollowers = share(effective * followerReach, reached);
    const fromReshares = share(effective * reshareReach, reached);
    const trust = (acc.engagement[i] / p.referenceEngagement) ** p.trustEffect;
    const clickBase = p.baseClickRate * trust;
    for (let b = 0; b < nb; b++) {
      const at = i * nb + b;
      // exp(±0) is 1: most accounts' match is below the peak.
      const past = Math.max(0, h.fit[at] - p.fitPeak);
      const tooMuch = past === 0 ? 1 : exp(-p.fitDecline * p.relevanceEffect * past);
      const followerClicks = fromFollowers * Math.min(1, clickBase * tooMuch * h.click[at]);
      const reshareClicks = fromReshares * reshareClickRate[b];
      const followerPurchases = followerClicks * buyRate(h, at, b);
      const resharePurchases = reshareClicks * reshareBuyRate[b];
      clicks[at] = followerClicks + reshareClicks;
      expected[at] = followerPurchases + resharePurchases;
      conversionRate[at] = share(expected[at], clicks[at]);
      matchedImpressions[at] = followerReach * h.matched[at] + reshareReach * reshared.matched[b];
      matchedClicks[at] = followerClicks * share(h.matchedClick[at], h.click[at]) + reshareClicks * reshareMatchedClick[b];
      matchedPurchases[at] = followerPurchases * share(h.matchedBuy[at], h.buy[at]) + resharePurchases * reshareMatchedBuy[b];
    }
  }
  return { impressions, genuineImpressions, clicks, conversionRate, expected, cost, matchedImpressions, matchedClicks, matchedPurchases };
}

/**
 * The fee of one sponsored post of brand b on account i, at i × brands + b: the rate card
 * (costFixed + costPerFollower × followers, times the account's rate-card factor) haggled by a
 * log-normal factor per brand, to the cent. The outcome model takes it as it is: a sweep point that
 * changes no fee passes the world's own.
 */
export function pairCosts(ctx: SimContext, acc: Accounts): Float64Array {
  const p = ctx.params;
  const nb = ctx.brands.length;
  const cost = new Float64Array(acc.n * nb);
  for (let i = 0; i < acc.n; i++) {
    const fee = (p.costFixed + p.costPerFollower * acc.followers[i]) * acc.rateCard[i];
    for (let b = 0; b < nb; b++) {
      const haggle = rng(p.seed, STREAM.pair, b + 1, i + 1, 0);
      cost[i * nb + b] = Math.round(100 * fee * exp(NEGOTIATION_SPREAD * normal(haggle) - (NEGOTIATION_SPREAD * NEGOTIATION_SPREAD) / 2)) / 100;
    }
  }
  return cost;
}

/**
 * One realized sponsored post: impressions vary around the expectation, clicks are Poisson,
 * purchases binomial among clicks, and of the genuine people reached each recalls the post with
 * probability recallRate (the awareness outcome).
 */
export function drawPost(model: PairModel, nb: number, i: number, b: number, recallRate: number, u: () => number) {
  const spread = exp(IMPRESSION_SPREAD * normal(u) - (IMPRESSION_SPREAD * IMPRESSION_SPREAD) / 2);
  const at = i * nb + b;
  const impressions = Math.round(model.impressions[i] * spread);
  const clicks = poisson(u, model.clicks[at] * spread);
  const conversions = binomial(u, clicks, model.conversionRate[at]);
  const recalled = binomial(u, Math.round(model.genuineImpressions[i] * spread), recallRate);
  return { impressions, clicks, conversions, recalled };
}
