import { describe, expect, it } from 'vitest';
import { chanceWithinTiers } from '../../../src/lib/stats/chanceWithinTiers.ts';
import { normal, rng } from '../../../src/lib/random.ts';

/** Placements in three size tiers: outcome grows with size; `leak` mixes the outcome's own noise into the score. */
function world(seed: number, leak: number) {
  const u = rng(seed);
  const tier: string[] = [];
  const score: number[] = [];
  const outcome: number[] = [];
  for (const [name, size] of [['nano', 1], ['mid', 3], ['mega', 6]] as const) {
    for (let k = 0; k < 400; k++) {
      const noise = normal(u);
      tier.push(name);
      outcome.push(size + noise);
      // An honest score is independent of the outcome's noise; relevance is larger in small tiers (the size confound).
      score.push(-size + normal(u) + leak * noise);
    }
  }
  return { tier, score, outcome };
}

describe('chanceWithinTiers(tier, score, outcome)', () => {
  it('passes an honest score in every tier, even though across tiers it is strongly (negatively) correlated with the outcome', () => {
    const w = world(1, 0);
    const result = chanceWithinTiers(w.tier, w.score, w.outcome);
    expect(result.map((r) => r.tier)).toEqual(['nano', 'mid', 'mega']);
    for (const r of result) {
      expect(r.n).toBe(400);
      expect(r.threshold).toBeCloseTo(2.5 / Math.sqrt(399), 12);
      expect(r.chance, r.tier).toBe(true);
    }
  });

  it('fails a deliberately leaky score within tiers, where the pooled correlation hides the leak behind size', () => {
    const w = world(2, 0.3);
    // Across tiers the leak is masked: the score still falls with the outcome overall.
    expect(chanceWithinTiers(w.tier.map(() => 'all'), w.score, w.outcome)[0].rho).toBeLessThan(0);
    const result = chanceWithinTiers(w.tier, w.score, w.outcome);
    for (const r of result) {
      expect(r.rho, r.tier).toBeGreaterThan(r.threshold);
      expect(r.chance, r.tier).toBe(false);
    }
  });

  it('drops rows with a missing value and leaves groups of fewer than 3 rows unjudged', () => {
    const r = chanceWithinTiers(['a', 'a', 'a', 'b', 'b'], [1, 2, null, 1, 2], [1, 2, 3, NaN, 1]);
    expect(r).toEqual([
      { tier: 'a', n: 2, rho: NaN, threshold: 2.5, chance: false },
      { tier: 'b', n: 1, rho: NaN, threshold: NaN, chance: false },
    ]);
    expect(() => chanceWithinTiers(['a'], [1, 2], [1, 2])).toThrow(RangeError);
  });
});
