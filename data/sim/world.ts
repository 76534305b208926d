import { rng } from '../../src/lib/random.ts';
import { simulateAccounts, type Accounts } from './accounts.ts';
import { auditFakeShares } from './audit.ts';
import { simulateAudiences, type Audiences } from './audience.ts';
import { brandBrief } from './brief.ts';
import { int32s, float64s } from './columns.ts';
import { simContext, type SimContext } from './context.ts';
import type { Ontology } from './ontology.ts';
import { drawPost, pairModel, type PairModel } from './outcomes.ts';
import { reshareAudience } from './reshares.ts';
import { checkParams, type WorldParams } from './params.ts';
import { selectPlacements } from './placements.ts';
import { postedNiche } from './postedNiche.ts';
import { simulatePosts, type Made, type PostsAndReactions } from './posts.ts';
import { STREAM, streamTags, type StreamName } from './streams.ts';

/** The simulated and real tables of the data dictionary (account_topic_weeks and account_features are derived later by build SQL). */
export type TableName =
  | 'topics'
  | 'topic_edges'
  | 'brands'
  | 'brand_topics'
  | 'influencers'
  | 'audience_topics'
  | 'posts'
  | 'reactions'
  | 'placements'
  | 'pair_outcomes';

/**
 * A world as columns: numbers in typed arrays (BIGINT as Float64Array of integers), text in
 * string arrays, booleans as Uint8Array of 0/1; topic ids are always strings.
 */
export type World = {
  topics: { topic_id: string[]; slug: string[]; name: string[]; super_topic: string[]; depth: Int32Array };
  topic_edges: { parent_id: string[]; child_id: string[] };
  brands: {
    brand_id: Int32Array;
    slug: string[];
    name: string[];
    category: string[];
    price: Float64Array;
    margin: Float64Array;
    goal: string[];
  };
  brand_topics: { brand_id: Int32Array; topic_id: string[]; weight: Float64Array };
  influencers: {
    influencer_id: Int32Array;
    handle: string[];
    tier: string[];
    followers: Float64Array;
    follows: Float64Array;
    account_age_days: Int32Array;
    audit_fake_share: Float64Array;
    persona: string[];
  };
  audience_topics: { influencer_id: Int32Array; topic_id: string[]; share: Float64Array };
  posts: {
    post_id: Int32Array;
    influencer_id: Int32Array;
    day: Int32Array;
    topic_id: string[];
    is_sponsored: Uint8Array;
    likes: Int32Array;
    shares: Int32Array;
    replies: Int32Array;
    unique_reactors: Int32Array;
  };
  reactions: { post_id: Int32Array; reactor_id: Int32Array; day: Int32Array; kind: string[]; sample_weight: Float64Array };
  placements: {
    placement_id: Int32Array;
    brand_id: Int32Array;
    influencer_id: Int32Array;
    cost: Float64Array;
    impressions: Float64Array;
    clicks: Float64Array;
    conversions: Int32Array;
    revenue: Float64Array;
    recalled: Int32Array;
  };
  pair_outcomes: {
    brand_id: Int32Array;
    influencer_id: Int32Array;
    cost: Float64Array;
    expected_conversions: Float64Array;
    conversions: Int32Array;
    revenue: Float64Array;
    expected_recalled: Float64Array;
    recalled: Int32Array;
  };
};

/** The hidden layer, for tests and the methods page: never shipped, never loaded into DuckDB, never seen by a score. */
export interface Truth {
  /** match[b][i]: mean fit of account i's genuine followers to brand b + 1, 0–1. */
  match: Float64Array[];
  genuineFollowers: Float64Array;
  /** Reactions per post per genuine follower (the trust signal behind clicks). */
  engagement: Float64Array;
  /** The expected outcomes of every account × brand pair, with their matched parts (data/sim/calibration.ts reads them). */
  pairs: PairModel;
  /** The dictionary's hidden tables (src/lib/data/dictionary.ts), as columns. */
  hidden: {
    hidden_accounts: {
      influencer_id: Int32Array;
      fake_follower_share: Float64Array;
      genuine_followers: Float64Array;
      community: string[];
      generator_niche_topic_id: string[];
    };
    customer_profiles: { brand_id: Int32Array; topic_id: string[]; true_weight: Float64Array };
  };
}

/** Options for tests: `reseed` re-seeds the named random streams alone (streams.ts). */
export interface SimOptions {
  reseed?: Partial<Record<StreamName, number>>;
  /** Also return the stages (context, accounts, audiences with each follower's coverage kept, pair model) for the break-even sweep to reuse. */
  keepStages?: boolean;
  /** With keepStages, whether to keep each follower's coverage (default true): a world whose outcomes are never recomputed does without. */
  keepCoverage?: boolean;
}

/**
 * Tables handed out while a world is simulated, for a consumer that loads them as they come (the
 * lab's worker). What they hand out is the very data the returned world holds: do not modify it.
 */
export interface WorldStream {
  /** A table is complete: called once per table, as soon as the simulation has made it. */
  table?(name: TableName, columns: World[TableName]): void;
  /** After each account's posts: the posts and reactions made so far; `rows` gives rows [from, to) of either, as the world's columns. */
  events?(made: { posts: number; reactions: number }, rows: (table: 'posts' | 'reactions', from: number, to: number) => Record<string, ArrayLike<unknown>>): void;
}

/** Simulates a world from parameters and an ontology (full, or a world's shipped subset: same output). Pure: no I/O, no clock. */
export function simulateWorld(params: WorldParams, ontology: Ontology, onProgress?: (share: number) => void, stream?: WorldStream, options?: SimOptions): World {
  return simulateWorldWithTruth(params, ontology, onProgress, stream, options).world;
}

/** Rows [from, to) of the posts as the world's columns (views where the rows are all of them). */
function postColumns(posts: PostsAndReactions['posts'], ids: string[], from: number, to: number): World['posts'] {
  const cut = <T extends Int32Array | Uint8Array>(a: T): T => (from === 0 && to === a.length ? a : (a.subarray(from, to) as T));
  return {
    post_id: cut(posts.post_id),
    influencer_id: cut(posts.influencer_id),
    day: cut(posts.day),
    topic_id: Array.from(cut(posts.topic), (t) => ids[t]),
    is_sponsored: cut(posts.is_sponsored),
    likes: cut(posts.likes),
    shares: cut(posts.shares),
    replies: cut(posts.replies),
    unique_reactors: cut(posts.unique_reactors),
  };
}

/** The simulator's intermediate stages, for a caller that recomputes what lies downstream of one of them (the break-even sweep). */
export interface Stages {
  ctx: SimContext;
  acc: Accounts;
  /** With each hidden follower's interests kept. */
  aud: Audiences;
  model: PairModel;
  /** Each account's most-posted topic (the niche a marketer sees), which the shortlists search by. */
  niche: Int32Array;
}

/** simulateWorld plus the hidden truth behind it (and, with keepStages, the stages it went through). */
export function simulateWorldWithTruth(
  params: WorldParams,
  ontology: Ontology,
  onProgress?: (share: number) => void,
  stream: WorldStream = {},
  options: SimOptions = {},
): { world: World; truth: Truth; stages?: Stages } {
  const keepStages = options.keepStages ?? false;
  checkParams(params);
  const progress = onProgress ?? (() => {});
  const emit = <T extends TableName>(name: T, columns: World[T]): World[T] => (stream.table?.(name, columns), columns);
  const ctx = simContext(params, ontology, streamTags(options.reseed));
  const { space } = ctx;
  const nb = ctx.brands.length;
  progress(0);

  // What ships is each brand's brief; the generator's customer profile stays hidden.
  const brandTopics = { brand_id: [] as number[], topic_id: [] as string[], weight: [] as number[] };
  const profiles = { brand_id: [] as number[], topic_id: [] as string[], true_weight: [] as number[] };
  ctx.brands.forEach((b, k) => {
    const brief = brandBrief(ctx, k);
    brief.topics.forEach((t, j) => {
      brandTopics.brand_id.push(k + 1);
      brandTopics.topic_id.push(space.ids[t]);
      brandTopics.weight.push(brief.weights[j]);
    });
    b.topics.forEach((t, j) => {
      profiles.brand_id.push(k + 1);
      profiles.topic_id.push(space.ids[t]);
      profiles.true_weight.push(b.weights[j]);
    });
  });
  const topics = emit('topics', {
    topic_id: space.ids.slice(),
    slug: space.slugs.slice(),
    name: space.names.slice(),
    super_topic: space.superSlug.slice(),
    depth: space.depth.slice(),
  });
  const topicEdges = emit('topic_edges', { parent_id: space.edgeParents.slice(), child_id: space.edgeChildren.slice() });
  const brands = emit('brands', {
    brand_id: Int32Array.from(ctx.brands, (_, k) => k + 1),
    slug: ctx.brands.map((b) => b.spec.slug),
    name: ctx.brands.map((b) => b.spec.name),
    category: ctx.brands.map((b) => b.spec.category),
    price: Float64Array.from(ctx.brands, (b) => b.spec.price),
    margin: Float64Array.from(ctx.brands, (b) => b.spec.margin),
    goal: ctx.brands.map((b) => b.spec.goal),
  });
  const brandTopicsTable = emit('brand_topics', {
    brand_id: Int32Array.from(brandTopics.brand_id),
    topic_id: brandTopics.topic_id,
    weight: Float64Array.from(brandTopics.weight),
  });

  const acc = simulateAccounts(ctx);
  const influencers = emit('influencers', {
    influencer_id: Int32Array.from({ length: acc.n }, (_, i) => i + 1),
    handle: acc.handle,
    tier: acc.tier.slice(),
    followers: acc.followers,
    follows: acc.follows,
    account_age_days: acc.ageDays,
    audit_fake_share: auditFakeShares(ctx, acc),
    persona: acc.persona,
  });
  progress(0.05);
  // The posts and reactions come first (they depend on the accounts alone; every stage draws from its
  // own seeded streams, so the order of stages changes nothing): a consumer streaming the events
  // gets them before the audiences are simulated.
  const step = Math.max(1, Math.floor(acc.n / 20));
  const eventRows = (made: Made) => (table: 'posts' | 'reactions', from: number, to: number) => {
    if (table === 'posts') return postColumns(made.columns.posts, space.ids, from, to);
    const r = made.columns.reactions;
    return {
      post_id: r.post_id.subarray(from, to),
      reactor_id: r.reactor_id.subarray(from, to),
      day: r.day.subarray(from, to),
      kind: r.kind.slice(from, to),
      sample_weight: r.sample_weight.subarray(from, to),
    };
  };
  const pr = simulatePosts(ctx, acc, (i, made) => {
    if (i % step === 0) progress(0.05 + (0.35 * i) / acc.n);
    stream.events?.(made, eventRows(made));
  });
  const posts = emit('posts', postColumns(pr.posts, space.ids, 0, pr.posts.post_id.length));
  const reactions = emit('reactions', pr.reactions);
  // The niche a marketer sees, from the posts: what the shortlists search by.
  const niche = postedNiche(pr.posts, acc.n, space.ids);
  progress(0.4);
  const aud = simulateAudiences(ctx, acc, keepStages && (options.keepCoverage ?? true));
  const audienceTopics = emit('audience_topics', {
    influencer_id: aud.observed.influencer,
    topic_id: Array.from(aud.observed.topic, (t) => space.ids[t]),
    share: aud.observed.share,
  });
  progress(0.7);
  const model = pairModel(ctx, acc, aud, reshareAudience(ctx));

  const pairs = {
    brand_id: new Int32Array(acc.n * nb),
    influencer_id: new Int32Array(acc.n * nb),
    cost: new Float64Array(acc.n * nb),
    expected_conversions: new Float64Array(acc.n * nb),
    conversions: new Int32Array(acc.n * nb),
    revenue: new Float64Array(acc.n * nb),
    expected_recalled: new Float64Array(acc.n * nb),
    recalled: new Int32Array(acc.n * nb),
  };
  const est = params.placementsPerBrand * nb;
  const pl = {
    brand: int32s(est),
    influencer: int32s(est),
    cost: float64s(est),
    impressions: float64s(est),
    clicks: float64s(est),
    conversions: int32s(est),
    revenue: float64s(est),
    recalled: int32s(est),
  };
  for (let b = 0; b < nb; b++) {
    const price = ctx.brands[b].spec.price;
    for (let i = 0; i < acc.n; i++) {
      const row = b * acc.n + i;
      const at = i * nb + b;
      const draw = drawPost(model, nb, i, b, params.recallRate, rng(params.seed, STREAM.pair, b + 1, i + 1, 1));
      pairs.brand_id[row] = b + 1;
      pairs.influencer_id[row] = i + 1;
      pairs.cost[row] = model.cost[at];
      pairs.expected_conversions[row] = model.expected[at];
      pairs.conversions[row] = draw.conversions;
      pairs.revenue[row] = draw.conversions * price;
      pairs.expected_recalled[row] = model.genuineImpressions[i] * params.recallRate;
      pairs.recalled[row] = draw.recalled;
    }
    const count = selectPlacements(ctx, acc, b, niche);
    for (let i = 0; i < acc.n; i++) {
      for (let j = 0; j < count[i]; j++) {
        const draw = drawPost(model, nb, i, b, params.recallRate, rng(params.seed, STREAM.placement, b + 1, i + 1, j));
        pl.brand.push(b + 1);
        pl.influencer.push(i + 1);
        pl.cost.push(model.cost[i * nb + b]);
        pl.impressions.push(draw.impressions);
        pl.clicks.push(draw.clicks);
        pl.conversions.push(draw.conversions);
        pl.revenue.push(draw.conversions * price);
        pl.recalled.push(draw.recalled);
      }
    }
    progress(0.7 + (0.3 * (b + 1)) / nb);
  }
  const placementCount = pl.brand.length;

  const placements = emit('placements', {
    placement_id: Int32Array.from({ length: placementCount }, (_, k) => k + 1),
    brand_id: pl.brand.done(),
    influencer_id: pl.influencer.done(),
    cost: pl.cost.done(),
    impressions: pl.impressions.done(),
    clicks: pl.clicks.done(),
    conversions: pl.conversions.done(),
    revenue: pl.revenue.done(),
    recalled: pl.recalled.done(),
  });
  const world: World = {
    topics,
    topic_edges: topicEdges,
    brands,
    brand_topics: brandTopicsTable,
    influencers,
    audience_topics: audienceTopics,
    posts,
    reactions,
    placements,
    pair_outcomes: emit('pair_outcomes', pairs),
  };
  const match = ctx.brands.map((_, b) => Float64Array.from({ length: acc.n }, (_, i) => aud.hidden.fit[i * nb + b]));
  progress(1);
  const hidden: Truth['hidden'] = {
    hidden_accounts: {
      influencer_id: Int32Array.from({ length: acc.n }, (_, i) => i + 1),
      fake_follower_share: acc.fakeShare,
      genuine_followers: acc.genuine,
      community: Array.from(acc.community, (c) => ctx.communities[c].key),
      generator_niche_topic_id: Array.from(acc.niche, (t) => space.ids[t]),
    },
    customer_profiles: { brand_id: Int32Array.from(profiles.brand_id), topic_id: profiles.topic_id, true_weight: Float64Array.from(profiles.true_weight) },
  };
  const truth = { match, genuineFollowers: acc.genuine, engagement: acc.engagement, pairs: model, hidden };
  return { world, truth, stages: keepStages ? { ctx, acc, aud, model, niche } : undefined };
}
