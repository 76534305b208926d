/**
 * "In fairness": the gain curve per brand. Hire accounts in the order a score gives and add up
 * their conversions: the curve says what share of all conversions the first x% of hires bring.
 * The oracle (ordered by the realized conversions themselves) is the ceiling, the diagonal is random.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { captureAt, gainCurve, oracleGain } from '../stats/gainCurve.ts';
import { scoreboardModel } from './scoreboard.ts';
import { percent } from '../format.ts';
import { groupRows } from '../data/groupRows.ts';
import { thinCurve } from '../stats/thinCurve.ts';
import { WEIGHTS, type FigureDef } from './figureDef.ts';
import { gainCurvesChart } from '../charts/gainCurves.ts';

export interface GainPoint {
  brand: string;
  slug: string;
  score: 'reach' | 'fit' | 'oracle';
  share: number;
  gain: number;
}

export interface FairnessModel {
  points: GainPoint[];
  capture: { slug: string; brand: string; reach: number; fit: number; oracle: number }[];
  table: Frame;
}

/** At what share of hires the headline capture is read. */
export const CAPTURE_AT = 0.2;

export function fairnessModel(frames: Frame[]): FairnessModel {
  const { table } = scoreboardModel(frames, { intervals: false });
  const brand = table.columns.brand as ArrayLike<string>;
  const brandName = table.columns.brand_name as ArrayLike<string>;
  const score = numbers(table, 'score');
  const fit = table.columns.fit as Float64Array;
  const conversions = numbers(table, 'outcome');
  const groups = groupRows(brand);
  const points: GainPoint[] = [];
  const capture: FairnessModel['capture'] = [];
  for (const [slug, idx] of groups) {
    const outcome = Float64Array.from(idx, (i) => conversions[i]);
    const curves = {
      reach: gainCurve(Float64Array.from(idx, (i) => score[i]), outcome),
      fit: gainCurve(Float64Array.from(idx, (i) => fit[i]), outcome),
      oracle: oracleGain(outcome),
    } as const;
    const name = brandName[idx[0]];
    for (const [kind, curve] of Object.entries(curves)) {
      // About 100 points a curve: the chart cannot show more.
      for (const p of thinCurve(curve, 100)) points.push({ brand: name, slug, score: kind as GainPoint['score'], ...p });
    }
    capture.push({
      slug,
      brand: name,
      reach: captureAt(curves.reach, CAPTURE_AT),
      fit: captureAt(curves.fit, CAPTURE_AT),
      oracle: captureAt(curves.oracle, CAPTURE_AT),
    });
  }
  return { points, capture, table };
}

/** A capture share to a tenth of a percent: a whole percent hid real changes (21.0% and 20.9% both read "21%"). */
const percentTenth = (v: number): string => percent(v, 1);

export function fairnessLive(m: FairnessModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of m.capture) {
    out[`gain.reach.${c.slug}`] = percentTenth(c.reach);
    out[`gain.fit.${c.slug}`] = percentTenth(c.fit);
    out[`gain.oracle.${c.slug}`] = percentTenth(c.oracle);
  }
  return out;
}

/** The figure's definition (see figureDef.ts). */
export const fairnessFigure: FigureDef<FairnessModel> = {
  title: 'Gain curves: the share of all conversions the best-ranked hires bring',
  queries: ['placement_scores', 'audience_topics', 'topic_tree'],
  params: WEIGHTS,
  model: (frames) => fairnessModel(frames),
  rows: (m) => m.table,
  live: fairnessLive,
  chart: (m, o) => gainCurvesChart(m.points, o),
  summary: (m) => ({
    head: ['Brand', `Top ${percent(CAPTURE_AT)} by reach score`, `Top ${percent(CAPTURE_AT)} by fit`, 'Best possible'],
    rows: m.capture.map((c) => [c.brand, percent(c.reach), percent(c.fit), percent(c.oracle)]),
  }),
};
