import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSql, fixtureEngine } from './engine.ts';

// Account 1: two posts on day 0; reactor 7 reacts to both (twice that day), reactor 8 once.
// Account 2: one sponsored post, sampled events each standing for 10 reactions. Account 3 never posts.
// Account 4: one post on topic '9' and one on '10', nobody reacts (a tie for its most-posted topic).
const fixture = [
  `CREATE TABLE influencers AS SELECT * FROM (VALUES (1, 1000::BIGINT), (2, 50000::BIGINT), (3, 10::BIGINT), (4, 700::BIGINT)) t(influencer_id, followers)`,
  `CREATE TABLE posts AS SELECT * FROM (VALUES
     (10, 1, 0, 'a', false, 2, 0, 1, 2),
     (11, 1, 0, 'a', false, 1, 0, 0, 1),
     (20, 2, 8, 'b', true, 25, 5, 0, 2),
     (30, 4, 20, '9', false, 0, 0, 0, 0),
     (31, 4, 20, '10', false, 0, 0, 0, 0)
   ) t(post_id, influencer_id, day, topic_id, is_sponsored, likes, shares, replies, unique_reactors)`,
  `CREATE TABLE reactions AS SELECT * FROM (VALUES
     (10, 7, 0, 'like', 1.0), (10, 8, 0, 'reply', 1.0), (11, 7, 0, 'like', 1.0),
     (20, 9, 8, 'like', 15.0), (20, 7, 9, 'share', 15.0),
     (10, 2, 1, 'share', 1.0)
   ) t(post_id, reactor_id, day, kind, sample_weight)`,
];

let db: Awaited<ReturnType<typeof fixtureEngine>>;
beforeAll(async () => {
  db = await fixtureEngine(fixture, { macros: [] });
});
afterAll(() => db.close());

describe('account_features.sql', () => {
  it('aggregates posts and weights each reaction by 1 / its reactor\'s reactions that day', async () => {
    const f = await db.query(buildSql('account_features'));
    const byId = (id: number) => {
      const i = (f.columns.influencer_id as number[]).indexOf(id);
      return Object.fromEntries(f.names.map((n) => [n, f.columns[n][i]]));
    };
    // Account 1: reactor 7 reacted twice on day 0 (each counts 1/2), reactor 8 once, account 2 once on day 1: 1/2 + 1/2 + 1 + 1 = 3.
    expect(byId(1)).toMatchObject({ followers: 1000, posts: 2, sponsored_posts: 0, reactions: 4, replies: 1, shares: 0, reactions_per_post: 2, selective_reactions: 3 });
    // 3 distinct reactors in 4 sampled events: 4 × 3/4.
    expect(byId(1).unique_reactors).toBeCloseTo(3, 12);
    // Kred-like points: three reactions from people (1 each) and one from a 50,000-follower account (10).
    expect(byId(1).kred_points).toBe(13);
    // PeerIndex-like authority: one reshare, by an account with 50,000 followers: ln(2 + 50,000).
    expect(byId(1).reshare_authority).toBeCloseTo(Math.log(50002), 12);
    // The visible niche is the most-posted topic: 'a' for account 1 (both posts), 'b' for account 2.
    expect(byId(1)).toMatchObject({ top_topic_id: 'a', niche_share: 1 });
    expect(byId(2)).toMatchObject({ top_topic_id: 'b', niche_share: 1 });
    // A tie goes to the smallest topic id as text: '10' < '9'.
    expect(byId(4)).toMatchObject({ top_topic_id: '10', niche_share: 0.5 });
    // Account 2 gave one reaction (to account 1's post): its outreach.
    expect(byId(2).reactions_given).toBe(1);
    expect(byId(1).reactions_given).toBe(0);
    // Account 2: each event stands for 15 reactions by reactors with one reaction that day: 15 + 15.
    expect(byId(2)).toMatchObject({ posts: 1, sponsored_posts: 1, reactions: 30, shares: 5, reactions_per_post: 30, selective_reactions: 30, unique_reactors: 30, kred_points: 30 });
    // An account without posts still has a row, with zeros.
    expect(byId(3)).toMatchObject({ followers: 10, posts: 0, reactions: 0, reactions_per_post: 0, selective_reactions: 0, unique_reactors: 0, kred_points: 0, niche_share: 0, top_topic_id: null });
  });

  it('counts topic mentions per account and week', async () => {
    const f = await db.query(buildSql('account_topic_weeks'));
    expect(f.length).toBe(4);
    expect(Array.from(f.columns.mentions as number[])).toEqual([2, 1, 1, 1]);
    expect(Array.from(f.columns.week as number[])).toEqual([0, 1, 2, 2]);
    expect(Array.from(f.columns.topic_id as string[])).toEqual(['a', 'b', '10', '9']);
  });
});
