/**
 * "Does the score sell?": per brand, how well the reach score ranks the conversions of the
 * placements that ran (Spearman, with a seeded bootstrap interval), and the share of the best
 * possible conversions that hiring the top tenth by score would have captured.
 *
 * Two queries feed it: the placements with their outcomes (no parameter: run once per engine) and
 * every account's score under the current weights (the only query a weight slider re-runs). The
 * model matches them by account; the matching is prepared once per pair of results and reused.
 * Each brand is judged on its goal's outcome (placement_outcomes.sql): purchases, or for the
 * awareness brand the people who recall the post.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { orderBy } from '../stats/orderBy.ts';
import { prepareOutcome, scoreRanking, type PreparedOutcome } from '../stats/scoreRanking.ts';
import { scoreVsConversionsChart, type BrandPanel } from '../charts/scoreVsConversions.ts';
import type { ChartOptions } from '../charts/scoreVsConversions.ts';
import { outcomeInWords, rankingStrength } from './verdict.ts';
import { count, fixed, percent } from '../format.ts';
import { groupRows } from '../data/groupRows.ts';
import { WEIGHTS, type FigureDef } from './figureDef.ts';

export interface BrandResult extends BrandPanel {
  /** What the brand is judged on, in words (outcomeInWords of its goal). */
  judgedOn: string;
  lo: number;
  hi: number;
  capture: number;
}

export interface ScoreSellModel {
  brands: BrandResult[];
  /** The placements' rows, each one's account position and the accounts' scores (for the download). */
  placements: Frame;
  account: Int32Array;
  accountScore: Float64Array;
}

/** The share of accounts "hired" in the capture headline: the top tenth by score. */
export const TOP_SHARE = 0.1;
/** At most this many dots per brand are drawn (an even sample by placement); the statistics use every placement. */
export const MAX_DOTS = 1000;

interface BrandRows {
  slug: string;
  name: string;
  judgedOn: string;
  /** The brand's rows in the placements frame, in placement order. */
  rows: Uint32Array;
  conversions: Float64Array;
  /** Positions in `rows` of the placements drawn. */
  drawn: Uint32Array;
  /** The conversions, prepared once for ranking score after score against them. */
  outcome: PreparedOutcome;
  /** Each row's account position (−1: no score); set by accountPositions. */
  account: Int32Array;
}

interface Prepared {
  brands: BrandRows[];
  /** The account ids the positions below were matched against, and each placement's account position. */
  ids?: ArrayLike<unknown>;
  account?: Int32Array;
}

const prepared = new WeakMap<Frame, Prepared>();

function brandsOf(placements: Frame): Prepared {
  const cached = prepared.get(placements);
  if (cached) return cached;
  const brand = placements.columns.brand as ArrayLike<string>;
  const brandName = placements.columns.brand_name as ArrayLike<string>;
  const goal = placements.columns.goal as ArrayLike<string> | undefined;
  const conversions = numbers(placements, 'outcome');
  const groups = groupRows(brand);
  const brands = [...groups].map(([slug, list]): BrandRows => {
    const rows = Uint32Array.from(list);
    const stride = Math.ceil(rows.length / MAX_DOTS);
    const c = Float64Array.from(rows, (i) => conversions[i]);
    return {
      slug,
      name: brandName[rows[0]],
      judgedOn: outcomeInWords(goal?.[rows[0]]),
      rows,
      conversions: c,
      drawn: Uint32Array.from({ length: Math.ceil(rows.length / stride) }, (_, k) => k * stride),
      outcome: prepareOutcome(c, TOP_SHARE),
      account: new Int32Array(rows.length).fill(-1),
    };
  });
  const out: Prepared = { brands };
  prepared.set(placements, out);
  return out;
}

const sameIds = (a: ArrayLike<unknown>, b: ArrayLike<unknown>) => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Each placement's position among the scored accounts (re-matched only when the accounts change). */
function accountPositions(placements: Frame, scores: Frame, p: Prepared): Int32Array {
  const ids = scores.columns.influencer_id;
  if (p.account && p.ids && sameIds(p.ids, ids)) return p.account;
  const position = new Map<unknown, number>();
  for (let i = 0; i < scores.length; i++) position.set(ids[i], i);
  const of = placements.columns.influencer_id;
  const account = (p.account = Int32Array.from({ length: placements.length }, (_, i) => position.get(of[i]) ?? -1));
  for (const b of p.brands) b.account = Int32Array.from(b.rows, (i) => account[i]);
  p.ids = ids;
  return account;
}

/** Judge the score in each brand; intervals only when asked (they cost 1,000 resamples). */
export function scoreSellModel(placements: Frame, scores: Frame, { intervals = true }: { intervals?: boolean } = {}): ScoreSellModel {
  const p = brandsOf(placements);
  const account = accountPositions(placements, scores, p);
  const accountScore = numbers(scores, 'score');
  const brands = p.brands.map(({ slug, name, judgedOn, rows, conversions: c, drawn, outcome, account: at }): BrandResult => {
    const r = scoreRanking(outcome, accountScore, at, { interval: intervals });
    return {
      brand: slug,
      name,
      judgedOn,
      n: rows.length,
      ...r,
      points: Array.from(drawn, (j) => ({ score: at[j] < 0 ? NaN : accountScore[at[j]], conversions: c[j] })),
    };
  });
  return { brands, placements, account, accountScore };
}

/** The rows behind the chart, for downloads: every placement with its score, by brand and then by score (highest first). */
export function scoreSellRows({ placements, account, accountScore }: ScoreSellModel): Frame {
  const brand = placements.columns.brand_id as ArrayLike<unknown>;
  const score = Float64Array.from(account, (a) => (a < 0 ? NaN : accountScore[a]));
  const order: number[] = [];
  for (let start = 0; start < placements.length; ) {
    let end = start + 1;
    while (end < placements.length && brand[end] === brand[start]) end++;
    for (const j of orderBy(score.subarray(start, end))) order.push(start + j);
    start = end;
  }
  const names = [...placements.names];
  names.splice(names.indexOf('followers') + 1, 0, 'score');
  const columns: Frame['columns'] = {};
  for (const n of names) {
    const from = n === 'score' ? score : placements.columns[n];
    columns[n] = Array.from(order, (i) => from[i]);
  }
  return { names, columns, length: order.length };
}

/** The live numbers of the chapter's prose, by key. */
export function scoreSellLive(model: ScoreSellModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of model.brands) {
    out[`rho.${b.brand}`] = fixed(b.rho);
    out[`ci.${b.brand}`] = `${fixed(b.lo)} to ${fixed(b.hi)}`;
    out[`capture.${b.brand}`] = percent(b.capture);
    out[`n.${b.brand}`] = count(b.n);
    out[`verdict.sell.${b.brand}`] = rankingStrength({ estimate: b.rho, lo: b.lo, hi: b.hi }, b.judgedOn);
  }
  return out;
}

/** The chapter's chart. */
export const scoreSellChart = (model: ScoreSellModel, options: ChartOptions) => scoreVsConversionsChart(model.brands, options);

/** The figure's definition (see figureDef.ts). */
export const scoreSellFigure: FigureDef<ScoreSellModel> = {
  title: 'Reach score against each brand’s outcome, per brand',
  queries: ['placement_outcomes', 'account_scores'],
  params: WEIGHTS,
  model: ([placements, scores], _, o) => scoreSellModel(placements, scores, o),
  rows: scoreSellRows,
  live: scoreSellLive,
  chart: scoreSellChart,
  summary: (m) => {
    const live = scoreSellLive(m);
    return {
      head: ['Brand', 'Placements', 'Spearman ρ', '95% interval', 'Top-10% capture'],
      rows: m.brands.map((b) => [b.name, b.n, live[`rho.${b.brand}`], live[`ci.${b.brand}`], live[`capture.${b.brand}`]]),
    };
  },
};
