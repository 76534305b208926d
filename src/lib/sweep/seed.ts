/**
 * One seed of the sweep: a world simulated once with its stages kept, the report's scores for
 * every account and brand, and the judging of any swept point against them: ρ(fit) and ρ(reach)
 * with the placements' realized outcomes, and the budget test's outcomes per dollar.
 * Each point redraws outcomes from the same seeded streams as the simulator (common random
 * numbers): at the base world's own values the draws are the world's own, number for number.
 * A point draws only what it judges: every placement that ran, and of the accounts' one-post
 * outcomes only those the budget test buys (a handful per brand), when it reads them.
 */
import { rng } from '../random.ts';
import { auditFakeShares } from '../../../data/sim/audit.ts';
import { audienceFactors } from '../../../data/sim/audience.ts';
import { brandBrief } from '../../../data/sim/brief.ts';
import { drawPost, pairCosts, pairModel, type PairModel } from '../../../data/sim/outcomes.ts';
import { selectPlacements } from '../../../data/sim/placements.ts';
import { reshareAudience } from '../../../data/sim/reshares.ts';
import { STREAM } from '../../../data/sim/streams.ts';
import type { Stages } from '../../../data/sim/world.ts';
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { fitOf, relevanceOf, topicTree, topicVectors, trustOf } from '../figures/signals.ts';
import { RELEVANCE_DECAY, expandTopics } from '../scoring/relevance.ts';
import { spearman } from '../stats/spearman.ts';
import { budgetTest, orderBy } from '../stats/budgetTest.ts';
import { OBSERVED_PATHS, observesOnly, type Assumption } from './assumptions.ts';
import { contextAt } from './point.ts';

/** A brand's scores for every account (index i: influencer i + 1), and the leaderboards they make. */
export interface BrandScores {
  slug: string;
  name: string;
  reach: Float64Array;
  fit: Float64Array;
  byReach: Uint32Array;
  byFit: Uint32Array;
  /** What fit was made of, kept for a point that changes only what a marketer observes (OBSERVED). */
  parts: ScoreParts;
}

/** Fit's parts (relevance to the brief, trust) and the query results they came from. */
export interface ScoreParts {
  relevance: Float64Array;
  trust: Float64Array;
  /** The brand's brand_offers frame (trust's columns). */
  offers: Frame;
  audience: Frame;
  tree: Frame;
}

export interface SeedBase {
  stages: Stages;
  scores: BrandScores[];
  /** Sponsored posts each account ran, per brand (the world's own selection). */
  counts: Int32Array[];
}

/** What one point does for one brand in one world. */
export interface BrandPoint {
  rhoFit: number;
  rhoReach: number;
  /** Budget test at the sweep's budget: purchases per dollar spent, walking down each leaderboard. */
  perDollarFit: number;
  perDollarReach: number;
}

/** The queries the scores come from: brand_offers once per brand (with `brand` bound), then audience_topics and topic_tree. */
export const SCORE_QUERIES = ['brand_offers', 'audience_topics', 'topic_tree'] as const;

/** The columns of brand_offers the scores read (the reach score, trust's columns, the ids and the brand's name): all an engine needs to return. */
export const OFFER_COLUMNS = ['influencer_id', 'brand_name', 'score', 'audit_fake_share', 'reactions', 'replies', 'unique_reactors', 'posts', 'sponsored_posts'] as const;

/** A brand's scores from fit's parts and the reach score: the report's fitOf, and both leaderboards. */
function scoresFrom(slug: string, name: string, reach: Float64Array, parts: ScoreParts): BrandScores {
  const fit = fitOf(parts.relevance, parts.trust, reach);
  return { slug, name, reach, fit, byReach: orderBy(reach, 'descending'), byFit: orderBy(fit, 'descending'), parts };
}

/**
 * The report's reach score and fit for every account, per brand, from the brand_offers frames (one
 * per slug, in the world's brand order) and the audience_topics and topic_tree frames: the budget figure's own
 * functions on the report's own SQL.
 */
export function brandScores(slugs: readonly string[], offers: Frame[], audience: Frame, tree: Frame, accounts: number): BrandScores[] {
  const vectors = topicVectors(audience, tree);
  return offers.map((frame, b) => {
    const ids = numbers(frame, 'influencer_id');
    if (frame.length !== accounts || ids.some((id, i) => id !== i + 1)) throw new Error('brand_offers must hold every account once, by id');
    const slug = slugs[b];
    const parts = { relevance: relevanceOf(ids, slug, vectors), trust: trustOf(frame), offers: frame, audience, tree };
    return scoresFrom(slug, String(frame.columns.brand_name[0]), numbers(frame, 'score'), parts);
  });
}

export function seedBase(stages: Stages, scores: BrandScores[]): SeedBase {
  const { ctx, acc } = stages;
  if (scores.map((s) => s.slug).join() !== ctx.brands.map((b) => b.spec.slug).join()) throw new Error('scores must come in the world’s brand order');
  return { stages, scores, counts: ctx.brands.map((_, b) => selectPlacements(ctx, acc, b, stages.niche)) };
}

/**
 * The scores at a point of an assumption that changes only what a marketer observes
 * (OBSERVED_PATHS), by parameter path: the brief (brand_topics, from its own random stream) and the
 * audit (influencers.audit_fake_share, from its own). Every other table of the world, and so the
 * reach score, the outcomes and the placements, is the same at every value; a point recomputes the
 * one part of fit the table feeds, as the report's functions compute it from those rows.
 */
export const OBSERVED: Readonly<Record<(typeof OBSERVED_PATHS)[number], (base: SeedBase, at: Stages['ctx']) => BrandScores[]>> = {
  briefNoise: (base, at) =>
    base.scores.map((s, b) => {
      // The brief's rows as audience_topics.sql gives them (ordered by topic id), through the report's own topicVectors steps.
      const brief = brandBrief(at, b);
      const ids = at.space.ids;
      const rows = Array.from(brief.topics, (t, j) => [ids[t], brief.weights[j]] as const).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      const { h } = topicTree(s.parts.tree);
      const vectors = { accounts: topicVectors(s.parts.audience, s.parts.tree).accounts, brands: new Map([[s.slug, expandTopics(new Map(rows), h, RELEVANCE_DECAY)]]) };
      return scoresFrom(s.slug, s.name, s.reach, { ...s.parts, relevance: relevanceOf(numbers(s.parts.offers, 'influencer_id'), s.slug, vectors) });
    }),
  auditPassThrough: (base, at) => {
    const audited = auditFakeShares(at, base.stages.acc);
    return base.scores.map((s) => {
      const offers = { ...s.parts.offers, columns: { ...s.parts.offers.columns, audit_fake_share: audited } };
      return scoresFrom(s.slug, s.name, s.reach, { ...s.parts, offers, trust: trustOf(offers) });
    });
  },
};

export { observesOnly };

/** The outcome a brand is judged on, as the report's queries give it: people who recall the post for an awareness goal, else purchases. */
const outcomeOf = (goal: string, draw: { conversions: number; recalled: number }) => (goal === 'awareness' ? draw.recalled : draw.conversions);

/** A column of n values, each computed the first time it is read and kept. */
function onRead(n: number, value: (i: number) => number): ArrayLike<number> {
  const kept = new Float64Array(n).fill(NaN);
  return new Proxy({ length: n } as ArrayLike<number>, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key === 'length') return n;
      const i = Number(key);
      if (!(Number.isInteger(i) && i >= 0 && i < n)) return undefined;
      return Number.isNaN(kept[i]) ? (kept[i] = value(i)) : kept[i];
    },
  });
}

/** Each account's realized outcome from one post, per brand, drawn when the budget test reads it (it reads the accounts it buys). */
function pairDraws(base: SeedBase, model: PairModel): ArrayLike<number>[] {
  const { ctx, acc } = base.stages;
  const nb = ctx.brands.length;
  return ctx.brands.map((brand, b) => onRead(acc.n, (i) => outcomeOf(brand.spec.goal, drawPost(model, nb, i, b, ctx.params.recallRate, rng(ctx.params.seed, STREAM.pair, b + 1, i + 1, 1)))));
}

/** The placements that ran, per brand: each one's account (index) and realized outcome. */
interface Placed {
  account: Int32Array;
  ran: Float64Array;
}

function placementDraws(base: SeedBase, model: PairModel, counts: Int32Array[]): Placed[] {
  const { ctx, acc } = base.stages;
  const nb = ctx.brands.length;
  return counts.map((count, b) => {
    const total = count.reduce((a, c) => a + c, 0);
    const out = { account: new Int32Array(total), ran: new Float64Array(total) };
    let k = 0;
    for (let i = 0; i < acc.n; i++) {
      for (let j = 0; j < count[i]; j++, k++) {
        out.account[k] = i;
        out.ran[k] = outcomeOf(ctx.brands[b].spec.goal, drawPost(model, nb, i, b, ctx.params.recallRate, rng(ctx.params.seed, STREAM.placement, b + 1, i + 1, j)));
      }
    }
    return out;
  });
}

/** Brand b's column of the fees (at i × brands + b), once per fee array. */
const feeColumns = new WeakMap<Float64Array, Float64Array[]>();
function feesOf(cost: Float64Array, nb: number, b: number): Float64Array {
  let columns = feeColumns.get(cost);
  if (!columns) feeColumns.set(cost, (columns = Array.from({ length: nb }, (_, k) => Float64Array.from({ length: cost.length / nb }, (_, i) => cost[i * nb + k]))));
  return columns[b];
}

function judgeDraws(scores: BrandScores[], pairs: ArrayLike<number>[], placed: Placed[], cost: Float64Array, budget: number): BrandPoint[] {
  const nb = scores.length;
  return scores.map((s, b) => {
    const conversions = pairs[b];
    const items = { cost: feesOf(cost, nb, b), conversions, revenue: conversions };
    // Revenue does not enter purchases per dollar; the walk only needs it to be there.
    const byFit = budgetTest({ ...items, order: s.byFit }, budget);
    const byReach = budgetTest({ ...items, order: s.byReach }, budget);
    const { account, ran } = placed[b];
    return {
      rhoFit: spearman(Float64Array.from(account, (i) => s.fit[i]), ran),
      rhoReach: spearman(Float64Array.from(account, (i) => s.reach[i]), ran),
      perDollarFit: byFit.spent > 0 ? byFit.conversions / byFit.spent : NaN,
      perDollarReach: byReach.spent > 0 ? byReach.conversions / byReach.spent : NaN,
    };
  });
}

/** Judge fit against reach per brand, for outcomes drawn from `model` and the placements in `counts`. */
export function judge(base: SeedBase, model: PairModel, counts: Int32Array[], budget: number): BrandPoint[] {
  return judgeDraws(base.scores, pairDraws(base, model), placementDraws(base, model, counts), model.cost, budget);
}

/** The base world's own draws, made once per seed and read by every point that changes neither the outcome model nor the placements. */
const baseDraws = new WeakMap<SeedBase, { pairs: ArrayLike<number>[]; placed: Placed[] }>();
function drawsOf(base: SeedBase) {
  let d = baseDraws.get(base);
  if (!d) baseDraws.set(base, (d = { pairs: pairDraws(base, base.stages.model), placed: placementDraws(base, base.stages.model, base.counts) }));
  return d;
}

/** One point of a 'cost', 'outcomes' or 'selection' assumption, or of one that observesOnly, on this seed's world (other 'world' points need a world of their own). */
export function evaluate(base: SeedBase, a: Assumption, value: number, budget: number): BrandPoint[] {
  const { ctx, acc, aud, model } = base.stages;
  const at = contextAt(a, ctx, value);
  const own = drawsOf(base);
  // Another brief or audit: other scores, the same outcomes and placements.
  if (observesOnly(a)) return judgeDraws(OBSERVED[a.path](base, at), own.pairs, own.placed, model.cost, budget);
  // Fees enter no draw (impressions, clicks and purchases never read them): the base world's draws, the new fees.
  if (a.stage === 'cost') return judgeDraws(base.scores, own.pairs, own.placed, pairCosts(at, acc), budget);
  // Another choice of placements: the same outcome model, so the accounts' own draws stand.
  if (a.stage === 'selection') return judgeDraws(base.scores, own.pairs, placementDraws(base, model, at.brands.map((_, b) => selectPlacements(at, acc, b, base.stages.niche))), model.cost, budget);
  if (a.stage !== 'outcomes') throw new Error(`${a.key} changes the accounts: it needs a world simulated at each point`);
  const sameFit = at.brands.every((b, k) => b.spec.fitSaturation === ctx.brands[k].spec.fitSaturation);
  const refit = !sameFit || at.params.relevanceEffect !== ctx.params.relevanceEffect || at.params.relevancePurchaseEffect !== ctx.params.relevancePurchaseEffect;
  // An outcome point changes no fee: the world's own.
  return judge(base, pairModel(at, acc, refit ? audienceFactors(at, aud, acc.n, { sameFit }) : aud, reshareAudience(at), model.cost), base.counts, budget);
}
