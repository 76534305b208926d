/**
 * Every figure of the report as a client (in Mosaic's sense): the query it declares, the
 * parameters it listens to, how it turns rows into a model, live numbers and a chart. The build
 * pre-renders each with default parameters; the browser re-runs the same steps when a control moves.
 */
import type { Frame } from '../data/frame.ts';
import type { QueryName } from '../../sql/catalog.ts';
import type { ParamName, ParamValues } from '../state/params.ts';
import type { ChartOptions } from '../charts/scoreVsConversions.ts';
import { scoreSellChart, scoreSellLive, scoreSellModel, scoreSellRows, type ScoreSellModel } from './scoreSell.ts';
import { scoreSizeLive, scoreSizeModel, type ScoreSizeModel } from './scoreSize.ts';
import { scoreBySizeChart, scoreDistributionChart } from '../charts/scoreBySize.ts';
import { scoreboardLive, scoreboardModel, type ScoreboardModel } from './scoreboard.ts';
import { scoreboardChart } from '../charts/scoreboard.ts';
import { budgetLive, budgetModel, budgetSummary, type BudgetModel } from './budget.ts';
import { budgetChart } from '../charts/budgetBars.ts';
import { fairnessLive, fairnessModel, CAPTURE_AT, type FairnessModel } from './fairness.ts';
import { gainCurvesChart } from '../charts/gainCurves.ts';
import { celebrityLive, celebrityModel, contenderLabel, type CelebrityModel } from './celebrity.ts';
import { contendersChart } from '../charts/contenders.ts';
import { gamingLive, gamingModel, type GamingModel } from './gaming.ts';
import { climbChart } from '../charts/climb.ts';
import { wrongTopicsLive, wrongTopicsModel, type WrongTopicsModel } from './wrongTopics.ts';
import { topicProfileChart } from '../charts/topicProfile.ts';
import { count, fixed, percent, usd } from '../format.ts';
import { SCORE_LABEL } from '../labels.ts';

export interface FigureDef<M = unknown> {
  title: string;
  /** The queries it runs (in parallel); the first one's rows are what "download rows" gives unless `rows` says otherwise. */
  queries: QueryName[];
  /** The parameters it has controls for. */
  params: ParamName[];
  /** Further parameters its queries or model depend on, set by controls elsewhere on the page. */
  uses?: ParamName[];
  model(frames: Frame[], params: ParamValues, options: { intervals: boolean }): M;
  /** The rows behind the chart, for the CSV download (default: the first query's rows). */
  rows?(model: M): Frame;
  live(model: M): Record<string, string>;
  chart(model: M, options: ChartOptions): Element;
  /** A short table that says what the chart shows, for screen readers and as a text alternative. */
  summary(model: M): { head: string[]; rows: (string | number)[][] };
}

const WEIGHTS: ParamName[] = ['w_followers', 'w_reactions', 'w_reactors'];

const scoreSell: FigureDef<ScoreSellModel> = {
  title: 'Reach score against conversions, per brand',
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

const scoreSize: FigureDef<ScoreSizeModel> = {
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

const scoreDistribution: FigureDef<ScoreSizeModel> = {
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

// Each definition is a literal of the same FigureDef shape, so definitions read alike by design.
const celebrity: FigureDef<CelebrityModel> = {
  title: 'The pop star against the yoga teacher, each beside a typical drawn account of its size: purchases per $1,000 spent',
  queries: ['brand_offers'],
  params: ['brand'],
  uses: WEIGHTS,
  model: (frames) => celebrityModel(frames),
  rows: (m) => m.table,
  live: celebrityLive,
  chart: (m, o) => contendersChart(m.contenders, o),
  summary: (m) => ({
    head: ['Account', 'Followers', 'Reach score', 'Fee for one post', 'Expected purchases', 'Per $1,000'],
    rows: m.contenders.map((c) => [
      c.typical ? `${contenderLabel(c)}: medians of ${c.typical.n} drawn accounts` : contenderLabel(c),
      Math.round(c.followers),
      fixed(c.score, 0),
      usd(c.cost),
      fixed(c.expected, 1),
      fixed(c.perThousand, 1),
    ]),
  }),
};

const scoreboard: FigureDef<ScoreboardModel> = {
  title: 'Which score ranks conversions best? Spearman ρ per brand, with 95% intervals',
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
      [b.brand, 'Noise ceiling (expected vs realized conversions)', fixed(b.ceiling), '–'],
    ]),
  }),
};

const wrongTopics: FigureDef<WrongTopicsModel> = {
  title: "What is the PM blogger about? Topics inferred from posts, two ways",
  queries: ['topic_mentions', 'topic_tree', 'audience_topics', 'placement_scores'],
  params: ['min_weeks'],
  uses: WEIGHTS,
  model: (frames, p) => wrongTopicsModel(frames, 'taskwise', Number(p.min_weeks)),
  rows: (m) => ({
    names: ['topic', 'method', 'weight', 'mentioned_once'],
    columns: { topic: m.bars.map((b) => b.topic), method: m.bars.map((b) => b.method), weight: m.bars.map((b) => b.weight), mentioned_once: m.bars.map((b) => b.oneOff) },
    length: m.bars.length,
  }),
  live: wrongTopicsLive,
  chart: (m, o) => topicProfileChart(m.bars, m.handle, o),
  summary: (m) => ({
    head: ['Profile from', 'Accounts with a one-off topic in it', `Spearman of relevance with ${m.brand} conversions`],
    rows: [
      ['Naive (any mention)', percent(m.oneOffShare.naive), fixed(m.rho.naive)],
      ['Persistent (recurring, rare)', percent(m.oneOffShare.persistent), fixed(m.rho.persistent)],
      ['Audience sample (followers)', '–', fixed(m.rho.audience)],
    ],
  }),
};

const gaming: FigureDef<GamingModel> = {
  title: 'The yoga teacher buys followers',
  queries: ['bought_followers'],
  params: ['bought'],
  uses: WEIGHTS,
  model: (frames, p) => gamingModel(frames, Number(p.bought)),
  live: gamingLive,
  chart: (m, o) => climbChart(m, o),
  summary: (m) => ({
    head: ['', 'Reach score', 'Rank', 'Expected purchases per post'],
    rows: [
      ['Before', fixed(m.before.score, 0), count(m.before.rank), fixed(m.expected, 1)],
      [`After buying ${count(m.bought)}`, fixed(m.after.score, 0), count(m.after.rank), fixed(m.expected, 1)],
    ],
  }),
};

const fairness: FigureDef<FairnessModel> = {
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

const budget: FigureDef<BudgetModel> = {
  title: 'One budget, six ways to spend it',
  queries: ['brand_offers', 'audience_topics', 'topic_tree'],
  params: ['brand', 'budget'],
  uses: WEIGHTS,
  model: (frames, p) => budgetModel(frames, String(p.brand), Number(p.budget)),
  rows: (m) => m.table,
  live: budgetLive,
  chart: (m, o) => budgetChart(m.results, usd(m.budget), o),
  summary: budgetSummary,
};

/** Every parameter a figure's output depends on: its own controls and those it uses from elsewhere. */
export const dependencies = (figure: FigureDef<any>): ParamName[] => [...figure.params, ...(figure.uses ?? [])];

export const FIGURES = {
  'score-size': scoreSize,
  'score-distribution': scoreDistribution,
  'score-sell': scoreSell,
  celebrity,
  scoreboard,
  'wrong-topics': wrongTopics,
  gaming,
  fairness,
  budget,
} as Record<string, FigureDef<any>>;
