/**
 * What a marketer can compute about an account beyond its reach score, shared by the figures:
 * hierarchy-aware relevance of its audience to a brand, trust from its engagement, and the
 * "fit" score that combines them with reach. Expensive pieces are cached per query result, so a
 * slider that only changes weights does not recompute relevance.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { topicHierarchy, type TopicHierarchy } from '../scoring/hierarchy.ts';
import { RELEVANCE_DECAY, cosine, expandTopics } from '../scoring/relevance.ts';
import { trustScores } from '../scoring/trust.ts';

const hierarchies = new WeakMap<Frame, { h: TopicHierarchy; names: Map<string, string> }>();

/** The topic hierarchy and display names from the topic_tree query. */
export function topicTree(frame: Frame): { h: TopicHierarchy; names: Map<string, string> } {
  let t = hierarchies.get(frame);
  if (!t) {
    const ids = frame.columns.topic_id as ArrayLike<string>;
    const parents = frame.columns.parent_id as ArrayLike<string | null>;
    const names = new Map<string, string>();
    for (let i = 0; i < frame.length; i++) names.set(ids[i], String(frame.columns.name[i]));
    t = { h: topicHierarchy(parents, ids), names };
    hierarchies.set(frame, t);
  }
  return t;
}

interface Vectors {
  accounts: Map<number, Map<string, number>>;
  brands: Map<string, Map<string, number>>;
}

const expanded = new WeakMap<Frame, Vectors>();

/** Audience and brand-brief topic vectors from the audience_topics query, expanded over the hierarchy once (the score's own RELEVANCE_DECAY). */
export function topicVectors(audience: Frame, tree: Frame): Vectors {
  let v = expanded.get(audience);
  if (!v) {
    const { h } = topicTree(tree);
    const raw: Vectors = { accounts: new Map(), brands: new Map() };
    const ids = audience.columns.influencer_id as ArrayLike<number | null>;
    const brands = audience.columns.brand as ArrayLike<string | null>;
    const topics = audience.columns.topic_id as ArrayLike<string>;
    const weights = numbers(audience, 'weight');
    for (let i = 0; i < audience.length; i++) {
      const map = brands[i]
        ? (raw.brands.get(brands[i]!) ?? raw.brands.set(brands[i]!, new Map()).get(brands[i]!)!)
        : (raw.accounts.get(ids[i]!) ?? raw.accounts.set(ids[i]!, new Map()).get(ids[i]!)!);
      map.set(topics[i], weights[i]);
    }
    v = { accounts: new Map(), brands: new Map() };
    for (const [id, vec] of raw.accounts) v.accounts.set(id, expandTopics(vec, h, RELEVANCE_DECAY));
    for (const [slug, vec] of raw.brands) v.brands.set(slug, expandTopics(vec, h, RELEVANCE_DECAY));
    expanded.set(audience, v);
  }
  return v;
}

/** Relevance of each listed account's audience to a brand (0 for an account with no topic estimate). */
export function relevanceOf(ids: ArrayLike<number>, brand: string, vectors: Vectors): Float64Array {
  const target = vectors.brands.get(brand) ?? new Map<string, number>();
  const memo = new Map<number, number>();
  return Float64Array.from(ids, (id) => {
    let r = memo.get(id);
    if (r === undefined) memo.set(id, (r = cosine(vectors.accounts.get(id) ?? new Map(), target)));
    return r;
  });
}

/** Trust (0–1) of each row's account, from the trust columns every scoring query returns. */
export function trustOf(frame: Frame): Float64Array {
  return trustScores({
    auditFakeShare: numbers(frame, 'audit_fake_share'),
    reactions: numbers(frame, 'reactions'),
    replies: numbers(frame, 'replies'),
    uniqueReactors: numbers(frame, 'unique_reactors'),
    posts: numbers(frame, 'posts'),
    sponsoredPosts: numbers(frame, 'sponsored_posts'),
  });
}

/** The fit score: relevance × trust × reach score, what the report suggests ranking by instead. */
export function fitOf(relevance: ArrayLike<number>, trust: ArrayLike<number>, score: ArrayLike<number>): Float64Array {
  return Float64Array.from(relevance, (r, i) => r * (Number.isFinite(trust[i]) ? trust[i] : 0) * score[i]);
}
