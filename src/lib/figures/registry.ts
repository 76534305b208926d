/**
 * Every figure of the report as a client (in Mosaic's sense): the query it declares, the
 * parameters it listens to, how it turns rows into a model, live numbers and a chart. The build
 * pre-renders each with default parameters; the browser re-runs the same steps when a control moves.
 */
import type { Frame } from '../data/frame.ts';
import type { QueryName } from '../../sql/catalog.ts';
import type { ParamName } from '../state/params.ts';
import type { ChartOptions } from '../charts/scoreVsConversions.ts';
import { scoreSellChart, scoreSellLive, scoreSellModel, type ScoreSellModel } from './scoreSell.ts';
import { scoreSizeLive, scoreSizeModel, type ScoreSizeModel } from './scoreSize.ts';
import { scoreBySizeChart, scoreDistributionChart } from '../charts/scoreBySize.ts';

export interface FigureDef<M = unknown> {
  title: string;
  query: QueryName;
  params: ParamName[];
  model(frame: Frame, options: { intervals: boolean }): M;
  live(model: M): Record<string, string>;
  chart(model: M, options: ChartOptions): Element;
  /** A short table that says what the chart shows, for screen readers and as a text alternative. */
  summary(model: M): { head: string[]; rows: (string | number)[][] };
}

const WEIGHTS: ParamName[] = ['w_followers', 'w_reactions', 'w_reactors'];

const scoreSell: FigureDef<ScoreSellModel> = {
  title: 'Reach score against conversions, per brand',
  query: 'score_vs_conversions',
  params: WEIGHTS,
  model: (frame, o) => scoreSellModel(frame, o),
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

const scoreSize: FigureDef<ScoreSizeModel> = {
  title: 'Reach score against followers, one dot per account',
  query: 'score_by_account',
  params: WEIGHTS,
  model: (frame) => scoreSizeModel(frame),
  live: scoreSizeLive,
  chart: (m, o) => scoreBySizeChart(m.points, m.r2, o),
  summary: (m) => {
    const live = scoreSizeLive(m);
    return {
      head: ['Accounts', 'R² of score on ln(followers)', 'Median score', 'Share above 50'],
      rows: [[m.points.length, live['size.r2'], live['size.median'], live['size.above50']]],
    };
  },
};

const scoreDistribution: FigureDef<ScoreSizeModel> = {
  title: 'How the 1–100 scale is spread over all accounts',
  query: 'score_by_account',
  params: WEIGHTS,
  model: (frame) => scoreSizeModel(frame),
  live: (m) => {
    const live = scoreSizeLive(m);
    return { 'dist.median': live['size.median'], 'dist.above50': live['size.above50'] };
  },
  chart: (m, o) => scoreDistributionChart(m.scores, o),
  summary: (m) => {
    const live = scoreSizeLive(m);
    return { head: ['Accounts', 'Median score', 'Share above 50'], rows: [[m.points.length, live['size.median'], live['size.above50']]] };
  },
};

export const FIGURES = {
  'score-size': scoreSize,
  'score-distribution': scoreDistribution,
  'score-sell': scoreSell,
} as Record<string, FigureDef<any>>;
