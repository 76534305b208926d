import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld } from '../../src/lib/db/world.ts';
import { runQuery } from '../../src/lib/db/run.ts';
import { DEFAULTS } from '../../src/lib/state/params.ts';
import { numbers } from '../../src/lib/data/frame.ts';
import { outcomeColumn } from '../../src/lib/figures/verdict.ts';

/** Each brand is judged on its own goal's outcome: purchases for a sales brand, people who recall the post for the awareness brand. */
describe('the outcome of each placement follows its brand\'s goal', () => {
  let db: Awaited<ReturnType<typeof openWorld>>;
  beforeAll(async () => {
    db = await openWorld();
  });
  afterAll(() => db.close());

  it.each(['score_sell_rows', 'placement_scores'] as const)('%s: outcome is recalled for the awareness brand and conversions for the others', async (query) => {
    const { frame } = await runQuery(db, query, DEFAULTS);
    const goal = frame.columns.goal as ArrayLike<string>;
    const outcome = numbers(frame, 'outcome');
    const recalled = numbers(frame, 'recalled');
    const conversions = numbers(frame, 'conversions');
    const seen = new Set<string>();
    for (let i = 0; i < frame.length; i++) {
      seen.add(goal[i]);
      expect(outcome[i]).toBe(goal[i] === 'awareness' ? recalled[i] : conversions[i]);
    }
    expect(seen).toEqual(new Set(['sales', 'awareness']));
  });

  it('placement_outcomes: every placement as numbers, in brand and placement order (the table\'s own: no ORDER BY), with the outcomes the download rows pick from by goal', async () => {
    const slim = (await runQuery(db, 'placement_outcomes', DEFAULTS)).frame;
    expect(slim.names).toEqual(['brand_id', 'influencer_id', 'conversions', 'recalled']);
    const full = (await runQuery(db, 'score_sell_rows', DEFAULTS)).frame;
    const order = Array.from({ length: full.length }, (_, i) => i).sort(
      (a, b) => (full.columns.brand_id[a] as number) - (full.columns.brand_id[b] as number) || (full.columns.placement_id[a] as number) - (full.columns.placement_id[b] as number),
    );
    expect(slim.length).toBe(full.length);
    for (const name of slim.names) expect(Array.from(slim.columns[name]).map(Number), name).toEqual(order.map((i) => Number(full.columns[name][i])));
    const goals = (await runQuery(db, 'brand_goals', DEFAULTS)).frame;
    const goalOf = new Map(Array.from({ length: goals.length }, (_, i) => [goals.columns.brand_id[i], goals.columns.goal[i]]));
    for (const i of order) expect(full.columns.outcome[i]).toBe(full.columns[outcomeColumn(goalOf.get(full.columns.brand_id[i]))][i]);
    const brands = await db.query('SELECT count(DISTINCT brand_id)::INTEGER AS n FROM placements');
    expect(goals.length).toBe(brands.columns.n[0]);
  });

  it('the data step writes placements in brand, then placement order (what placement_outcomes relies on)', async () => {
    const f = await db.query('SELECT count(*)::INTEGER AS n FROM (SELECT (brand_id, placement_id) < lag((brand_id, placement_id)) OVER () AS back FROM placements) WHERE back');
    expect(f.columns.n[0]).toBe(0);
  });

  it.each(['tuneloop', 'voltra'])('brand_offers for %s: the outcome and its expectation follow the goal', async (brand) => {
    const { frame } = await runQuery(db, 'brand_offers', { ...DEFAULTS, brand });
    const awareness = brand === 'tuneloop';
    const f = await db.query(
      `SELECT o.influencer_id, o.expected_${awareness ? 'recalled' : 'conversions'} AS e, o.${awareness ? 'recalled' : 'conversions'}::DOUBLE AS r
       FROM pair_outcomes o JOIN brands b USING (brand_id) WHERE b.slug = ? ORDER BY o.influencer_id`,
      [brand],
    );
    expect(Array.from(numbers(frame, 'expected_outcome'))).toEqual(Array.from(numbers(f, 'e')));
    expect(Array.from(numbers(frame, 'outcome'))).toEqual(Array.from(numbers(f, 'r')));
  });

  it('recall is a share of the genuine people reached, so it exceeds purchases and stays below impressions', async () => {
    const f = await db.query(
      "SELECT sum(recalled)::DOUBLE AS recalled, sum(conversions)::DOUBLE AS conversions, sum(impressions)::DOUBLE AS impressions FROM placements",
    );
    const [recalled, conversions, impressions] = ['recalled', 'conversions', 'impressions'].map((c) => numbers(f, c)[0]);
    expect(recalled).toBeGreaterThan(conversions);
    expect(recalled).toBeLessThan(impressions);
  });
});
