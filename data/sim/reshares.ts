import { poisson, rng } from '../../src/lib/random.ts';
import type { SimContext } from './context.ts';
import { drawIndex } from './columns.ts';
import { addFollower, fitRule, fitTally, toMeans, type FitTally } from './fit.ts';
import { MAX_INTERESTS } from './audience.ts';
import { STREAM } from './streams.ts';

/** People of the general population simulated to stand for those a reshare reaches (assumption: enough for two-digit precision). */
export const RESHARE_SAMPLE = 2000;

/**
 * Amplification (Bakshy et al., WSDM 2011: reposts carry a post beyond the followers). Each
 * genuine impression is reshared with probability reshareRate, each reshare is seen by reshareReach
 * people, who reshare it again at the same rate: extra impressions = genuine reach × m / (1 − m),
 * m = reshareRate × reshareReach. Those people are not the account's followers: they come from
 * the general population, whatever the account's niche.
 */
export function reshareMultiplier(p: { reshareRate: number; reshareReach: number }): number {
  const m = p.reshareRate * p.reshareReach;
  return m / (1 - m);
}

/** The fit tally of the people reshares reach (unit 0): a sample of the general population, from its own stream. */
export function reshareAudience(ctx: SimContext): FitTally {
  const p = ctx.params;
  const nb = ctx.brands.length;
  const tally = fitTally(nb);
  const rule = fitRule(ctx);
  const interests = new Int32Array(MAX_INTERESTS);
  const u = rng(p.seed, STREAM.reshare, 1);
  const pick = () => ctx.general.topics[drawIndex(ctx.general.cum, u())];
  for (let f = 0; f < RESHARE_SAMPLE; f++) {
    const k = Math.min(MAX_INTERESTS, 1 + poisson(u, p.interestsPerFollower - 1));
    let c = 0;
    for (let j = 0; j < k; j++) {
      const t = pick();
      let dup = false;
      for (let q = 0; q < c; q++) if (interests[q] === t) dup = true;
      if (!dup) interests[c++] = t;
    }
    addFollower(ctx, tally, 0, interests, 0, c, rule);
  }
  toMeans(tally, 0, nb, RESHARE_SAMPLE);
  return tally;
}
