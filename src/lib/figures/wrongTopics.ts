/**
 * "Wrong topics": what an account is "about", inferred from its posts two ways. Naive (Klout's
 * way): any mention counts. Persistent: only topics that recur across weeks, weighted by how rare
 * they are. The PM blogger's one-off posts show the difference; relevance to the brand computed
 * from each profile shows what it costs.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { naiveTopics, persistentTopics, type TopicProfiles } from '../scoring/topicInference.ts';
import { RELEVANCE_DECAY, cosine, expandTopics } from '../scoring/relevance.ts';
import { spearman } from '../stats/spearman.ts';
import { relevanceOf, topicTree, topicVectors } from './signals.ts';
import { fixed, percent } from '../format.ts';
import { WEIGHTS, type FigureDef } from './figureDef.ts';
import { topicProfileChart } from '../charts/topicProfile.ts';

export const EXAMPLE_PERSONA = 'pm-blogger';

export interface TopicBar {
  topic: string;
  method: 'Naive (any mention)' | 'Persistent (recurring, rare)';
  weight: number;
  oneOff: boolean;
}

export interface WrongTopicsModel {
  handle: string;
  bars: TopicBar[];
  /** Share of accounts whose naive / persistent profile includes a topic mentioned in one week only. */
  oneOffShare: { naive: number; persistent: number };
  /** Spearman with conversions, for the brand's placements, of relevance computed from each profile and from the audience sample. */
  rho: { naive: number; persistent: number; audience: number };
  brand: string;
}

const naiveCache = new WeakMap<Frame, TopicProfiles>();

export function wrongTopicsModel([mentions, tree, audience, placements]: Frame[], brand: string, minWeeks: number): WrongTopicsModel {
  const { h, names } = topicTree(tree);
  // One row per (account, topic, week); naive inference counts mentions, so expand by count.
  const account = numbers(mentions, 'influencer_id');
  const week = numbers(mentions, 'week');
  const topic = mentions.columns.topic_id as ArrayLike<string>;
  const count = numbers(mentions, 'mentions');
  let naive = naiveCache.get(mentions);
  if (!naive) {
    const rows = { account: [] as number[], week: [] as number[], topic: [] as string[] };
    for (let i = 0; i < mentions.length; i++) for (let k = 0; k < count[i]; k++) (rows.account.push(account[i]), rows.week.push(week[i]), rows.topic.push(topic[i]));
    naiveCache.set(mentions, (naive = naiveTopics(rows)));
  }
  const persistent = persistentTopics({ account, week, topic }, { minWeeks });

  // Topics an account mentioned in one week only, once.
  const weeksOf = new Map<number, Map<string, number>>();
  for (let i = 0; i < mentions.length; i++) {
    const m = weeksOf.get(account[i]) ?? weeksOf.set(account[i], new Map()).get(account[i])!;
    m.set(topic[i], (m.get(topic[i]) ?? 0) + count[i]);
  }
  const oneOff = (a: number, t: string) => weeksOf.get(a)?.get(t) === 1;
  const shareWithOneOff = (profiles: TopicProfiles) => {
    let n = 0;
    for (const [a, p] of profiles) if ([...p.keys()].some((t) => oneOff(a, t))) n++;
    return profiles.size ? n / profiles.size : NaN;
  };

  const persona = mentions.columns.persona as ArrayLike<string | null>;
  const exampleIndex = Array.prototype.findIndex.call(persona, (p: string | null) => p === EXAMPLE_PERSONA);
  const example = account[exampleIndex];
  const bars: TopicBar[] = [];
  const naiveProfile = naive.get(example) ?? new Map();
  const persistentProfile = persistent.get(example) ?? new Map();
  for (const t of [...naiveProfile.keys()].sort((a, b) => naiveProfile.get(b)! - naiveProfile.get(a)!)) {
    const label = names.get(t) ?? t;
    bars.push({ topic: label, method: 'Naive (any mention)', weight: naiveProfile.get(t)!, oneOff: oneOff(example, t) });
    bars.push({ topic: label, method: 'Persistent (recurring, rare)', weight: persistentProfile.get(t) ?? 0, oneOff: oneOff(example, t) });
  }

  // Relevance to the brand from each profile, judged on the brand's placements.
  const vectors = topicVectors(audience, tree);
  const target = vectors.brands.get(brand) ?? new Map();
  const slugs = placements.columns.brand as ArrayLike<string>;
  const ids: number[] = [];
  const conversions: number[] = [];
  const pc = numbers(placements, 'conversions');
  const pid = numbers(placements, 'influencer_id');
  for (let i = 0; i < placements.length; i++) if (slugs[i] === brand) (ids.push(pid[i]), conversions.push(pc[i]));
  const fromProfile = (profiles: TopicProfiles) => ids.map((id) => cosine(expandTopics(profiles.get(id) ?? new Map(), h, RELEVANCE_DECAY), target));
  const brandIndex = Array.prototype.findIndex.call(slugs, (s: string) => s === brand);
  return {
    handle: String(mentions.columns.handle[exampleIndex] ?? ''),
    bars,
    oneOffShare: { naive: shareWithOneOff(naive), persistent: shareWithOneOff(persistent) },
    rho: {
      naive: spearman(fromProfile(naive), conversions),
      persistent: spearman(fromProfile(persistent), conversions),
      audience: spearman(relevanceOf(ids, brand, vectors), conversions),
    },
    brand: brandIndex >= 0 ? String(placements.columns.brand_name[brandIndex]) : brand,
  };
}

export function wrongTopicsLive(m: WrongTopicsModel): Record<string, string> {
  return {
    'topics.oneoff.naive': percent(m.oneOffShare.naive),
    'topics.oneoff.persistent': percent(m.oneOffShare.persistent),
    'topics.rho.naive': fixed(m.rho.naive),
    'topics.rho.persistent': fixed(m.rho.persistent),
    'topics.rho.audience': fixed(m.rho.audience),
    'topics.brand': m.brand,
  };
}

/** The figure's definition (see figureDef.ts). */
export const wrongTopicsFigure: FigureDef<WrongTopicsModel> = {
  title: "What is the PM blogger about? Topics inferred from posts, two ways",
  queries: ['topic_mentions', 'topic_tree', 'audience_topics', 'placement_scores'],
  params: ['min_weeks'],
  uses: WEIGHTS,
  model: (frames, p) => wrongTopicsModel(frames, 'taskwise', Number(p.min_weeks)),
  rows: (m) => ({
    names: ['topic', 'method', 'weight', 'mentioned_once'],
    columns: { topic: m.bars.map((b) => b.topic), method: m.bars.map((b) => b.method), weight: m.bars.map((b) => b.weight), mentioned_once: m.bars.map((b) => b.oneOff) },
    length: m.bars.length,
  }),
  live: wrongTopicsLive,
  chart: (m, o) => topicProfileChart(m.bars, m.handle, o),
  summary: (m) => ({
    head: ['Profile from', 'Accounts with a one-off topic in it', `Spearman of relevance with ${m.brand} conversions`],
    rows: [
      ['Naive (any mention)', percent(m.oneOffShare.naive), fixed(m.rho.naive)],
      ['Persistent (recurring, rare)', percent(m.oneOffShare.persistent), fixed(m.rho.persistent)],
      ['Audience sample (followers)', '–', fixed(m.rho.audience)],
    ],
  }),
};
