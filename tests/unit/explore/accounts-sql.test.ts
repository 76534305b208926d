import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from '../../sql/engine.ts';
import { runQuery } from '../../../src/lib/db/run.ts';
import { DEFAULT_STATE, queryParams, type ExploreState } from '../../../src/lib/explore/state.ts';
import { EXPLORE_COLUMNS } from '../../../src/lib/explore/downloads.ts';

// Six accounts × two brands. Followers grow with the id, so under weights (1, 0, 0) the score does too.
const fixture = [
  `CREATE TABLE brands AS SELECT * FROM (VALUES (1, 'yoga', 'Yoga studio'), (2, 'energy', 'Energy drink')) t(brand_id, slug, name)`,
  `CREATE TABLE topics AS SELECT * FROM (VALUES ('10', 'yoga', 'Yoga', 'health'), ('11', 'running', 'Running', 'sports'), ('1', 'health', 'Health', 'health')) t(topic_id, slug, name, super_topic)`,
  `CREATE TABLE influencers AS SELECT * FROM (VALUES
     (1, 'Zen_Anna', 'nano', 500::BIGINT, '10'), (2, 'run%fast', 'nano', 5000::BIGINT, '11'), (3, 'yogi_bob', 'micro', 50000::BIGINT, '10'),
     (4, 'MegaStar', 'mega', 5000000::BIGINT, '11'), (5, 'o''brien', 'micro', 20000::BIGINT, '99'), (6, 'zen_carl', 'mid', 200000::BIGINT, '10')
   ) t(influencer_id, handle, tier, followers, top_topic_id)`,
  `CREATE TABLE account_features AS SELECT influencer_id, followers, 1.0::DOUBLE AS reactions_per_post, 1.0::DOUBLE AS selective_reactions, top_topic_id FROM influencers`,
  `CREATE TABLE pair_outcomes AS SELECT b.brand_id, i.influencer_id, (i.influencer_id * 10 + b.brand_id)::DOUBLE AS cost,
     (i.influencer_id % 3 + b.brand_id)::INTEGER AS conversions, (i.influencer_id * 2.5)::DOUBLE AS revenue
   FROM brands b, influencers i`,
];

let db: Awaited<ReturnType<typeof fixtureEngine>>;
beforeAll(async () => {
  // Only the macros the explore query calls (the others need columns this fixture does not have).
  db = await fixtureEngine(fixture, { macros: ['reach_score'] });
});
afterAll(() => db.close());

const run = async (patch: Partial<ExploreState>, all = false) => {
  const state = { ...DEFAULT_STATE, weights: { w_followers: 1, w_reactions: 0, w_reactors: 0 }, ...patch };
  return (await runQuery(db, 'explore_accounts', queryParams(state, { all }))).frame;
};
const pairs = (f: Awaited<ReturnType<typeof run>>) => Array.from({ length: f.length }, (_, i) => `${f.columns.brand[i]}:${f.columns.influencer_id[i]}`);

describe('explore_accounts.sql', () => {
  it('returns the dictionary columns, one row per brand × account, sorted by score descending by default', async () => {
    const f = await run({}, true);
    expect(f.names).toEqual(EXPLORE_COLUMNS.columns.map((c) => c.name));
    expect(f.length).toBe(12);
    expect(pairs(f).slice(0, 4)).toEqual(['yoga:4', 'energy:4', 'yoga:6', 'energy:6']);
    expect(f.columns.topic[f.length - 1]).toBe('yoga'); // account 1
    const row5 = pairs(f).indexOf('yoga:5');
    expect(f.columns.topic[row5]).toBe('99'); // an unknown topic id is shown as the id
  });

  it('pages with LIMIT/OFFSET in the same order as the full result', async () => {
    const all = pairs(await run({}, true));
    expect(pairs(await run({ pageSize: 25, page: 1 }))).toEqual(all);
    const page = (await runQuery(db, 'explore_accounts', { ...queryParams({ ...DEFAULT_STATE, weights: { w_followers: 1, w_reactions: 0, w_reactors: 0 } }), limit: 5, offset: 5 })).frame;
    expect(pairs(page)).toEqual(all.slice(5, 10));
    // (An empty page is not asked of DuckDB on Node here: its adapter cannot read a result with no rows.)
  });

  it.each([
    [{ brand: 'energy' }, ['energy:4', 'energy:6', 'energy:3', 'energy:5', 'energy:2', 'energy:1']],
    [{ brand: 'yoga', tier: 'nano' }, ['yoga:2', 'yoga:1']],
    [{ brand: 'yoga', topic: 'yoga' }, ['yoga:6', 'yoga:3', 'yoga:1']],
    [{ brand: 'yoga', topic: 'sports' }, ['yoga:4', 'yoga:2']],
    [{ brand: 'yoga', followersMin: 5000, followersMax: 50000 }, ['yoga:3', 'yoga:5', 'yoga:2']],
    [{ brand: 'yoga', handle: 'ZEN' }, ['yoga:6', 'yoga:1']],
    [{ brand: 'yoga', handle: '%' }, ['yoga:2']],
    [{ brand: 'yoga', handle: "o'b" }, ['yoga:5']],
    [{ brand: 'yoga', scoreMin: 99 }, ['yoga:4']],
    [{ brand: 'yoga', scoreMax: 1 }, ['yoga:1']],
  ])('filters %j', async (patch, expected) => {
    expect(pairs(await run(patch, true))).toEqual(expected);
  });

  it.each([
    ['handle', false, ['yoga:4', 'yoga:5', 'yoga:2', 'yoga:3', 'yoga:1', 'yoga:6']],
    ['handle', true, ['yoga:6', 'yoga:1', 'yoga:3', 'yoga:2', 'yoga:5', 'yoga:4']],
    ['followers', false, ['yoga:1', 'yoga:2', 'yoga:5', 'yoga:3', 'yoga:6', 'yoga:4']],
    ['tier', false, ['yoga:1', 'yoga:2', 'yoga:3', 'yoga:5', 'yoga:6', 'yoga:4']],
    ['tier', true, ['yoga:4', 'yoga:6', 'yoga:3', 'yoga:5', 'yoga:1', 'yoga:2']],
    ['conversions', true, ['yoga:2', 'yoga:5', 'yoga:1', 'yoga:4', 'yoga:3', 'yoga:6']],
    ['topic', false, ['yoga:5', 'yoga:2', 'yoga:4', 'yoga:1', 'yoga:3', 'yoga:6']],
  ] as const)('sorts by %s (descending %s), ties by account id', async (sort, descending, expected) => {
    expect(pairs(await run({ brand: 'yoga', sort, descending }, true))).toEqual(expected);
  });
});

describe('explore_options.sql', () => {
  it('lists brands, tiers in size order, niche topics with counts, their super-topics and the largest followers count', async () => {
    const f = (await runQuery(db, 'explore_options', {})).frame;
    const of = (kind: string) => Array.from({ length: f.length }, (_, i) => i).filter((i) => f.columns.kind[i] === kind).map((i) => f.columns.value[i]);
    expect(of('brand')).toEqual(['energy', 'yoga']);
    expect(of('tier')).toEqual(['nano', 'micro', 'mid', 'mega']);
    expect(of('topic').sort()).toEqual(['99', 'running', 'yoga']);
    expect(of('super_topic')).toEqual(['health']);
    expect(of('followers_max')).toEqual(['5000000']);
  });
});

describe('countSql', () => {
  it('counts the filtered rows with the query text up to its ORDER BY, bound with the same parameters', async () => {
    const { countSql } = await import('../../../src/lib/explore/columns.ts');
    const { bindSql } = await import('../../../src/sql/bind.ts');
    const { QUERIES } = await import('../../../src/sql/catalog.ts');
    const text = countSql(QUERIES.explore_accounts);
    expect(text).not.toMatch(/ORDER BY|LIMIT/);
    for (const patch of [{}, { brand: 'yoga' }, { brand: 'yoga', topic: 'yoga' }, { handle: 'zen', followersMax: 300000 }]) {
      const state = { ...DEFAULT_STATE, weights: { w_followers: 1, w_reactions: 0, w_reactors: 0 }, ...patch };
      const { sql, values } = bindSql(text, queryParams(state));
      const n = (await db.query(sql, values)).columns.n[0];
      expect(n).toBe((await run(patch, true)).length);
    }
  });
});
