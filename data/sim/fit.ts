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
 * Adds one follower with the interests interests[from … from + count) to unit `unit`. A fit is the
 * share of the brand's profile the interests cover (hierarchy-aware, ctx.contribution), saturating
 * at the brand's fitSaturation.
 */
export function addFollower(ctx: SimContext, tally: FitTally, unit: number, interests: Int32Array, from: number, count: number): void {
  const p = ctx.params;
  const nb = ctx.brands.length;
  for (let b = 0; b < nb; b++) {
    let covered = 0;
    for (let q = 0; q < count; q++) covered += ctx.contribution[interests[from + q] * nb + b];
    const fit = Math.min(1, covered * (1 / ctx.brands[b].spec.fitSaturation));
    const click = exp(p.relevanceEffect * (fit - 1));
    const buy = click * exp(p.relevancePurchaseEffect * (fit - 1));
    const at = unit * nb + b;
    tally.click[at] += click;
    tally.buy[at] += buy;
    tally.fit[at] += fit;
    if (fit >= MATCHED_FIT) {
      tally.matched[at] += 1;
      tally.matchedClick[at] += click;
      tally.matchedBuy[at] += buy;
    }
  }
}

/** Divides unit `unit`'s sums by its followers, turning them into means (and the matched share). */
export function toMeans(tally: FitTally, unit: number, nb: number, followers: number): void {
  for (let b = 0; b < nb; b++) {
    const at = unit * nb + b;
    for (const a of Object.values(tally)) a[at] /= followers;
  }
}
