import { beforeAll, describe, expect, it } from 'vitest';
import { spearman } from '../../../src/lib/stats/spearman.ts';
import { BEICHERT_REVENUE_PER_FOLLOWER, DEFAULT_PARAMS, type WorldParams } from '../../../data/sim/params.ts';
import { simulateWorld, simulateWorldWithTruth, type World } from '../../../data/sim/world.ts';
import { PERSONAS } from '../../../data/sim/catalog.ts';
import { atPlacements, brandId, fullOntology, observedRelevance, pairRows } from './helpers.ts';

/**
 * The simulator honours its parameters (SCIENCE.md §3, "the honest-instrument check"): scores are
 * judged as the site judges them, by Spearman's rho against expected conversions on the placements
 * that ran, and against every brand × account pair.
 */
const NICHE = ['taskwise', 'silver-lotus', 'crown-and-confetti'];
const MASS = ['voltra', 'tuneloop'];
/** No fake followers anywhere: none drawn, and the hand-made accounts' set-by-hand fake shares bought back to zero. */
const NO_FAKES: Partial<WorldParams> = {
  fraudRateByTier: { nano: 0, micro: 0, mid: 0, macro: 0, mega: 0 },
  inactiveShareMean: 0,
  boughtFollowers: PERSONAS.map((p) => ({ account: p.key, share: 0 })),
};
/** Relevance off: on clicks and on purchases. */
const RELEVANCE_OFF: Partial<WorldParams> = { relevanceEffect: 0, relevancePurchaseEffect: 0 };
/** Time for a test that simulates two full worlds (a few seconds each; more on a busy machine). */
const TWO_WORLDS = 30_000;
/** Above this, a score of 600 placements beats a random one (one-sided, about 2.5 standard errors). */
const CHANCE = 0.1;

/** The first index where two columns differ, or −1 (cheap to report, unlike a diff of 25,000 values). */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return k;
  return -1;
}

const world = (change: Partial<WorldParams>) => simulateWorld({ ...DEFAULT_PARAMS, ...change }, fullOntology());
/** The default world at a relevance effect, simulated once per effect (the cases share their ends). */
const byEffect = new Map<number, World>();
const atEffect = (effect: number) =>
  byEffect.get(effect) ?? byEffect.set(effect, world({ relevanceEffect: effect, relevancePurchaseEffect: effect })).get(effect)!;

/** Spearman's rho of followers and of the observed relevance proxy against expected conversions, on a brand's placements. */
function rhos(w: World, slug: string) {
  const b = brandId(w, slug);
  const { expected } = pairRows(w, b);
  const e = atPlacements(w, b, expected);
  return {
    followers: spearman(atPlacements(w, b, w.influencers.followers), e),
    relevance: spearman(atPlacements(w, b, observedRelevance(w, b)), e),
    realizedFollowers: spearman(atPlacements(w, b, w.influencers.followers), Array.from(w.placements.conversions).filter((_, k) => w.placements.brand_id[k] === b)),
    realizedRelevance: spearman(atPlacements(w, b, observedRelevance(w, b)), Array.from(w.placements.conversions).filter((_, k) => w.placements.brand_id[k] === b)),
  };
}

describe('a world where only reach drives outcomes (relevance and trust effects 0, no fake followers)', () => {
  let w: World;
  beforeAll(() => {
    w = world({ ...RELEVANCE_OFF, trustEffect: 0, ...NO_FAKES });
  });

  it('has no fake follower anywhere, the hand-made accounts included', () => {
    const { truth } = simulateWorldWithTruth({ ...DEFAULT_PARAMS, ...RELEVANCE_OFF, trustEffect: 0, ...NO_FAKES }, fullOntology());
    expect(Math.max(...truth.hidden.hidden_accounts.fake_follower_share)).toBe(0);
    // …and the audit finds none either.
    expect(Math.max(...w.influencers.audit_fake_share)).toBe(0);
  });

  it.each([...NICHE, ...MASS])('%s: expected conversions rise strictly with followers over every pair', (slug) => {
    const { expected } = pairRows(w, brandId(w, slug));
    expect(spearman(w.influencers.followers, expected)).toBeGreaterThan(0.9999);
  });

  it.each([...NICHE, ...MASS])('%s: followers rank placements at least as well as relevance, which does no better than chance', (slug) => {
    const r = rhos(w, slug);
    expect(r.followers).toBeGreaterThanOrEqual(r.relevance);
    expect(r.relevance).toBeLessThan(CHANCE);
    expect(r.realizedFollowers).toBeGreaterThan(r.realizedRelevance);
  });
});

describe('a world with only the relevance effects off (clicks and purchases)', () => {
  let w: World;
  beforeAll(() => {
    w = world(RELEVANCE_OFF);
  });

  it.each([...NICHE, ...MASS])('%s: relevance ranks placements no better than chance, followers better', (slug) => {
    const r = rhos(w, slug);
    expect(r.relevance).toBeLessThan(CHANCE);
    expect(r.followers).toBeGreaterThan(r.relevance);
  });

  it('leaves expected conversions untouched when the hidden audiences change', () => {
    const other = world({ ...RELEVANCE_OFF, audienceFocus: 0.2, hierarchyDecay: 0.9, interestsPerFollower: 4 });
    expect(firstDifference(other.audience_topics.share, w.audience_topics.share)).not.toBe(-1);
    expect(firstDifference(other.pair_outcomes.expected_conversions, w.pair_outcomes.expected_conversions)).toBe(-1);
  });
});

describe('effects switched off one by one', () => {
  it('reach effect 0 (and relevance, trust 0): every account expects the same conversions for a brand', () => {
    const w = world({ reachEffect: 0, ...RELEVANCE_OFF, trustEffect: 0 });
    for (const b of w.brands.brand_id) {
      const { expected } = pairRows(w, b);
      expect(Math.max(...expected) / Math.min(...expected)).toBeCloseTo(1, 12);
    }
  });

  it('trust effect 0 (and relevance 0): conversions rise strictly with genuine followers, fakes included in the world', () => {
    const { world: w, truth } = simulateWorldWithTruth({ ...DEFAULT_PARAMS, ...RELEVANCE_OFF, trustEffect: 0 }, fullOntology());
    for (const b of w.brands.brand_id) expect(spearman(truth.genuineFollowers, pairRows(w, b).expected)).toBeGreaterThan(0.9999);
    // …but not with the follower counts that include bought followers.
    expect(spearman(w.influencers.followers, pairRows(w, 1).expected)).toBeLessThan(0.99);
  });

  it.each([0.5, 1.5])('price sensitivity %s scales purchases per click by (price / reference price)^−sensitivity', (s) => {
    const small = { accounts: 600, placementsPerBrand: 60 };
    const base = world({ ...small, priceSensitivity: 0 });
    const w = world({ ...small, priceSensitivity: s });
    for (const b of w.brands.brand_id) {
      const factor = (w.brands.price[b - 1] / DEFAULT_PARAMS.referencePrice) ** -s;
      const before = pairRows(base, b).expected;
      const ratios = Array.from(pairRows(w, b).expected, (e, i) => e / before[i]);
      if (factor <= 1) {
        expect(ratios.every((r) => Math.abs(r / factor - 1) < 1e-9)).toBe(true);
      } else {
        // A cheap product sells more per click, up to the cap of one purchase per click.
        expect(ratios.every((r) => r > 1 && r <= factor * (1 + 1e-9))).toBe(true);
      }
    }
  });

  it.each([
    [0, 2],
    [2, 4],
    [4, 6],
  ])('raising the relevance effects (clicks and purchases) from %d to %d helps relevance rank the niche brands', (lo, hi) => {
    const a = atEffect(lo);
    const b = atEffect(hi);
    for (const slug of NICHE) expect(rhos(b, slug).relevance).toBeGreaterThan(rhos(a, slug).relevance);
  }, TWO_WORLDS);
});

describe('the default world (the essay\'s)', () => {
  let w: World;
  beforeAll(() => {
    w = world({});
  });

  it.each(MASS)('%s (mass market): followers rank conversions well, better than relevance and than for any niche brand', (slug) => {
    const r = rhos(w, slug);
    expect(r.followers).toBeGreaterThan(0.6);
    expect(r.followers).toBeGreaterThan(r.relevance);
    for (const niche of NICHE) expect(r.followers).toBeGreaterThan(rhos(w, niche).followers);
  });

  it('the pop star loses to the yoga teacher per dollar for the over-60 yoga workshop, several times over', () => {
    const b = brandId(w, 'silver-lotus');
    const { expected, cost } = pairRows(w, b);
    const star = w.influencers.persona.indexOf('pop-star');
    const yogi = w.influencers.persona.indexOf('yoga-teacher');
    expect(expected[yogi] / cost[yogi]).toBeGreaterThan(3 * (expected[star] / cost[star]));
  });

  it('revenue per follower is several times higher for nano than for accounts over 100k (Beichert et al.: $0.29 vs $0.05)', () => {
    for (const slug of [...NICHE, ...MASS]) {
      const b = brandId(w, slug);
      const { expected } = pairRows(w, b);
      const f = w.influencers.followers;
      const price = w.brands.price[b - 1];
      const sum = { nanoRevenue: 0, nanoFollowers: 0, bigRevenue: 0, bigFollowers: 0 };
      for (let i = 0; i < f.length; i++) {
        if (f[i] >= 1_000 && f[i] < 10_000) {
          sum.nanoRevenue += expected[i] * price;
          sum.nanoFollowers += f[i];
        } else if (f[i] >= 100_000) {
          sum.bigRevenue += expected[i] * price;
          sum.bigFollowers += f[i];
        }
      }
      const ratio = sum.nanoRevenue / sum.nanoFollowers / (sum.bigRevenue / sum.bigFollowers);
      expect(ratio).toBeGreaterThan(3);
      // For the mass-market brands, near the source's ratio ($0.29 / $0.053 ≈ 5.4).
      const source = BEICHERT_REVENUE_PER_FOLLOWER.usd.nano / BEICHERT_REVENUE_PER_FOLLOWER.usd.macro;
      if (MASS.includes(slug)) expect(Math.abs(Math.log(ratio / source))).toBeLessThan(Math.log(2));
    }
  });
});

describe('bought followers (boughtFollowers)', () => {
  let base: World;
  beforeAll(() => {
    base = world({});
  });

  it.each([
    ['yoga-teacher', 0.6],
    ['pm-blogger', 0.9],
    [42, 0.5],
  ])('raise %s\'s followers and fake share, not its expected conversions', (account, share) => {
    const { world: bought, truth } = simulateWorldWithTruth({ ...DEFAULT_PARAMS, boughtFollowers: [{ account, share }] }, fullOntology());
    const i = typeof account === 'number' ? account - 1 : base.influencers.persona.indexOf(account);
    expect(bought.influencers.followers[i]).toBeGreaterThan(base.influencers.followers[i]);
    expect(truth.hidden.hidden_accounts.fake_follower_share[i]).toBe(share);
    // What a score sees of it: the audit finds more fakes than before.
    expect(bought.influencers.audit_fake_share[i]).toBeGreaterThan(base.influencers.audit_fake_share[i]);
    for (const b of base.brands.brand_id) {
      expect(pairRows(bought, b).expected[i]).toBe(pairRows(base, b).expected[i]);
      expect(pairRows(bought, b).cost[i]).toBeGreaterThan(pairRows(base, b).cost[i]);
    }
    expect(firstDifference(bought.pair_outcomes.expected_conversions, base.pair_outcomes.expected_conversions)).toBe(-1);
    // The other accounts are untouched.
    const others = (w: World) => Array.from(w.influencers.followers).filter((_, j) => j !== i);
    expect(firstDifference(others(bought), others(base))).toBe(-1);
  }, TWO_WORLDS);
});
