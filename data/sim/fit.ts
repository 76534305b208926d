import type { SimContext } from './context.ts';
import { exp } from '../../src/lib/ieee754.ts';

/** A follower whose fit to a brand is at least this counts as matched: the best-matched fifth of the fit scale (data/sim/calibration.ts). */
export const MATCHED_FIT = 0.8;

/**
 * Sums over followers of what each one's fit to each brand implies, per unit (an account, or the
 * people a reshare reaches) and brand, at unit × brands + b: the click factor
 * exp(relevanceEffect × (fit − 1)), the click-then-buy factor (that times
 * exp(relevancePurchaseEffect × (fit − 1))), the fit itself, and the same for matched followers only.
 */
export interface FitTally {
  click: Float64Array;
  buy: Float64Array;
  fit: Float64Array;
  matched: Float64Array;
  matchedClick: Float64Array;
  matchedBuy: Float64Array;
}

export function fitTally(cells: number): FitTally {
  const z = () => new Float64Array(cells);
  return { click: z(), buy: z(), fit: z(), matched: z(), matchedClick: z(), matchedBuy: z() };
}

/**
 * How a follower's coverage of a brand becomes its fit and factors under a context's relevance
 * effects and fit saturations, worked out once per context: 1 ÷ each brand's fitSaturation, and the
 * factors of a follower who covers nothing (most followers of most brands), so that only the
 * others need an exp. The same numbers as computing each follower afresh, bit for bit.
 */
export interface FitRule {
  brands: number;
  inverseSaturation: Float64Array;
  relevanceEffect: number;
  relevancePurchaseEffect: number;
  zero: Factors;
}

/** One follower's fit to one brand and the click and click-then-buy factors it implies. */
export interface Factors {
  fit: number;
  click: number;
  buy: number;
}

export function fitRule(ctx: SimContext): FitRule {
  const p = ctx.params;
  const rule: FitRule = {
    brands: ctx.brands.length,
    inverseSaturation: Float64Array.from(ctx.brands, (b) => 1 / b.spec.fitSaturation),
    relevanceEffect: p.relevanceEffect,
    relevancePurchaseEffect: p.relevancePurchaseEffect,
    zero: { fit: 0, click: 0, buy: 0 },
  };
  rule.zero = computeFactors(rule, 0, 0);
  return rule;
}

/** The share of brand b's profile that the interests interests[from … from + count) cover (hierarchy-aware, ctx.contribution). */
export function coverage(ctx: SimContext, interests: Int32Array, from: number, count: number, b: number): number {
  const nb = ctx.brands.length;
  let covered = 0;
  for (let q = 0; q < count; q++) covered += ctx.contribution[interests[from + q] * nb + b];
  return covered;
}

/** The fit (coverage over the brand's fitSaturation, at most 1) and factors of a follower covering `covered` of brand b. */
export function factorsOf(rule: FitRule, b: number, covered: number): Factors {
  return covered === 0 ? rule.zero : computeFactors(rule, b, covered);
}

function computeFactors(rule: FitRule, b: number, covered: number): Factors {
  const fit = Math.min(1, covered * rule.inverseSaturation[b]);
  const click = exp(rule.relevanceEffect * (fit - 1));
  return { fit, click, buy: click * exp(rule.relevancePurchaseEffect * (fit - 1)) };
}

/** Adds a follower covering `covered` of brand b to cell `at` (unit × brands + b) of the tally. */
export function addCovered(rule: FitRule, tally: FitTally, at: number, b: number, covered: number): void {
  const f = factorsOf(rule, b, covered);
  addFactors(tally, at, f.fit, f.click, f.buy);
}

/** Adds one follower's fit and factors to cell `at` of the tally. */
export function addFactors(tally: FitTally, at: number, fit: number, click: number, buy: number): void {
  tally.click[at] += click;
  tally.buy[at] += buy;
  tally.fit[at] += fit;
  if (fit >= MATCHED_FIT) {
    tally.matched[at] += 1;
    tally.matchedClick[at] += click;
    tally.matchedBuy[at] += buy;
  }
}

/**
 * Adds one follower with the interests interests[from … from + count) to unit `unit`. A fit is the
 * share of the brand's profile the interests cover (hierarchy-aware, ctx.contribution), saturating
 * at the brand's fitSaturation.
 */
export function addFollower(ctx: SimContext, tally: FitTally, unit: number, interests: Int32Array, from: number, count: number, rule: FitRule = fitRule(ctx)): void {
  const nb = rule.brands;
  for (let b = 0; b < nb; b++) addCovered(rule, tally, unit * nb + b, b, coverage(ctx, interests, from, count, b));
}

/** Divides unit `unit`'s sums by its followers, turning them into means (and the matched share). */
export function toMeans(tally: FitTally, unit: number, nb: number, followers: number): void {
  for (let b = 0; b < nb; b++) {
    const at = unit * nb + b;
    for (const a of Object.values(tally)) a[at] /= followers;
  }
}
