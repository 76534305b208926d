import { beforeAll, describe, expect, it } from 'vitest';
import { spearman } from '../../../src/lib/stats/spearman.ts';
import { DEFAULT_PARAMS, type WorldParams } from '../../../data/sim/params.ts';
import { simulateWorldWithTruth, type Truth, type World } from '../../../data/sim/world.ts';
import { fullOntology } from './helpers.ts';

/** What a marketer can observe of the hidden layer: the fake-follower audit and the brief. */
const SMALL: Partial<WorldParams> = { accounts: 1500, placementsPerBrand: 100 };
const sim = (change: Partial<WorldParams> = {}) => simulateWorldWithTruth({ ...DEFAULT_PARAMS, ...SMALL, ...change }, fullOntology());
const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0) / a.length;

let world: World;
let truth: Truth;
beforeAll(() => {
  ({ world, truth } = sim());
});

describe('the fake-follower audit (audit_fake_share)', () => {
  it('estimates the hidden fake share from a sample: correlated with it, never equal to it', () => {
    const fake = truth.hidden.hidden_accounts.fake_follower_share;
    const audit = world.influencers.audit_fake_share;
    expect(spearman(audit, fake)).toBeGreaterThan(0.6);
    expect(Array.from(audit).filter((a, i) => a === fake[i]).length).toBeLessThan(0.05 * audit.length);
    // Shares of a sample of auditSample followers.
    const n = DEFAULT_PARAMS.auditSample;
    expect(Array.from(audit).every((a) => Math.abs(a * n - Math.round(a * n)) < 1e-9)).toBe(true);
  });

  it('misses the sophisticated fakes: on average it finds (1 − auditPassThrough) of them', () => {
    const fake = mean(truth.hidden.hidden_accounts.fake_follower_share);
    expect(mean(world.influencers.audit_fake_share) / fake).toBeCloseTo(1 - DEFAULT_PARAMS.auditPassThrough, 1);
    expect(mean(sim({ auditPassThrough: 0 }).world.influencers.audit_fake_share) / fake).toBeCloseTo(1, 1);
    expect(Math.max(...sim({ auditPassThrough: 1 }).world.influencers.audit_fake_share)).toBe(0);
  });

  it('is more precise with a larger sample', () => {
    const fake = truth.hidden.hidden_accounts.fake_follower_share;
    const rho = (n: number) => spearman(sim({ auditSample: n, auditPassThrough: 0 }).world.influencers.audit_fake_share, fake);
    expect(rho(1000)).toBeGreaterThan(rho(20));
  });
});

describe("the brief (brand_topics): the marketer's version of the customers' profile", () => {
  const brief = (w: World, b: number) => {
    const m = new Map<string, number>();
    w.brand_topics.brand_id.forEach((x, k) => x === b && m.set(w.brand_topics.topic_id[k], w.brand_topics.weight[k]));
    return m;
  };
  const profile = (t: Truth, b: number) => {
    const p = t.hidden.customer_profiles;
    const m = new Map<string, number>();
    p.brand_id.forEach((x, k) => x === b && m.set(p.topic_id[k], p.true_weight[k]));
    return m;
  };

  it('names at most briefTopics of the profile\'s topics, weights summing to 1, and differs from the profile for every brand', () => {
    for (const b of world.brands.brand_id) {
      const br = brief(world, b);
      const pr = profile(truth, b);
      expect(br.size).toBeGreaterThanOrEqual(1);
      expect(br.size).toBeLessThanOrEqual(DEFAULT_PARAMS.briefTopics);
      for (const t of br.keys()) expect(pr.has(t)).toBe(true);
      expect([...br.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      const same = br.size === pr.size && [...br].every(([t, w]) => Math.abs(w - pr.get(t)!) < 1e-12);
      expect(same, `brand ${b}`).toBe(false);
    }
  });

  it('is the profile itself with no noise, no truncation and no misses', () => {
    const exact = sim({ briefNoise: 0, briefTopics: 8, briefMissRate: 0 });
    for (const b of exact.world.brands.brand_id) {
      const br = brief(exact.world, b);
      const pr = profile(exact.truth, b);
      expect(br.size).toBe(pr.size);
      for (const [t, w] of pr) expect(br.get(t)).toBeCloseTo(w, 12);
    }
  });

  it('changes nothing but brand_topics when its parameters change', () => {
    const other = sim({ briefNoise: 1.2, briefTopics: 2, briefMissRate: 0.5 }).world;
    expect(Array.from(other.brand_topics.weight)).not.toEqual(Array.from(world.brand_topics.weight));
    for (const table of ['influencers', 'audience_topics', 'placements', 'pair_outcomes'] as const) {
      for (const [name, col] of Object.entries(world[table])) expect(Array.from(other[table][name as never] as ArrayLike<unknown>), `${table}.${name}`).toEqual(Array.from(col as ArrayLike<unknown>));
    }
  });
});
