/**
 * "Scores are mostly audience size": how much of the reach score ln(followers) alone explains
 * (R² of a straight line), and how the 1–100 scale is spread.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { rSquared } from '../stats/rSquared.ts';
import { quantileSorted } from '../stats/quantile.ts';
import type { ScorePoint } from '../charts/scoreBySize.ts';
import { shareInWords } from './verdict.ts';
import { count, fixed, percent } from '../format.ts';
import { WEIGHTS, type FigureDef } from './figureDef.ts';
import { scoreBySizeChart, scoreDistributionChart } from '../charts/scoreBySize.ts';

export interface ScoreSizeModel {
  points: ScorePoint[];
  scores: Float64Array;
  r2: number;
  median: number;
  above50: number;
}

/** R² over the accounts with both a score and followers > 0; the median and the share above 50 over the accounts with a score; NaN where there are none. */
export function scoreSizeModel(frame: Frame): ScoreSizeModel {
  const followers = numbers(frame, 'followers');
  const scores = numbers(frame, 'score');
  const persona = frame.columns.persona as ArrayLike<string | null>;
  const handle = frame.columns.handle as ArrayLike<string>;
  const points = Array.from({ length: frame.length }, (_, i) => ({
    followers: followers[i],
    score: scores[i],
    persona: persona[i] ?? '',
    handle: handle[i],
  }));
  const logFollowers = followers.map((f) => Math.log(f));
  const sorted = scores.filter(Number.isFinite).sort();
  let above = 0;
  for (const s of sorted) if (s > 50) above++;
  return {
    points,
    scores,
    r2: rSquared(logFollowers, scores),
    median: quantileSorted(sorted, 0.5),
    above50: sorted.length ? above / sorted.length : NaN,
  };
}

export function scoreSizeLive(m: ScoreSizeModel): Record<string, string> {
  return {
    'size.r2': fixed(m.r2),
    'size.r2pct': percent(m.r2),
    'size.median': fixed(m.median, 0),
    'size.above50': percent(m.above50, 1),
    'size.accounts': count(m.points.length),
    'verdict.size': shareInWords(m.r2),
  };
}

/** The figure's definition (see figureDef.ts). */
export const scoreSizeFigure: FigureDef<ScoreSizeModel> = {
  title: 'Reach score against followers, one dot per account',
  queries: ['score_by_account'],
  params: WEIGHTS,
  model: ([frame]) => scoreSizeModel(frame),
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

/** The figure's definition (see figureDef.ts). */
export const scoreDistributionFigure: FigureDef<ScoreSizeModel> = {
  title: 'How the 1–100 scale is spread over all accounts',
  queries: ['score_by_account'],
  params: WEIGHTS,
  model: ([frame]) => scoreSizeModel(frame),
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
