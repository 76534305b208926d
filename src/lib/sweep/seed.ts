/**
 * One seed of the sweep: a world simulated once with its stages kept, the report's scores for
 * every account and brand, and the judging of any swept point against them: ρ(fit) and ρ(reach)
 * with the placements' realized purchases, and the budget test's purchases per dollar.
 * Each point redraws outcomes from the same seeded streams as the simulator (common random
 * numbers): at the base world's own values the draws are the world's own, number for number.
 */
import { rng } from '../random.ts';
import { audienceFactors } from '../../../data/sim/audience.ts';
import { drawPost, pairModel, type PairModel } from '../../../data/sim/outcomes.ts';
import { selectPlacements } from '../../../data/sim/placements.ts';
import { reshareAudience } from '../../../data/sim/reshares.ts';
import { STREAM } from '../../../data/sim/streams.ts';
import type { Stages } from '../../../data/sim/world.ts';
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { fitOf, relevanceOf, topicVectors, trustOf } from '../figures/signals.ts';
import { spearman } from '../stats/spearman.ts';
import { budgetTest, orderBy } from '../stats/budgetTest.ts';
import type { Assumption } from './assumptions.ts';
import { contextAt } from './point.ts';

/** A brand's scores for every account (index i: influencer i + 1), and the leaderboards they make. */
export interface BrandScores {
  slug: string;
  name: string;
  reach: Float64Array;
  fit: Float64Array;
  byReach: Uint32Array;
  byFit: Uint32Array;
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
    const reach = numbers(frame, 'score');
    const fit = fitOf(relevanceOf(ids, slug, vectors), trustOf(frame), reach);
    return { slug, name: String(frame.columns.brand_name[0]), reach, fit, byReach: orderBy(reach, 'descending'), byFit: orderBy(fit, 'descending') };
  });
}

export function seedBase(stages: Stages, scores: BrandScores[]): SeedBase {
  const { ctx, acc } = stages;
  if (scores.map((s) => s.slug).join() !== ctx.brands.map((b) => b.spec.slug).join()) throw new Error('scores must come in the world’s brand order');
  return { stages, scores, counts: ctx.brands.map((_, b) => selectPlacements(ctx, acc, b, stages.niche)) };
}

/** The outcome a brand is judged on, as the report's queries give it: people who recall the post for an awareness goal, else purchases. */
const outcomeOf = (goal: string, draw: { conversions: number; recalled: number }) => (goal === 'awareness' ? draw.recalled : draw.conversions);

/** Each account's realized outcome from one post, per brand (the budget test buys from these). */
function pairDraws(base: SeedBase, model: PairModel): Float64Array[] {
  const { ctx, acc } = base.stages;
  const nb = ctx.brands.length;
  return ctx.brands.map((brand, b) => Float64Array.from({ length: acc.n }, (_, i) => outcomeOf(brand.spec.goal, drawPost(model, nb, i, b, ctx.params.recallRate, rng(ctx.params.seed, STREAM.pair, b + 1, i + 1, 1)))));
}

/** The placements that ran, per brand: their accounts' scores and realized purchases. */
function placementDraws(base: SeedBase, model: PairModel, counts: Int32Array[]): { fit: number[]; reach: number[]; ran: number[] }[] {
  const { ctx, acc } = base.stages;
  const nb = ctx.brands.length;
  return base.scores.map((s, b) => {
    const out = { fit: [] as number[], reach: [] as number[], ran: [] as number[] };
    for (let i = 0; i < acc.n; i++) {
      for (let j = 0; j < counts[b][i]; j++) {
        out.fit.push(s.fit[i]);
        out.reach.push(s.reach[i]);
        out.ran.push(outcomeOf(ctx.brands[b].spec.goal, drawPost(model, nb, i, b, ctx.params.recallRate, rng(ctx.params.seed, STREAM.placement, b + 1, i + 1, j))));
      }
    }
    return out;
  });
}

function judgeDraws(base: SeedBase, pairs: Float64Array[], placed: ReturnType<typeof placementDraws>, cost: Float64Array, budget: number): BrandPoint[] {
  const nb = base.stages.ctx.brands.length;
  return base.scores.map((s, b) => {
    const conversions = pairs[b];
    const items = { cost: Float64Array.from(conversions, (_, i) => cost[i * nb + b]), conversions, revenue: conversions };
    // Revenue does not enter purchases per dollar; the walk only needs it to be there.
    const byFit = budgetTest({ ...items, order: s.byFit }, budget);
    const byReach = budgetTest({ ...items, order: s.byReach }, budget);
    return {
      rhoFit: spearman(placed[b].fit, placed[b].ran),
      rhoReach: spearman(placed[b].reach, placed[b].ran),
      perDollarFit: byFit.spent > 0 ? byFit.conversions / byFit.spent : NaN,
      perDollarReach: byReach.spent > 0 ? byReach.conversions / byReach.spent : NaN,
    };
  });
}

/** Judge fit against reach per brand, for outcomes drawn from `model` and the placements in `counts`. */
export function judge(base: SeedBase, model: PairModel, counts: Int32Array[], budget: number): BrandPoint[] {
  return judgeDraws(base, pairDraws(base, model), placementDraws(base, model, counts), model.cost, budget);
}

/** The base world's own draws, made once per seed (points that change neither the outcome model nor the placements reuse them). */
const baseDraws = new WeakMap<SeedBase, { pairs: Float64Array[]; placed: ReturnType<typeof placementDraws> }>();
function drawsOf(base: SeedBase) {
  let d = baseDraws.get(base);
  if (!d) baseDraws.set(base, (d = { pairs: pairDraws(base, base.stages.model), placed: placementDraws(base, base.stages.model, base.counts) }));
  return d;
}

/** One point of a 'cost', 'outcomes' or 'selection' assumption on this seed's world ('world' points need a world of their own). */
export function evaluate(base: SeedBase, a: Assumption, value: number, budget: number): BrandPoint[] {
  const { ctx, acc, aud, model } = base.stages;
  const at = contextAt(a, ctx, value);
  const own = drawsOf(base);
  // Fees enter no draw (impressions, clicks and purchases never read them): the base world's draws, the new fees.
  if (a.stage === 'cost') return judgeDraws(base, own.pairs, own.placed, pairModel(at, acc, aud, reshareAudience(at)).cost, budget);
  // Another choice of placements: the same outcome model, so the accounts' own draws stand.
  if (a.stage === 'selection') return judgeDraws(base, own.pairs, placementDraws(base, model, at.brands.map((_, b) => selectPlacements(at, acc, b, base.stages.niche))), model.cost, budget);
  if (a.stage !== 'outcomes') throw new Error(`${a.key} changes the accounts: it needs a world simulated at each point`);
  const refit =
    at.params.relevanceEffect !== ctx.params.relevanceEffect ||
    at.params.relevancePurchaseEffect !== ctx.params.relevancePurchaseEffect ||
    at.brands.some((b, k) => b.spec.fitSaturation !== ctx.brands[k].spec.fitSaturation);
  return judge(base, pairModel(at, acc, refit ? audienceFactors(at, aud, acc.n) : aud, reshareAudience(at)), base.counts, budget);
}
