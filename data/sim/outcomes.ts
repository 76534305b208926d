import { binomial, normal, poisson, rng } from '../../src/lib/random.ts';
import type { Accounts } from './accounts.ts';
import type { Audiences } from './audience.ts';
import type { SimContext } from './context.ts';
import { STREAM } from './streams.ts';
import { exp } from '../../src/lib/ieee754.ts';

/** Log-normal spread of one post's reach around the account's expected reach (assumption). */
const IMPRESSION_SPREAD = 0.3;
/** Log-normal spread of one brand's fee around the account's rate card (assumption). */
const NEGOTIATION_SPREAD = 0.1;

/** What one sponsored post of brand b on account i is expected to do: the hidden truth behind every draw. */
export interface PairModel {
  /** Impressions shown (fake followers included), per account. */
  impressions: Float64Array;
  /** Genuine impressions as they drive clicks (after reachEffect), per account. */
  effectiveReach: Float64Array;
  /** Per pair (i × brands + b): clicks per effective impression, purchases per click, expected purchases, fee. */
  clickRate: Float64Array;
  conversionRate: Float64Array;
  expected: Float64Array;
  cost: Float64Array;
}

/**
 * The outcome model. Genuine reach = genuine followers × a reach rate falling with size. Clicks =
 * reach^reachEffect (scaled at a 1k-follower account) × baseClickRate × trust^trustEffect × the
 * audience's mean click factor; purchases = clicks × baseConversionRate × price factor × the
 * clickers' mean buy factor. Both factors come from each hidden follower's own fit, so with
 * relevanceEffect 0 they are 1 and the match plays no part; with relevance and trust effects 0 and
 * no fake followers, expected purchases rise strictly with followers.
 */
export function pairModel(ctx: SimContext, acc: Accounts, aud: Audiences): PairModel {
  const p = ctx.params;
  const nb = ctx.brands.length;
  const n = acc.n;
  const impressions = new Float64Array(n);
  const effectiveReach = new Float64Array(n);
  const clickRate = new Float64Array(n * nb);
  const conversionRate = new Float64Array(n * nb);
  const expected = new Float64Array(n * nb);
  const cost = new Float64Array(n * nb);
  const referenceReach = 1000 * p.reachRateAt1k;
  const priceFactor = ctx.brands.map((b) => (b.spec.price / p.referencePrice) ** -p.priceSensitivity);
  for (let i = 0; i < n; i++) {
    const G = acc.genuine[i];
    const genuineReach = G * Math.min(1, p.reachRateAt1k * (G / 1000) ** p.reachRateElasticity);
    impressions[i] = genuineReach / (1 - acc.fakeShare[i]);
    effectiveReach[i] = referenceReach * (genuineReach / referenceReach) ** p.reachEffect;
    const trust = (acc.engagement[i] / p.referenceEngagement) ** p.trustEffect;
    const fee = (p.costFixed + p.costPerFollower * acc.followers[i]) * acc.rateCard[i];
    for (let b = 0; b < nb; b++) {
      const at = i * nb + b;
      const ctr = Math.min(1, p.baseClickRate * trust * aud.meanClick[at]);
      const cvr = Math.min(1, p.baseConversionRate * priceFactor[b] * (aud.meanBuy[at] / aud.meanClick[at]));
      clickRate[at] = ctr;
      conversionRate[at] = cvr;
      expected[at] = effectiveReach[i] * ctr * cvr;
      const haggle = rng(p.seed, STREAM.pair, b + 1, i + 1, 0);
      cost[at] = Math.round(100 * fee * exp(NEGOTIATION_SPREAD * normal(haggle) - (NEGOTIATION_SPREAD * NEGOTIATION_SPREAD) / 2)) / 100;
    }
  }
  return { impressions, effectiveReach, clickRate, conversionRate, expected, cost };
}

/** One realized sponsored post: impressions vary around the expectation, clicks are Poisson, purchases binomial among clicks. */
export function drawPost(model: PairModel, nb: number, i: number, b: number, u: () => number) {
  const spread = exp(IMPRESSION_SPREAD * normal(u) - (IMPRESSION_SPREAD * IMPRESSION_SPREAD) / 2);
  const at = i * nb + b;
  const impressions = Math.round(model.impressions[i] * spread);
  const clicks = poisson(u, model.effectiveReach[i] * spread * model.clickRate[at]);
  const conversions = binomial(u, clicks, model.conversionRate[at]);
  return { impressions, clicks, conversions };
}
