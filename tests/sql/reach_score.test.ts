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
  it("reads the terms reach_terms makes once per engine: each account's ln(1 + x) of its three features, and its followers", async () => {
    const f = await db.query('SELECT * FROM account_terms ORDER BY influencer_id', []);
    expect(f.names).toEqual(['influencer_id', 'followers', 'ln_followers', 'ln_reactions', 'ln_selective']);
    followers.forEach((n, i) => {
      expect(Number(f.columns.followers[i])).toBe(n);
      expect(f.columns.ln_followers[i]).toBeCloseTo(Math.log(1 + n), 13);
      expect(f.columns.ln_reactions[i]).toBeCloseTo(Math.log(1 + ((i % 5) + 1)), 13);
      expect(f.columns.ln_selective[i]).toBeCloseTo(Math.log(1 + (20 - i)), 13);
    });
  });

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

describe('reach_score on another table (a user file on "Your data")', () => {
  // Five accounts of a "user" table: followers 100, 1000, … (raw = ln(1 + followers) under (1, 0, 0)).
  const user = [100, 1000, 5000, 20000, 1e9];
  let own: Awaited<ReturnType<typeof fixtureEngine>>;
  beforeAll(async () => {
    own = await fixtureEngine(
      [features, `CREATE TABLE user_features AS SELECT * FROM (VALUES ${user.map((f, i) => `(${i + 1}, ${f}::DOUBLE, 0::DOUBLE, 0::DOUBLE)`).join(', ')}) t(influencer_id, followers, reactions_per_post, selective_reactions)`],
      { macros: ['reach_score'] },
    );
    // The user's accounts as reach_score reads them (Your data keeps its file's the same way, as byod_terms).
    await own.exec("CREATE TABLE user_terms AS SELECT * FROM reach_terms(accounts := 'user_features')");
  });
  afterAll(() => own.close());
  const run = (sql: string) => own.query(`SELECT influencer_id, raw, score FROM ${sql} ORDER BY influencer_id`, []).then((f) => ({ raw: Array.from(f.columns.raw as number[]), score: Array.from(f.columns.score as number[]) }));

  it('scores the named table, anchored on itself', async () => {
    const { raw, score } = await run("reach_score(1, 0, 0, accounts := 'user_terms')");
    user.forEach((f, i) => expect(raw[i]).toBeCloseTo(Math.log(1 + f), 12));
    // Five values: the minimum is 1, the median (the 3rd) 20, the maximum 99.
    expect(score[0]).toBeCloseTo(1, 10);
    expect(score[2]).toBeCloseTo(20, 10);
    expect(score[4]).toBeCloseTo(99, 10);
  });

  // The world's anchors under (1, 0, 0), by hand: raw = ln(1 + followers) over the 21 fixture accounts.
  const world = followers.map((f) => Math.log(1 + f)).sort((a, b) => a - b);
  const [lo, med, p95, hi] = [world[0], world[10], world[19], world[20]];

  it('gives its anchors with every row: the minimum, median, 95th percentile and maximum of raw', async () => {
    const f = await own.query('SELECT DISTINCT lo, med, p95, hi FROM reach_score(1, 0, 0)', []);
    expect(f.length).toBe(1);
    expect(f.columns.lo[0]).toBeCloseTo(lo, 12);
    expect(f.columns.med[0]).toBeCloseTo(med, 12);
    expect(f.columns.p95[0]).toBeCloseTo(p95, 12);
    expect(f.columns.hi[0]).toBeCloseTo(hi, 12);
  });

  it("is put on the world's scale by reach_scale with the world's anchors, extrapolating past its range instead of clamping", async () => {
    // As byod/scores.sql scores a file of too few accounts.
    const { raw, score } = await run(
      "(SELECT u.influencer_id, u.raw, reach_scale(u.raw, w.lo, w.med, w.p95, w.hi) AS score FROM reach_score(1, 0, 0, accounts := 'user_terms') u, (SELECT any_value(lo) AS lo, any_value(med) AS med, any_value(p95) AS p95, any_value(hi) AS hi FROM reach_score(1, 0, 0)) w)",
    );
    const expected = (r: number) => (r <= med ? 1 + (19 * (r - lo)) / (med - lo) : r <= p95 ? 20 + (30 * (r - med)) / (p95 - med) : 50 + (49 * (r - p95)) / (hi - p95));
    raw.forEach((r, i) => expect(score[i], `account ${i + 1}`).toBeCloseTo(expected(r), 9));
    // 1e9 followers is more than any fixture account: above 99, not cut to it.
    expect(score[4]).toBeGreaterThan(99);
    expect(followers.every((f) => f < 1e9)).toBe(true);
  });

  it('gives the essay the same rows with the defaults named or left out', async () => {
    const a = await run('reach_score(1, 0.5, 0.25)');
    const b = await run("reach_score(1, 0.5, 0.25, accounts := 'account_terms')");
    expect(b).toEqual(a);
  });

  it('a bought-followers boost moves the anchors of its own table', async () => {
    const plain = await run('reach_score(1, 0, 0)');
    const boosted = await run('reach_score(1, 0, 0, boost_id := 21, boost := 1e12)');
    // The boosted account becomes the maximum (99), so every other account above the 95th percentile is rescaled.
    expect(boosted.score[20]).toBeCloseTo(99, 10);
    expect(boosted.score[19]).toBeCloseTo(50, 10);
    expect(plain.score[19]).toBeCloseTo(50, 10);
    expect(boosted.raw[20]).toBeGreaterThan(plain.raw[20]);
  });
});
