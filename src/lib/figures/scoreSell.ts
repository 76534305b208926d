/**
 * "Does the score sell?": per brand, how well the reach score ranks the conversions of the
 * placements that ran (Spearman, with a seeded bootstrap interval), and the share of the best
 * possible conversions that hiring the top tenth by score would have captured.
 *
 * Three queries feed it: the placements with their outcomes, as numbers, and the brands' names and goals
 * (no parameter: run once per engine), and every account's score under the current weights (the
 * only query a weight slider re-runs). The model matches them by account; the matching is prepared
 * once per pair of results and reused. The download's rows come from a query of their own, run at
 * the click (score_sell_rows.sql).
 * Each brand is judged on its goal's outcome (outcomeColumn, as the queries' `outcome`): purchases,
 * or for the awareness brand the people who recall the post.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { prepareOutcome, scoreRanking, type PreparedOutcome } from '../stats/scoreRanking.ts';
import { scoreVsConversionsChart, type BrandPanel } from '../charts/scoreVsConversions.ts';
import type { ChartOptions } from '../charts/scoreVsConversions.ts';
import { outcomeColumn, outcomeInWords, rankingStrength } from './verdict.ts';
import { count, fixed, percent } from '../format.ts';
import { groupIndices } from '../data/groupRows.ts';
import { WEIGHTS, type FigureDef } from './figureDef.ts';

export interface BrandResult extends BrandPanel {
  lo: number;
  hi: number;
  capture: number;
}

export interface ScoreSellModel {
  brands: BrandResult[];
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

function brandsOf(placements: Frame, brandGoals: Frame): Prepared {
  const cached = prepared.get(placements);
  if (cached) return cached;
  const label = new Map<unknown, number>();
  for (let i = 0; i < brandGoals.length; i++) label.set(brandGoals.columns.brand_id[i], i);
  const { brand, brand_name: brandName, goal } = brandGoals.columns as Record<string, ArrayLike<string>>;
  const column = { conversions: numbers(placements, 'conversions'), recalled: numbers(placements, 'recalled') };
  const groups = groupIndices(placements.columns.brand_id);
  const brands = [...groups].map(([id, rows]): BrandRows => {
    const stride = Math.ceil(rows.length / MAX_DOTS);
    const b = label.get(id);
    if (b === undefined) throw new Error(`placement_outcomes: brand ${String(id)} is not among the brands`);
    const outcome = column[outcomeColumn(goal[b])];
    const c = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) c[k] = outcome[rows[k]];
    return {
      slug: brand[b],
      name: brandName[b],
      judgedOn: outcomeInWords(goal[b]),
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

/**
 * Where each id is in `ids`: a lookup by id. Ids that are small whole numbers (the simulated
 * worlds' accounts) index a typed array, a tenth of a Map's time over a million placements.
 */
function positionsOf(ids: ArrayLike<unknown>): (id: unknown) => number {
  let max = 0;
  for (let i = 0; i < ids.length && max >= 0; i++) {
    const id = ids[i];
    max = typeof id === 'number' && Number.isInteger(id) && id >= 0 ? Math.max(max, id) : -1;
  }
  if (max >= 0 && max <= 4 * ids.length + 1024) {
    const at = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < ids.length; i++) at[ids[i] as number] = i;
    return (id) => (typeof id === 'number' && Number.isInteger(id) && id >= 0 && id <= max ? at[id] : -1);
  }
  const position = new Map<unknown, number>();
  for (let i = 0; i < ids.length; i++) position.set(ids[i], i);
  return (id) => position.get(id) ?? -1;
}

/** Each placement's position among the scored accounts (re-matched only when the accounts change). */
function accountPositions(placements: Frame, scores: Frame, p: Prepared): Int32Array {
  const ids = scores.columns.influencer_id;
  if (p.account && p.ids && sameIds(p.ids, ids)) return p.account;
  const position = positionsOf(ids);
  const of = placements.columns.influencer_id;
  // (Plain loops: TypedArray.from with a function walks a million rows several times slower.)
  const account = (p.account = new Int32Array(placements.length));
  for (let i = 0; i < account.length; i++) account[i] = position(of[i]);
  for (const b of p.brands) {
    b.account = new Int32Array(b.rows.length);
    for (let k = 0; k < b.rows.length; k++) b.account[k] = account[b.rows[k]];
  }
  p.ids = ids;
  return account;
}

/** Judge the score in each brand; intervals only when asked (they cost 1,000 resamples). */
export function scoreSellModel(placements: Frame, brandGoals: Frame, scores: Frame, { intervals = true }: { intervals?: boolean } = {}): ScoreSellModel {
  const p = brandsOf(placements, brandGoals);
  accountPositions(placements, scores, p);
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
  return { brands };
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
  queries: ['placement_outcomes', 'brand_goals', 'account_scores'],
  params: WEIGHTS,
  model: ([placements, brandGoals, scores], _, o) => scoreSellModel(placements, brandGoals, scores, o),
  download: 'score_sell_rows',
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
