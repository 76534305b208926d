import { beforeAll, describe, expect, it } from 'vitest';
import { openWasmWorld } from './wasmEngine.ts';
import type { Engine } from '../../src/lib/db/engine.ts';
import type { Frame } from '../../src/lib/data/frame.ts';
import { QUERIES } from '../../src/sql/catalog.ts';
import { bindSql } from '../../src/sql/bind.ts';
import { countSql } from '../../src/lib/explore/columns.ts';
import { DEFAULT_STATE, queryParams, type ExploreState } from '../../src/lib/explore/state.ts';

/**
 * The explore query joins each account's columns (its score among them) once per account, then the
 * pairs take them by account. Its earlier shape joined every table to every brand × account pair.
 * Both must give the same rows in the same order, and the same count, on the shipped data in
 * DuckDB-WASM. The earlier shape is rebuilt here from the shipped text: its pair columns as they
 * were written, followed by the shipped filters and sort (from the final SELECT on).
 */
const FIVE_JOINS = `WITH scores AS (
  SELECT influencer_id, round(score, 2) AS score
  FROM reach_score($w_followers, $w_reactions, $w_reactors)
),
pairs AS (
  SELECT b.slug AS brand, i.influencer_id, i.handle, i.tier,
         coalesce(t.slug, f.top_topic_id) AS topic,
         i.followers::BIGINT AS followers,
         round(f.reactions_per_post, 2) AS reactions_per_post,
         s.score, o.cost, o.conversions::INTEGER AS conversions, o.revenue, b.brand_id, t.super_topic
  FROM pair_outcomes o
  JOIN brands b USING (brand_id)
  JOIN influencers i USING (influencer_id)
  JOIN scores s USING (influencer_id)
  LEFT JOIN account_features f USING (influencer_id)
  LEFT JOIN topics t ON t.topic_id = f.top_topic_id
)
`;
const shipped = QUERIES.explore_accounts;
const tail = shipped.slice(shipped.search(/^SELECT brand, influencer_id/m));
const earlier = FIVE_JOINS + tail;

let db: Engine;
beforeAll(async () => {
  db = await openWasmWorld();
});

const run = (text: string, state: ExploreState, all = false): Promise<Frame> => {
  const { sql, values } = bindSql(text, queryParams(state, { all }));
  return db.query(sql, values);
};
const counted = async (text: string, state: ExploreState) => {
  const { sql, values } = bindSql(countSql(text), queryParams(state));
  return Number((await db.query(sql, values)).columns.n[0]);
};

const weights = (w_followers: number, w_reactions: number, w_reactors: number) => ({ weights: { w_followers, w_reactions, w_reactors } });
const CASES: [string, Partial<ExploreState>, boolean][] = [
  ['the default view', {}, false],
  ['every row, default weights', {}, true],
  ['every row, other weights, sorted by handle ascending', { ...weights(0.4, 1.6, 0), sort: 'handle', descending: false }, true],
  ['a brand and a tier, page 3, by cost', { brand: 'voltra', tier: 'micro', sort: 'cost', page: 3 }, false],
  ['a super-topic, a followers range, by tier descending', { ...weights(2, 0, 0.5), topic: 'sports-and-recreation-super', followersMin: 2000, followersMax: 200000, sort: 'tier' }, true],
  ['a score range under other weights', { ...weights(0.2, 0.8, 1.4), scoreMin: 20, scoreMax: 60, sort: 'score', descending: false, pageSize: 100, page: 2 }, false],
  ['a niche topic and a handle search, by reactions per post', { topic: 'parenting', handle: 'a', sort: 'reactions_per_post' }, true],
  ['no weights at all (every score the same), by score', { ...weights(0, 0, 0) }, true],
];

describe('the explore query, joined per account, gives the rows of the earlier five-join shape', () => {
  it('rebuilds the earlier shape from the shipped filters and sort', () => {
    expect(tail.length).toBeGreaterThan(500);
    expect(earlier).not.toBe(shipped);
    expect(shipped).not.toContain('JOIN scores s');
  });

  it.each(CASES)('%s', async (_, patch, all) => {
    const state = { ...DEFAULT_STATE, ...patch };
    const [now, before] = await Promise.all([run(shipped, state, all), run(earlier, state, all)]);
    expect(now.length).toBeGreaterThan(0);
    expect(now.names).toEqual(before.names);
    expect(now.length).toBe(before.length);
    expect(now.columns).toEqual(before.columns);
    expect(await counted(shipped, state)).toBe(await counted(earlier, state));
  });

  it('counts the same rows under any weights when no score filter is set (the page counts again only when one is)', async () => {
    const filters: Partial<ExploreState> = { brand: 'taskwise', topic: 'lifestyle-super', followersMin: 1000 };
    const counts = await Promise.all([weights(1, 1, 1), weights(0, 2, 0), weights(2, 0, 0.3)].map((w) => counted(shipped, { ...DEFAULT_STATE, ...filters, ...w })));
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
    const scored = await Promise.all([weights(1, 1, 1), weights(0, 2, 0)].map((w) => counted(shipped, { ...DEFAULT_STATE, ...filters, ...w, scoreMin: 30 })));
    expect(scored[0]).not.toBe(scored[1]);
  });
});
