import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from './engine.ts';

// 21 accounts with followers 10^1 .. 10^21/…: raw under weights (1, 0, 0) is ln(1 + followers).
const followers = Array.from({ length: 21 }, (_, i) => Math.round(10 * 1.9 ** i));
const features = `CREATE TABLE account_features AS SELECT * FROM (VALUES ${followers
  .map((f, i) => `(${i + 1}, ${f}::BIGINT, ${(i % 5) + 1}::DOUBLE, ${20 - i}::DOUBLE)`)
  .join(', ')}) t(influencer_id, followers, reactions_per_post, selective_reactions)`;

let db: Awaited<ReturnType<typeof fixtureEngine>>;
beforeAll(async () => {
  db = await fixtureEngine([features], { macros: ['reach_score'] });
});
afterAll(() => db.close());

const scores = async (wf: number, wr: number, wu: number) => {
  const f = await db.query('SELECT influencer_id, raw, score FROM reach_score(?, ?, ?) ORDER BY influencer_id', [wf, wr, wu]);
  return { raw: Array.from(f.columns.raw as number[]), score: Array.from(f.columns.score as number[]) };
};

describe('reach_score macro', () => {
  it('computes raw as the weighted sum of log features', async () => {
    const { raw } = await scores(1, 0.5, 0.25);
    followers.forEach((f, i) => {
      const expected = Math.log(1 + f) + 0.5 * Math.log(1 + ((i % 5) + 1)) + 0.25 * Math.log(1 + (20 - i));
      expect(raw[i]).toBeCloseTo(expected, 10);
    });
  });

  it('maps the minimum to 1, the median to 20, the 95th percentile to 50 and the maximum to 99', async () => {
    const { score } = await scores(1, 0, 0);
    // raw is increasing in id here, so the 11th of 21 is the median; the 95th percentile
    // (quantile_cont) lies 0.95 × 20 = 19 positions up: exactly the 20th account.
    expect(score[0]).toBeCloseTo(1, 10);
    expect(score[10]).toBeCloseTo(20, 10);
    expect(score[19]).toBeCloseTo(50, 10);
    expect(score[20]).toBeCloseTo(99, 10);
  });

  it('interpolates linearly between anchors', async () => {
    const { raw, score } = await scores(1, 0, 0);
    const expected = 20 + (30 * (raw[15] - raw[10])) / (raw[19] - raw[10]);
    expect(score[15]).toBeCloseTo(expected, 10);
  });

  it('is monotone in raw for other weights', async () => {
    const { raw, score } = await scores(0.3, 1.7, 1.1);
    const order = raw.map((r, i) => [r, score[i]]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < order.length; i++) expect(order[i][1]).toBeGreaterThanOrEqual(order[i - 1][1]);
  });

  it('gives every account 20 when all weights are zero (no information, no ranking)', async () => {
    const { score } = await scores(0, 0, 0);
    expect(new Set(score)).toEqual(new Set([20]));
  });
});
