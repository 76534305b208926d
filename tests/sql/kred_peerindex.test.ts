import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from './engine.ts';

// Three accounts with hand-picked features.
const features = `CREATE TABLE account_features AS SELECT * FROM (VALUES
  (1, 100::BIGINT, 0.0::DOUBLE, 0.0::DOUBLE, 0.0::DOUBLE, 0.0::DOUBLE, 0.0::DOUBLE, 0.5::DOUBLE),
  (2, 1000::BIGINT, 0.0, 0.0, ${Math.E - 1}, 3.0, ${Math.E - 1}, 1.0),
  (3, 10000::BIGINT, 0.0, 0.0, ${Math.E ** 2 - 1}, 0.0, 0.0, 0.0)
) t(influencer_id, followers, reactions_per_post, selective_reactions, kred_points, reactions_given, reshare_authority, niche_share)`;

let db: Awaited<ReturnType<typeof fixtureEngine>>;
beforeAll(async () => {
  db = await fixtureEngine([features]);
});
afterAll(() => db.close());

const column = async (sql: string, name: string) => Array.from((await db.query(sql)).columns[name] as number[]);

describe('kred_score macro', () => {
  it('puts influence on 1–1000 by log points, the top account at 1000', async () => {
    // ln(1 + points) is 0, 1 and 2: influence 1, 1 + 999/2 and 1000.
    expect(await column('SELECT * FROM kred_score() ORDER BY influencer_id', 'influence')).toEqual([1, 500.5, 1000]);
  });
  it('gives outreach levels 1–12 from reactions given', async () => {
    expect(await column('SELECT * FROM kred_score() ORDER BY influencer_id', 'outreach_level')).toEqual([1, 12, 1]);
  });
});

describe('peerindex_score macro', () => {
  it('combines authority, audience rank and topic focus 50/30/20 onto 1–100', async () => {
    const score = await column('SELECT * FROM peerindex_score() ORDER BY influencer_id', 'score');
    // authority: ln(1+0)/1 = 0, ln(e)/ln(e) = 1, 0; audience percent_rank: 0, 0.5, 1; activity: 0.5, 1, 0.
    const expected = [
      1 + 99 * (0.5 * 0 + 0.3 * 0 + 0.2 * 0.5),
      1 + 99 * (0.5 * 1 + 0.3 * 0.5 + 0.2 * 1),
      1 + 99 * (0.5 * 0 + 0.3 * 1 + 0.2 * 0),
    ];
    score.forEach((s, i) => expect(s).toBeCloseTo(expected[i], 10));
  });
});
