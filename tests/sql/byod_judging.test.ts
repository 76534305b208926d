import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { openWasmDb } from './wasmEngine.ts';
import { byodRows } from './byodRows.ts';
import { LOCK_SQL } from '../../src/lib/db/lock.ts';
import { preparedToIpc } from '../../src/lib/byod/toArrow.ts';
import { judgingQueries, setupStatements, topicStatements, OWN_ANCHORS_FROM } from '../../src/lib/byod/queries.ts';
import { aggregatePerAccount } from '../../src/lib/byod/grain.ts';
import { analyse, reachScore } from '../../src/lib/byod/analyse.ts';
import type { Prepared } from '../../src/lib/byod/prepare.ts';
import { spearman } from '../../src/lib/stats/spearman.ts';
import { spearmanInterval } from '../../src/lib/stats/spearmanInterval.ts';
import { quantileSorted } from '../../src/lib/stats/quantile.ts';
import { budgetTest, orderBy } from '../../src/lib/stats/budgetTest.ts';
import { topicHierarchy } from '../../src/lib/scoring/hierarchy.ts';

/**
 * The "Your data" page's SQL, run as the page runs it: in DuckDB-WASM itself, locked read-only,
 * the user's table handed over as Arrow IPC, then the setup statements and the judging queries.
 * Every number is held to an independent computation in TypeScript (analyse.ts, the stats
 * functions, or the arithmetic written out here).
 */
let conn: Awaited<ReturnType<typeof openWasmDb>>['conn'];

const { run, select } = byodRows(() => conn);

/** Load a Prepared as the page does: Arrow IPC into byod_rows, then the setup statements. */
function load(p: Prepared, { perAccount = true, brand = [] as string[] } = {}) {
  conn.query('DROP TABLE IF EXISTS byod_rows');
  conn.insertArrowFromIPCStream(preparedToIpc(p), { name: 'byod_rows', create: true });
  for (const s of setupStatements({ perAccount, hasEngagement: Boolean(p.engagement), brandTopics: brand })) run(s);
}
const judge = (options: Parameters<typeof judgingQueries>[0] = {}) => {
  const q = judgingQueries(options);
  return { rho: run(q.rho), gain: run(q.gain), deciles: run(q.deciles), budget: run(q.budget) };
};

const world = tableFromIPC(readFileSync(`${process.cwd()}/public/data/account_features.arrow`));
const edges = tableFromIPC(readFileSync(`${process.cwd()}/public/data/topic_edges.arrow`));

beforeAll(async () => {
  ({ conn } = await openWasmDb());
  for (const s of LOCK_SQL) conn.query(s);
});
afterAll(() => conn?.close());

// A deterministic value in [0, 1).
const u = (i: number, salt: number) => ((Math.imul(i + 1, 2654435761) ^ Math.imul(salt + 5, 40503)) >>> 0) / 2 ** 32;
const close = (a: number | null | undefined, b: number, digits = 9) => {
  if (Number.isNaN(b)) expect(a === null || Number.isNaN(a as number)).toBe(true);
  else expect(a).toBeCloseTo(b, digits);
};

/** 60 accounts as the e2e campaign file: followers grow with i, conversions follow them for half. */
function campaign(): Prepared {
  const n = 60;
  const conv = Float64Array.from({ length: n }, (_, i) => (i % 2 ? i : 1));
  return {
    rows: n,
    handle: Array.from({ length: n }, (_, i) => `acct_${i}`),
    reach: Float64Array.from({ length: n }, (_, i) => 1000 * (i + 1)),
    engagement: null,
    cost: Float64Array.from({ length: n }, (_, i) => 100 + (i % 5) * 20),
    conversions: conv,
    revenue: Float64Array.from(conv, (c) => c * 25),
    topics: Array.from({ length: n }, (_, i) => (i % 2 ? ['yoga', 'wellness'] : i % 3 ? ['gaming'] : ['bikram-yoga', 'fashion'])),
    blanks: {},
  };
}

/** 300 posts by 37 accounts, blanks scattered, three rows without a handle, zero costs and ties. */
function posts(): Prepared {
  const n = 300;
  const col = (salt: number, scale: number, blankEvery: number, round = 100) => Float64Array.from({ length: n }, (_, i) => (i % blankEvery === 3 ? NaN : Math.round(u(i, salt) * scale * round) / round));
  const handle = Array.from({ length: n }, (_, i) => (i % 101 === 7 ? '' : `acct_${Math.floor(u(i, 1) * 37)}`));
  const cost = col(4, 900, 17);
  for (let i = 0; i < n; i += 23) cost[i] = 0;
  return {
    rows: n,
    handle,
    reach: Float64Array.from({ length: n }, (_, i) => (i % 41 === 3 ? NaN : 1000 * (1 + Math.floor(u(Math.floor(u(i, 1) * 37), 2) * 40)))),
    engagement: col(3, 500, 13),
    cost,
    conversions: Float64Array.from(col(5, 12, 29), Math.round),
    revenue: col(6, 900, 11),
    topics: null,
    blanks: {},
  };
}

/** `n` accounts, one row each, tied reach values, a few blank conversions, no topics. */
function accounts(n: number, { cost = true } = {}): Prepared {
  return {
    rows: n,
    handle: Array.from({ length: n }, (_, i) => `a${i}`),
    reach: Float64Array.from({ length: n }, (_, i) => Math.round(10 ** (2 + 4 * u(i, 7)) / 100) * 100),
    engagement: Float64Array.from({ length: n }, (_, i) => Math.round(50 * u(i, 8))),
    cost: cost ? Float64Array.from({ length: n }, (_, i) => Math.round(20 + 400 * u(i, 9))) : null,
    conversions: Float64Array.from({ length: n }, (_, i) => (i % 97 === 5 ? NaN : Math.floor(8 * u(i, 10) + 4 * u(i, 7)))),
    revenue: null,
    topics: null,
    blanks: {},
  };
}

/** The rows of a Prepared that every statistic uses (finite score and conversions), as analyse.ts picks them. */
function used(p: Prepared) {
  const score = reachScore(p);
  const idx = Array.from({ length: p.rows }, (_, i) => i).filter((i) => Number.isFinite(score[i]) && Number.isFinite(p.conversions[i]));
  return { idx, x: Float64Array.from(idx, (i) => score[i]), y: Float64Array.from(idx, (i) => p.conversions[i]) };
}

/** The percentile bootstrap of rho with the SQL's own draws (byod_uniform), recomputed in TypeScript. */
function bootstrapWithSqlDraws(x: Float64Array, y: Float64Array, seed: number, samples: number) {
  const n = x.length;
  const draws = select(`SELECT s AS sample, d AS draw, floor(byod_uniform(${seed}, s, d) * ${n})::BIGINT AS k FROM range(1, ${samples + 1}) a(s), range(${n}) b(d) ORDER BY s, d`);
  const rhos: number[] = [];
  for (let s = 0; s < samples; s++) {
    const ks = draws.slice(s * n, (s + 1) * n).map((d) => d.k as number);
    const r = spearman(Float64Array.from(ks, (k) => x[k]), Float64Array.from(ks, (k) => y[k]));
    if (r === r) rhos.push(r);
  }
  const sorted = Float64Array.from(rhos).sort();
  return { lo: quantileSorted(sorted, 0.025), hi: quantileSorted(sorted, 0.975), samples: rhos.length };
}

describe('Your data in the engine: the user table as Arrow, the analysed tables in SQL', () => {
  it('byod_rows holds the prepared columns as typed, NULL where blank or absent', () => {
    const p = posts();
    load(p);
    const rows = select('SELECT * FROM byod_rows ORDER BY row');
    expect(select("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'byod_rows' ORDER BY ordinal_position")).toEqual([
      { column_name: 'row', data_type: 'INTEGER' },
      { column_name: 'handle', data_type: 'VARCHAR' },
      ...['reach', 'engagement', 'cost', 'conversions', 'revenue'].map((c) => ({ column_name: c, data_type: 'DOUBLE' })),
      { column_name: 'topics', data_type: 'VARCHAR[]' },
    ]);
    expect(rows.length).toBe(p.rows);
    rows.forEach((r, i) => {
      expect(r.row).toBe(i + 1);
      expect(r.handle).toBe(p.handle![i]);
      for (const c of ['reach', 'cost', 'revenue'] as const) expect(r[c], `${c} of row ${i + 1}`).toBe(Number.isNaN(p[c]![i]) ? null : p[c]![i]);
      expect(r.topics).toBeNull();
    });
  });

  it('per-account aggregation gives analyse.ts its accounts, in the order they first appear', () => {
    const p = posts();
    load(p);
    const ts = aggregatePerAccount(p);
    const sql = select('SELECT * FROM byod_accounts ORDER BY account');
    expect(sql.map((r) => r.handle)).toEqual(ts.handle);
    expect(sql.map((r) => r.account)).toEqual(ts.handle!.map((_, k) => k + 1));
    for (const c of ['reach', 'engagement', 'cost', 'conversions', 'revenue'] as const) sql.forEach((r, k) => close(r[c] as number | null, ts[c]![k], 9));
  });

  it('topics of the rows of one account are merged, each once', () => {
    const p = campaign();
    p.handle = p.handle!.map((_, i) => `acct_${i % 4}`);
    load(p);
    const topics = select('SELECT handle, list_sort(topics) AS topics FROM byod_accounts ORDER BY account');
    expect(topics).toEqual([
      { handle: 'acct_0', topics: ['bikram-yoga', 'fashion', 'gaming'] },
      { handle: 'acct_1', topics: ['wellness', 'yoga'] },
      { handle: 'acct_2', topics: ['bikram-yoga', 'fashion', 'gaming'] },
      { handle: 'acct_3', topics: ['wellness', 'yoga'] },
    ]);
  });
});

describe('the reach score of a user file, by the report macro', () => {
  const anchorsOf = (raw: number[]) => {
    const s = Float64Array.from(raw.filter(Number.isFinite)).sort();
    return { lo: s[0], med: quantileSorted(s, 0.5), p95: quantileSorted(s, 0.95), hi: s[s.length - 1] };
  };
  const mapped = (r: number, a: ReturnType<typeof anchorsOf>) =>
    r <= a.med ? 1 + (19 * (r - a.lo)) / (a.med - a.lo) : r <= a.p95 ? 20 + (30 * (r - a.med)) / (a.p95 - a.med) : 50 + (49 * (r - a.p95)) / (a.hi - a.p95);

  it(`with fewer than ${OWN_ANCHORS_FROM} accounts it is anchored on the simulated world, under the file's weights (no engagement: followers alone)`, () => {
    const p = campaign();
    load(p);
    const followers = world.getChild('followers')!.toArray() as BigInt64Array;
    const a = anchorsOf(Array.from(followers, (f) => Math.log(1 + Number(f))));
    const scores = select('SELECT * FROM byod_scores ORDER BY account');
    scores.forEach((s, i) => {
      expect(s.raw as number).toBeCloseTo(Math.log1p(p.reach[i]), 12);
      expect(s.score as number).toBeCloseTo(mapped(s.raw as number, a), 9);
      expect(s.anchored_on).toBe('the simulated world');
      // Ranked by score, largest first (reach grows with i).
      expect(s.score_rank).toBe(p.rows - i);
    });
  });

  it(`with ${OWN_ANCHORS_FROM} or more it is anchored on the file; engagement counts at half weight; a blank gets no score and no rank`, () => {
    const p = accounts(260);
    p.engagement![17] = NaN;
    load(p);
    const raw = Array.from({ length: p.rows }, (_, i) => Math.log1p(p.reach[i]) + 0.5 * Math.log1p(p.engagement![i]));
    const a = anchorsOf(raw);
    const scores = select('SELECT * FROM byod_scores ORDER BY account');
    scores.forEach((s, i) => {
      if (i === 17) return expect(s).toMatchObject({ raw: null, score: null, score_rank: null });
      expect(s.raw as number).toBeCloseTo(raw[i], 12);
      expect(s.score as number).toBeCloseTo(mapped(raw[i], a), 9);
      expect(s.anchored_on).toBe('your file');
      expect(s.score_rank).toBe(1 + raw.filter((r) => r > raw[i]).length);
    });
    expect(Math.max(...scores.map((s) => (s.score as number) ?? 0))).toBeCloseTo(99, 9);
  });
});

describe('the judging queries against analyse.ts and the stats functions', () => {
  it.each([
    ['the campaign file (60 accounts, cost, revenue)', campaign, true],
    ['per-post rows added up per account (blanks, zero costs, ties)', posts, true],
    ['the same rows analysed row by row', posts, false],
    ['260 accounts with engagement', () => accounts(260), true],
  ])('%s', (_, make, perAccount) => {
    const rowsIn = make();
    load(rowsIn, { perAccount });
    const p = perAccount && rowsIn.handle && new Set(rowsIn.handle).size < rowsIn.rows ? aggregatePerAccount(rowsIn) : rowsIn;
    const ts = analyse(p);
    const seed = 1;
    const j = judge({ seed, margin: 0.4 });
    const { x, y } = used(p);

    // Spearman's rho and its bootstrap interval (the draws byod_uniform's, recomputed here).
    const rho = j.rho.find((r) => r.ranking === 'reach')!;
    expect(rho.n).toBe(x.length);
    close(rho.rho as number, ts.rho.estimate, 12);
    const samples = Math.min(1000, Math.max(200, Math.floor(1e6 / x.length)));
    const boot = bootstrapWithSqlDraws(x, y, seed, samples);
    expect(rho.method).toBe('bootstrap');
    expect(rho.samples).toBe(boot.samples);
    close(rho.lo as number, boot.lo, 12);
    close(rho.hi as number, boot.hi, 12);

    // The gain curves (thinned as the chart draws them) and the share the top 20% capture.
    for (const name of ['reach', 'oracle'] as const) {
      const points = j.gain.filter((g) => g.ranking === name);
      const curve = ts.curves.find((c) => c.name === name)!.points;
      expect(points.length, name).toBe(curve.length);
      points.forEach((pt, k) => {
        expect(pt.share as number).toBeCloseTo(curve[k].share, 12);
        close(pt.gain as number, curve[k].gain, 12);
      });
      close(points[0].capture as number, ts.capture[name], 12);
    }

    // The budget test: reach and the best possible order as analyse.ts walks them.
    const walk = (name: string) => j.budget.find((b) => b.walk === name)!;
    for (const name of ['reach', 'oracle'] as const) {
      const b = walk(name);
      const t = ts.budget![name];
      expect(b.budget).toBeCloseTo(ts.budget!.budget, 9);
      expect(b.bought, name).toBe(t.bought);
      expect(b.spent as number).toBeCloseTo(t.spent, 6);
      expect(b.conversions as number).toBeCloseTo(t.conversions, 9);
      expect(b.revenue as number).toBeCloseTo(t.revenue, 6);
      close(b.roas as number, t.spent > 0 ? t.revenue / t.spent : NaN, 9);
      close(b.roi as number, t.spent > 0 ? (t.revenue * 0.4 - t.spent) / t.spent : NaN, 9);
    }
    expect(j.budget.map((b) => b.walk)).toEqual(['reach', 'reach_per_dollar', 'oracle', 'random']);

    // Reach per dollar and the random orders, walked by budgetTest over the same accounts.
    const bi = Array.from({ length: p.rows }, (_, i) => i).filter((i) => Number.isFinite(reachScore(p)[i]) && Number.isFinite(p.conversions[i]) && Number.isFinite(p.cost![i]));
    const items = { cost: Float64Array.from(bi, (i) => p.cost![i]), conversions: Float64Array.from(bi, (i) => p.conversions[i]), revenue: Float64Array.from(bi, (i) => (p.revenue && Number.isFinite(p.revenue[i]) ? p.revenue[i] : 0)) };
    const perDollar = Float64Array.from(bi, (i) => (p.cost![i] > 0 ? p.reach[i] / p.cost![i] : p.reach[i] > 0 ? Infinity : NaN));
    const rpd = budgetTest({ ...items, order: orderBy(perDollar) }, ts.budget!.budget);
    expect(walk('reach_per_dollar')).toMatchObject({ bought: rpd.bought, conversions: rpd.conversions });
    const runs = Math.min(200, Math.max(1, Math.floor(200_000 / bi.length)));
    const orders = select(`SELECT run, list(k ORDER BY byod_uniform(${seed}, run, account), account) AS ks FROM (SELECT unnest(range(1, ${runs + 1})) AS run), (SELECT unnest(range(${bi.length})) AS k, unnest([${bi.map((i) => i + 1).join(', ')}]) AS account) GROUP BY run ORDER BY run`);
    const randoms = orders.map((o) => budgetTest({ ...items, order: o.ks as number[] }, ts.budget!.budget));
    const mean = (f: (r: (typeof randoms)[number]) => number) => randoms.reduce((a, r) => a + f(r), 0) / randoms.length;
    const random = walk('random');
    expect(random.runs).toBe(runs);
    expect(random.conversions as number).toBeCloseTo(mean((r) => r.conversions), 9);
    expect(random.bought as number).toBeCloseTo(mean((r) => r.bought), 9);
    const sd = Math.sqrt(randoms.reduce((a, r) => a + (r.conversions - mean((q) => q.conversions)) ** 2, 0) / (randoms.length - 1));
    expect(random.conversions_sd as number).toBeCloseTo(sd, 9);

    // Cost per conversion by reach decile: ntile(10) of the accounts by score, written out.
    const byScore = [...bi].sort((a, b) => reachScore(p)[b] - reachScore(p)[a] || a - b);
    const size = Math.floor(byScore.length / 10);
    const extra = byScore.length % 10;
    let at = 0;
    j.deciles.forEach((d, k) => {
      const group = byScore.slice(at, (at += size + (k < extra ? 1 : 0)));
      const cost = group.reduce((a, i) => a + p.cost![i], 0);
      const conv = group.reduce((a, i) => a + p.conversions[i], 0);
      expect(d.decile).toBe(k + 1);
      expect(d.accounts).toBe(group.length);
      expect(d.cost as number).toBeCloseTo(cost, 6);
      close(d.cost_per_conversion as number, conv > 0 ? cost / conv : NaN, 9);
      if (p.revenue) close(d.roas as number, group.reduce((a, i) => a + (Number.isFinite(p.revenue![i]) ? p.revenue![i] : 0), 0) / cost, 9);
      else expect(d.roas).toBeNull();
    });
    expect(at).toBe(byScore.length);
  });

  it("above the bootstrap's limit, rho's interval is Fisher's z, as spearmanInterval gives it", () => {
    const p = accounts(6000, { cost: false });
    load(p);
    const j = judge();
    const { x, y } = used(p);
    const rho = j.rho[0];
    const ts = spearmanInterval(x, y);
    expect(rho.method).toBe('fisher');
    close(rho.rho as number, ts.estimate, 12);
    close(rho.lo as number, ts.lo, 12);
    close(rho.hi as number, ts.hi, 12);
    expect(j.budget).toEqual([]);
    expect(j.deciles).toEqual([]);
    // The page's quick pass gives this interval already (resample does not run rho again above the limit).
    expect(judge({ quick: true }).rho).toEqual(j.rho);
  });

  it("the page's quick first pass: the same rho and walks, without the bootstrap interval and the random orders", () => {
    load(campaign());
    const full = judge();
    const quick = judge({ quick: true });
    expect(quick.rho.map((r) => [r.ranking, r.rho, r.lo, r.hi, r.samples])).toEqual(full.rho.map((r) => [r.ranking, r.rho, null, null, 0]));
    expect(quick.budget).toEqual(full.budget.filter((b) => b.walk !== 'random'));
    expect(quick.gain).toEqual(full.gain);
  });

  it('the budget test in two parts, the orders and then the random orders apart, gives the same walks as in one', () => {
    load(posts());
    const all = judge().budget;
    const orders = run(judgingQueries({ quick: true }).budget);
    const random = run(judgingQueries({ randomOnly: true }).budget);
    expect(random.map((b) => b.walk)).toEqual(['random']);
    expect([...orders, ...random]).toEqual(all);
  });

  it('without cost there is no budget test; with a revenue but no margin, ROAS and no ROI', () => {
    const p = campaign();
    load(p);
    expect(judge().budget.every((b) => b.roi === null && typeof b.roas === 'number')).toBe(true);
    load({ ...p, cost: null });
    expect(judge().budget).toEqual([]);
  });
});

describe('relevance: free-text topics matched to Klout topics, then the report relevance', () => {
  it('matches each word to a Klout topic by slug, name, super-topic or the words of its name, and says how', () => {
    const p = campaign();
    p.topics = p.topics!.map((t, i) => (i === 0 ? ['health-and-wellness', 'video-games', 'crossfit'] : t));
    load(p, { brand: ['yoga', 'wellness', 'made-up-topic'] });
    const m = Object.fromEntries(select('SELECT * FROM byod_topic_match').map((r) => [r.word, [r.klout_topic, r.matched_by, r.brand, r.in_file]]));
    expect(m).toEqual({
      yoga: ['Yoga', 'slug', true, true],
      wellness: ['Health and Wellness', 'words of the name', true, true],
      'made-up-topic': [null, null, true, false],
      'bikram-yoga': ['Bikram Yoga', 'slug', false, true],
      fashion: ['Fashion', 'slug', false, true],
      gaming: [null, null, false, true],
      'health-and-wellness': ['Health and Wellness', 'name', false, true],
      'video-games': ['Video Games', 'slug', false, true],
      crossfit: ['Crossfit', 'slug', false, true],
    });
  });

  it('relevance, its rho, its gain curve and the fit walk equal analyse.ts with the same matches and the ontology', () => {
    const p = campaign();
    const brand = ['yoga', 'wellness'];
    load(p, { brand });
    const keys = new Map(select('SELECT word, topic_key FROM byod_topic_match').map((r) => [r.word as string, r.topic_key as string]));
    const ontology = { key: (w: string) => keys.get(w)!, hierarchy: topicHierarchy(edges.getChild('parent_id')!.toArray() as string[], edges.getChild('child_id')!.toArray() as string[]) };
    const ts = analyse(p, { brandTopics: 'Yoga, wellness', ontology });
    const j = judge();
    const rho = j.rho.find((r) => r.ranking === 'relevance')!;
    close(rho.rho as number, ts.relevance!.rho.estimate, 12);
    const curve = ts.curves.find((c) => c.name === 'relevance')!.points;
    const points = j.gain.filter((g) => g.ranking === 'relevance');
    expect(points.map((g) => g.gain as number).map((g) => Math.round(g * 1e9))).toEqual(curve.map((c) => Math.round(c.gain * 1e9)));
    close(points[0].capture as number, ts.capture.relevance!, 12);
    // Bikram yoga counts for yoga through the ontology: those accounts are relevant, gaming ones are not.
    const relevance = select('SELECT account, relevance FROM byod_relevance ORDER BY account').map((r) => r.relevance as number);
    expect(relevance[1]).toBeCloseTo(1, 12);
    expect(relevance[0]).toBeGreaterThan(0);
    expect(relevance[2]).toBe(0);
    // The fit walk: most relevant first, then by reach score.
    const score = reachScore(p);
    const order = Array.from({ length: p.rows }, (_, i) => i).sort((a, b) => relevance[b] - relevance[a] || score[b] - score[a] || a - b);
    const fit = budgetTest({ order, cost: p.cost!, conversions: p.conversions, revenue: p.revenue! }, ts.budget!.budget);
    expect(j.budget.find((b) => b.walk === 'fit')).toMatchObject({ bought: fit.bought, conversions: fit.conversions });
  });

  it('new brand topics replace the matches and the relevance; none leaves no relevance at all', () => {
    load(campaign(), { brand: ['gaming'] });
    expect(select('SELECT count(*)::INTEGER AS n FROM byod_relevance WHERE relevance = 1')[0].n).toBe(20);
    for (const s of topicStatements([])) run(s);
    expect(select('SELECT count(*)::INTEGER AS n FROM byod_relevance')[0].n).toBe(0);
    const j = judge();
    expect(j.rho.map((r) => r.ranking)).toEqual(['reach']);
    expect(j.budget.map((b) => b.walk)).not.toContain('fit');
  });
});
