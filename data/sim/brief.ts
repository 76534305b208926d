import { normal, rng } from '../../src/lib/random.ts';
import type { SimContext } from './context.ts';
import { exp } from '../../src/lib/ieee754.ts';

/** A brand's brief: topic indices and weights summing to 1. */
export interface Brief {
  topics: Int32Array;
  weights: Float64Array;
}

/**
 * The brief a marketer writes for brand b: the handful of topics they would name for its
 * customers, with rough weights. Derived from, never equal to, the generator's customer profile:
 * each topic is missed with chance briefMissRate, each weight is off by a log-normal factor of
 * spread briefNoise, and only the briefTopics heaviest survive (at least one: if every topic was
 * missed, the heaviest noisy one is kept). Drawn from its own stream, per brand. This is what
 * brand_topics ships and what relevance compares audiences with.
 */
export function brandBrief(ctx: SimContext, b: number): Brief {
  const p = ctx.params;
  const profile = ctx.brands[b];
  const u = rng(p.seed, ctx.tag.brief, b + 1);
  const s = p.briefNoise;
  const drawn = Array.from(profile.topics, (topic, j) => ({
    topic,
    missed: u() < p.briefMissRate,
    weight: profile.weights[j] * exp(s * normal(u) - (s * s) / 2),
  }));
  const byWeight = (x: { weight: number; topic: number }, y: { weight: number; topic: number }) => y.weight - x.weight || x.topic - y.topic;
  let kept = drawn.filter((d) => !d.missed).sort(byWeight);
  if (kept.length === 0) kept = [...drawn].sort(byWeight).slice(0, 1);
  kept = kept.slice(0, p.briefTopics).sort((x, y) => x.topic - y.topic);
  const total = kept.reduce((a, d) => a + d.weight, 0);
  return { topics: Int32Array.from(kept, (d) => d.topic), weights: Float64Array.from(kept, (d) => d.weight / total) };
}
