/**
 * "Relevance": per brand, which score ranks the conversions of the placements that ran best:
 * the reach score, the Kred- and PeerIndex-like scores, relevance alone, or fit (relevance ×
 * trust × reach). Spearman with a seeded bootstrap interval for each; the paired difference
 * ρ(fit) − ρ(reach) on the same resamples; and the brand's noise ceiling, ρ between expected and
 * realized outcomes of its placements: the best any score could reach there (the only use of an
 * oracle column in this figure). Each brand is judged on its goal's outcome (placement_scores.sql):
 * purchases, or for the awareness brand the people who recall the post.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { spearman } from '../stats/spearman.ts';
import { spearmanInterval } from '../stats/spearmanInterval.ts';
import { fitOf, relevanceOf, topicVectors, trustOf } from './signals.ts';
import { SCORE_KINDS, type ScoreboardRow, type ScoreKind } from '../charts/scoreboard.ts';
import { fixed, signed } from '../format.ts';
import { SCORE_NAME } from '../labels.ts';
import { groupRows } from '../data/groupRows.ts';
import { compareRankings, listInWords, outcomeInWords, verdictsBySubject } from './verdict.ts';
import { BRANDS } from '../../../data/sim/catalog.ts';
import { pairedDifferenceInterval } from '../stats/pairedDifference.ts';
import type { Interval } from '../stats/bootstrap.ts';
import { WEIGHTS, type FigureDef } from './figureDef.ts';
import { scoreboardChart } from '../charts/scoreboard.ts';
import { SCORE_LABEL } from '../labels.ts';

export interface BrandJudgement {
  brand: string;
  slug: string;
  /** What the brand is judged on, in words (outcomeInWords of its goal). */
  outcome: string;
  /** ρ(fit) − ρ(reach score) on the brand's placements, with a paired bootstrap 95% interval. */
  fitMinusReach: Interval;
  /** ρ(expected conversions, realized conversions): the noise ceiling (NaN without the placement_expected frame). */
  ceiling: number;
}

export interface ScoreboardModel {
  rows: (ScoreboardRow & { slug: string })[];
  brands: BrandJudgement[];
  /** Every placement with the three scores, for the download. */
  table: Frame;
}

/** Judge the scores per brand on the placements (placement_scores, audience_topics, topic_tree and, for the noise ceiling, placement_expected queries). */
export function scoreboardModel([placements, audience, tree, oracle]: Frame[], { intervals = true } = {}): ScoreboardModel {
  const vectors = topicVectors(audience, tree);
  const brand = placements.columns.brand as ArrayLike<string>;
  const brandName = placements.columns.brand_name as ArrayLike<string>;
  const goal = placements.columns.goal as ArrayLike<string> | undefined;
  const ids = numbers(placements, 'influencer_id');
  const score = numbers(placements, 'score');
  const kred = numbers(placements, 'kred');
  const peerindex = numbers(placements, 'peerindex');
  const conversions = numbers(placements, 'outcome');
  const trust = trustOf(placements);
  const relevance = new Float64Array(placements.length);
  const groups = groupRows(brand);
  for (const [slug, idx] of groups) {
    const r = relevanceOf(Float64Array.from(idx, (i) => ids[i]), slug, vectors);
    idx.forEach((i, j) => (relevance[i] = r[j]));
  }
  const fit = fitOf(relevance, trust, score);
  const expected = expectedByPlacement(placements, oracle);
  const rows: ScoreboardModel['rows'] = [];
  const brands: BrandJudgement[] = [];
  for (const [slug, idx] of groups) {
    const outcome = Float64Array.from(idx, (i) => conversions[i]);
    const fitHere = Float64Array.from(idx, (i) => fit[i]);
    const reachHere = Float64Array.from(idx, (i) => score[i]);
    brands.push({
      brand: brandName[idx[0]],
      slug,
      outcome: outcomeInWords(goal?.[idx[0]]),
      fitMinusReach: intervals
        ? pairedDifferenceInterval(fitHere, reachHere, outcome, { samples: 400, seed: 2012 })
        : { estimate: spearman(fitHere, outcome) - spearman(reachHere, outcome), lo: NaN, hi: NaN },
      ceiling: spearman(Float64Array.from(idx, (i) => expected[i]), outcome),
    });
    const columns: Record<ScoreKind, Float64Array> = { reach: score, kred, peerindex, relevance, fit };
    for (const kind of SCORE_KINDS) {
      const x = Float64Array.from(idx, (i) => columns[kind][i]);
      // 25 intervals at once: 400 resamples each keeps the pause at the end of a drag under a second.
      const ci = intervals ? spearmanInterval(x, outcome, { samples: 400 }) : { estimate: spearman(x, outcome), lo: NaN, hi: NaN };
      rows.push({ brand: brandName[idx[0]], slug, score: kind, rho: ci.estimate, lo: ci.lo, hi: ci.hi });
    }
  }
  const table: Frame = {
    names: [...placements.names, 'relevance', 'trust', 'fit'],
    columns: { ...placements.columns, relevance, trust, fit },
    length: placements.length,
  };
  return { rows, brands, table };
}

/** Expected outcomes per row of the placements, matched by placement_id (NaN where the oracle frame has none). */
function expectedByPlacement(placements: Frame, oracle: Frame | undefined): Float64Array {
  const out = new Float64Array(placements.length).fill(NaN);
  if (!oracle) return out;
  const byId = new Map<number, number>();
  const oid = numbers(oracle, 'placement_id');
  const oe = numbers(oracle, 'expected_outcome');
  for (let i = 0; i < oracle.length; i++) byId.set(oid[i], oe[i]);
  const pid = numbers(placements, 'placement_id');
  for (let i = 0; i < placements.length; i++) out[i] = byId.get(pid[i]) ?? NaN;
  return out;
}

export function scoreboardLive(m: ScoreboardModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of m.rows) {
    out[`board.${r.score}.${r.slug}`] = fixed(r.rho);
    out[`ci.board.${r.score}.${r.slug}`] = `${fixed(r.lo)} to ${fixed(r.hi)}`;
  }
  for (const slug of new Set(m.rows.map((r) => r.slug))) {
    const of = (kind: ScoreKind) => {
      const r = m.rows.find((x) => x.slug === slug && x.score === kind)!;
      return { name: SCORE_NAME[kind], value: { estimate: r.rho, lo: r.lo, hi: r.hi } };
    };
    const fit = of('fit');
    const reach = of('reach');
    const relevance = of('relevance');
    const judged = m.brands.find((b) => b.slug === slug);
    const outcome = judged?.outcome ?? 'purchases';
    // Fit against reach on the same resamples: the paired interval of the difference decides.
    out[`verdict.fit-vs-reach.${slug}`] = compareRankings(fit, reach, { outcome, difference: judged?.fitMinusReach });
    out[`verdict.relevance-vs-reach.${slug}`] = compareRankings(relevance, reach, { outcome });
    out[`verdict.relevance-vs-fit.${slug}`] = compareRankings(relevance, fit, { outcome });
  }
  const brands = [...new Map(m.rows.map((r) => [r.slug, r.brand]))];
  out['verdict.fit-vs-reach.by-brand'] = verdictsBySubject(brands.map(([slug, brand]) => ({ subject: brand, verdict: out[`verdict.fit-vs-reach.${slug}`] })));
  for (const b of m.brands) {
    out[`board.fitMinusReach.${b.slug}`] = signed(b.fitMinusReach.estimate);
    out[`ci.board.fitMinusReach.${b.slug}`] = `${signed(b.fitMinusReach.lo)} to ${signed(b.fitMinusReach.hi)}`;
    out[`board.ceiling.${b.slug}`] = fixed(b.ceiling);
  }
  return out;
}

/** The figure's definition (see figureDef.ts). */
export const scoreboardFigure: FigureDef<ScoreboardModel> = {
  title: `Which score ranks each brand’s outcome best (purchases; for ${listInWords(BRANDS.filter((b) => b.goal === 'awareness').map((b) => b.name))}, people who recall the post)? Spearman ρ per brand, with 95% intervals`,
  queries: ['placement_scores', 'audience_topics', 'topic_tree', 'placement_expected'],
  params: WEIGHTS,
  model: (frames, _, o) => scoreboardModel(frames, o),
  rows: (m) => m.table,
  live: scoreboardLive,
  chart: (m, o) => scoreboardChart(m.rows, o, m.brands),
  summary: (m) => ({
    head: ['Brand', 'Score', 'Spearman ρ', '95% interval'],
    rows: m.brands.flatMap((b) => [
      ...m.rows.filter((r) => r.slug === b.slug).map((r) => [r.brand, SCORE_LABEL[r.score], fixed(r.rho), `${fixed(r.lo)} to ${fixed(r.hi)}`]),
      [b.brand, 'Fit − reach score (paired difference)', fixed(b.fitMinusReach.estimate), `${fixed(b.fitMinusReach.lo)} to ${fixed(b.fitMinusReach.hi)}`],
      [b.brand, `Noise ceiling (expected vs realized ${b.outcome})`, fixed(b.ceiling), '–'],
    ]),
  }),
};
