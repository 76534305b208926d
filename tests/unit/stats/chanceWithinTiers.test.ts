import { describe, expect, it } from 'vitest';
import { chanceWithinTiers } from '../../../src/lib/stats/chanceWithinTiers.ts';
import { spearman } from '../../../src/lib/stats/spearman.ts';
import { normal, rng } from '../../../src/lib/random.ts';

/**
 * Placements in three size tiers, each spanning a range of sizes: the outcome grows with size
 * plus noise. `confound` makes an honest score track size inside the tier (a mass-appeal niche
 * draws bigger accounts); `leak` mixes the outcome's own noise into the score.
 */
function world(seed: number, { leak = 0, confound = 0 } = {}) {
  const u = rng(seed);
  const tier: string[] = [];
  const size: number[] = [];
  const score: number[] = [];
  const outcome: number[] = [];
  for (const [name, floor] of [['nano', 1], ['mid', 3], ['mega', 6]] as const) {
    for (let k = 0; k < 400; k++) {
      const s = floor + 2 * u();
      const noise = normal(u);
      tier.push(name);
      size.push(s);
      outcome.push(s + noise);
      // Across tiers the score falls with size (niche accounts are small): the size confound that hides a leak.
      score.push(-floor + confound * (s - floor) + normal(u) + leak * noise);
    }
  }
  return { tier, size, score, outcome };
}

describe('chanceWithinTiers(tier, score, outcome)', () => {
  it('passes an honest score in every tier, even though across tiers it is strongly (negatively) correlated with the outcome', () => {
    const w = world(1);
    expect(spearman(w.score, w.outcome)).toBeLessThan(-0.5);
    const result = chanceWithinTiers(w.tier, w.score, w.outcome);
    expect(result.map((r) => r.tier)).toEqual(['nano', 'mid', 'mega']);
    for (const r of result) {
      expect(r.n).toBe(400);
      expect(r.threshold).toBeCloseTo(2.5 / Math.sqrt(399), 12);
      expect(r.rho).toBe(r.raw);
      expect(r.chance, r.tier).toBe(true);
    }
  });

  it('fails a deliberately leaky score within tiers, where the pooled correlation hides the leak behind size', () => {
    const w = world(2, { leak: 0.3 });
    expect(spearman(w.score, w.outcome)).toBeLessThan(0);
    for (const size of [undefined, w.size]) {
      for (const r of chanceWithinTiers(w.tier, w.score, w.outcome, { size })) {
        expect(r.rho, r.tier).toBeGreaterThan(r.threshold);
        expect(r.chance, r.tier).toBe(false);
      }
    }
  });

  it('with size given, holds size fixed inside the tier: an honest score that tracks size there passes, a leaky one still fails', () => {
    const honest = world(3, { confound: 1.5 });
    const plain = chanceWithinTiers(honest.tier, honest.score, honest.outcome);
    expect(plain.some((r) => !r.chance)).toBe(true);
    for (const r of chanceWithinTiers(honest.tier, honest.score, honest.outcome, { size: honest.size })) {
      expect(r.chance, `${r.tier}: partial ρ ${r.rho}, raw ${r.raw}`).toBe(true);
      expect(r.raw, r.tier).toBeGreaterThan(r.threshold);
    }
    const leaky = world(3, { confound: 1.5, leak: 0.3 });
    for (const r of chanceWithinTiers(leaky.tier, leaky.score, leaky.outcome, { size: leaky.size })) expect(r.chance, r.tier).toBe(false);
  });

  it('drops rows with a missing value and leaves groups of fewer than 4 rows unjudged', () => {
    const r = chanceWithinTiers(['a', 'a', 'a', 'a', 'b', 'b'], [1, 2, 3, null, 1, 2], [1, 2, 3, 4, NaN, 1]);
    expect(r).toEqual([
      { tier: 'a', n: 3, rho: NaN, raw: NaN, threshold: 2.5 / Math.sqrt(2), chance: false },
      { tier: 'b', n: 1, rho: NaN, raw: NaN, threshold: NaN, chance: false },
    ]);
    expect(() => chanceWithinTiers(['a'], [1, 2], [1, 2])).toThrow(RangeError);
  });
});
