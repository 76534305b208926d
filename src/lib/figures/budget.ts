/**
 * "Spend the budget": a marketer walks down a leaderboard, hiring each account whose fee still
 * fits, until the budget is spent. Which leaderboard buys the most? The reach score as it stands
 * and per dollar of fee (what a CPM-minded buyer does), fit (relevance × trust × reach) as it
 * stands and per dollar, random order (the mean and spread over seeded orders), and the oracle
 * that knows each account's expected conversions per dollar (no real marketer has it: it marks
 * the ceiling, and it is the only walk that reads expected conversions). ROI is on the brand's
 * gross margin.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { budgetTest, orderBy, randomBudgetTest, type BudgetResult, type Spread } from '../stats/budgetTest.ts';
import { fitOf, relevanceOf, topicVectors, trustOf } from './signals.ts';
import { count, fixed, percent, usd } from '../format.ts';
import { comparePerDollar, outcomeInWords } from './verdict.ts';
import { STRATEGY_LABEL, type StrategyId } from '../labels.ts';
import { WEIGHTS, type FigureDef } from './figureDef.ts';
import { budgetChart } from '../charts/budgetBars.ts';

/** The walks, by id (also the key of each in the live numbers: budget.ID.conversions …). */
export const STRATEGIES = ['reach', 'reachPerDollar', 'fit', 'fitPerDollar', 'random', 'oracle'] as const satisfies readonly StrategyId[];
export type Strategy = (typeof STRATEGIES)[number];

export interface BudgetRow extends BudgetResult {
  strategy: Strategy;
  /** Conversions per $1,000 spent. */
  perThousand: number;
  /** Random order only: the spread over its runs. */
  spread?: { conversions: Spread; perDollar: Spread; roi: Spread };
}

export interface BudgetModel {
  brand: string;
  budget: number;
  margin: number;
  /** What the brand's goal counts, in words: purchases, or for the awareness brand the people who recall the post. */
  outcome: string;
  results: BudgetRow[];
  table: Frame;
}

/** Seeded random orders behind the "Random" walk. */
export const RANDOM_RUNS = 200;

/**
 * The six walks over one brand's menu of accounts. Pure: `score`, `fit`, `cost`, `expected`
 * (read only by the oracle) and the realized `conversions`/`revenue` per account, the brand's
 * margin and the budget.
 */
export function budgetWalks(
  columns: { score: ArrayLike<number>; fit: ArrayLike<number>; cost: ArrayLike<number>; expected: ArrayLike<number>; conversions: ArrayLike<number>; revenue: ArrayLike<number> },
  margin: number,
  budget: number,
): BudgetRow[] {
  const { score, fit, cost, expected } = columns;
  const items = { cost, conversions: columns.conversions, revenue: columns.revenue, margin };
  const perDollar = (v: ArrayLike<number>) => Float64Array.from(v, (x, i) => x / cost[i]);
  const walk = (order: ArrayLike<number>) => budgetTest({ ...items, order }, budget);
  const results: [Strategy, BudgetResult & { spread?: BudgetRow['spread'] }][] = [
    ['reach', walk(orderBy(score, 'descending'))],
    ['reachPerDollar', walk(orderBy(perDollar(score), 'descending'))],
    ['fit', walk(orderBy(fit, 'descending'))],
    ['fitPerDollar', walk(orderBy(perDollar(fit), 'descending'))],
    ['random', randomBudgetTest(items, budget, { runs: RANDOM_RUNS, seed: 7 })],
    ['oracle', walk(orderBy(perDollar(expected), 'descending'))],
  ];
  return results.map(([strategy, r]) => ({ strategy, ...r, perThousand: r.spent > 0 ? (1000 * r.conversions) / r.spent : NaN }));
}

export function budgetModel([offers, audience, tree]: Frame[], brand: string, budget: number): BudgetModel {
  const ids = numbers(offers, 'influencer_id');
  const score = numbers(offers, 'score');
  const relevance = relevanceOf(ids, brand, topicVectors(audience, tree));
  const trust = trustOf(offers);
  const fit = fitOf(relevance, trust, score);
  const margin = Number(offers.columns.margin?.[0] ?? NaN);
  const columns = {
    score,
    fit,
    cost: numbers(offers, 'cost'),
    expected: numbers(offers, 'expected_outcome'),
    conversions: numbers(offers, 'outcome'),
    revenue: numbers(offers, 'revenue'),
  };
  const results = budgetWalks(columns, margin, budget);
  const name = String(offers.columns.brand_name?.[0] ?? brand);
  const table: Frame = {
    names: [...offers.names, 'relevance', 'trust', 'fit'],
    columns: { ...offers.columns, relevance, trust, fit },
    length: offers.length,
  };
  const outcome = outcomeInWords(offers.columns.goal?.[0]);
  return { brand: name, budget, margin, outcome, results, table };
}

export function budgetLive(m: BudgetModel): Record<string, string> {
  const out: Record<string, string> = { 'budget.brand': m.brand, 'budget.amount': usd(m.budget), 'budget.margin': percent(m.margin) };
  const by = new Map(m.results.map((r) => [r.strategy, r]));
  for (const r of m.results) {
    const key = r.strategy;
    out[`budget.${key}.conversions`] = count(r.conversions);
    out[`budget.${key}.perThousand`] = fixed(r.perThousand, 1);
    out[`budget.${key}.roi`] = percent(r.roi);
    out[`budget.${key}.bought`] = count(r.bought);
  }
  const random = by.get('random')!;
  if (random.spread) {
    out['budget.random.range'] = `${count(random.spread.conversions.lo)} to ${count(random.spread.conversions.hi)}`;
    out['budget.random.roiRange'] = `${percent(random.spread.roi.lo)} to ${percent(random.spread.roi.hi)}`;
  }
  const oracle = by.get('oracle')!.conversions;
  out['budget.reachOfOracle'] = percent(by.get('reach')!.conversions / oracle);
  out['budget.fitOfOracle'] = percent(by.get('fit')!.conversions / oracle);
  out['budget.reachPerDollarOfOracle'] = percent(by.get('reachPerDollar')!.conversions / oracle);
  out['budget.fitPerDollarOfOracle'] = percent(by.get('fitPerDollar')!.conversions / oracle);
  const spend = (name: string, r: BudgetResult) => ({ name, value: { count: r.conversions, spent: r.spent } });
  const reach = by.get('reach')!;
  const fit = by.get('fit')!;
  const outcome = { outcome: m.outcome };
  out['budget.outcome'] = m.outcome;
  out['verdict.budget.fit-vs-reach'] = comparePerDollar(spend('hiring by fit', fit), spend('hiring by reach score', reach), outcome);
  out['verdict.budget.reach-vs-random'] = comparePerDollar(spend('hiring by reach score', reach), spend('hiring at random', random), outcome);
  out['verdict.budget.per-dollar'] = comparePerDollar(
    spend('hiring by fit per dollar', by.get('fitPerDollar')!),
    spend('hiring by reach score per dollar', by.get('reachPerDollar')!),
    outcome,
  );
  return out;
}

/** The summary table's rows: one per walk; random order's 95% range of conversions and ROI over its runs in the last column. */
export function budgetSummary(m: BudgetModel): { head: string[]; rows: (string | number)[][] } {
  return {
    head: ['Ranking', 'Accounts hired', 'Spent', 'Conversions', 'Per $1,000', 'Revenue', `ROI (on a ${percent(m.margin)} margin)`, '95% of random orders'],
    rows: m.results.map((r) => [
      STRATEGY_LABEL[r.strategy],
      count(r.bought),
      usd(r.spent),
      count(r.conversions),
      fixed(r.perThousand, 1),
      usd(r.revenue),
      percent(r.roi),
      r.spread ? `${count(r.spread.conversions.lo)} to ${count(r.spread.conversions.hi)} conversions, ROI ${percent(r.spread.roi.lo)} to ${percent(r.spread.roi.hi)}` : '–',
    ]),
  };
}

/** The figure's definition (see figureDef.ts). */
export const budgetFigure: FigureDef<BudgetModel> = {
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
