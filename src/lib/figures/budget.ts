/**
 * "Spend the budget": a marketer walks down a leaderboard, hiring each account whose fee still
 * fits, until the budget is spent. Which leaderboard buys the most? Reach score, fit
 * (relevance × trust × reach), random order, and the oracle that knows each account's expected
 * conversions per dollar (no real marketer has it: it marks the ceiling).
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { budgetTest, orderBy, randomBudgetTest, type BudgetResult } from '../stats/budgetTest.ts';
import { fitOf, relevanceOf, topicVectors, trustOf } from './signals.ts';
import { count, percent, usd } from './format.ts';
import { comparePerDollar } from './verdict.ts';

export type Strategy = 'Reach score' | 'Fit (relevance × trust × reach)' | 'Random' | 'Oracle';

export interface BudgetModel {
  brand: string;
  budget: number;
  results: (BudgetResult & { strategy: Strategy })[];
  table: Frame;
}

export function budgetModel([offers, audience, tree]: Frame[], brand: string, budget: number): BudgetModel {
  const ids = numbers(offers, 'influencer_id');
  const score = numbers(offers, 'score');
  const cost = numbers(offers, 'cost');
  const expected = numbers(offers, 'expected_conversions');
  const items = { cost, conversions: numbers(offers, 'conversions'), revenue: numbers(offers, 'revenue') };
  const relevance = relevanceOf(ids, brand, topicVectors(audience, tree));
  const trust = trustOf(offers);
  const fit = fitOf(relevance, trust, score);
  const perDollar = Float64Array.from(expected, (e, i) => e / cost[i]);
  const results: BudgetModel['results'] = [
    { strategy: 'Reach score', ...budgetTest({ ...items, order: orderBy(score, 'descending') }, budget) },
    { strategy: 'Fit (relevance × trust × reach)', ...budgetTest({ ...items, order: orderBy(fit, 'descending') }, budget) },
    { strategy: 'Random', ...randomBudgetTest(items, budget, { runs: 100, seed: 7 }) },
    { strategy: 'Oracle', ...budgetTest({ ...items, order: orderBy(perDollar, 'descending') }, budget) },
  ];
  const name = String(offers.columns.brand_name?.[0] ?? brand);
  const table: Frame = {
    names: [...offers.names, 'relevance', 'trust', 'fit'],
    columns: { ...offers.columns, relevance, trust, fit },
    length: offers.length,
  };
  return { brand: name, budget, results, table };
}

const KEY: Record<Strategy, string> = { 'Reach score': 'reach', 'Fit (relevance × trust × reach)': 'fit', Random: 'random', Oracle: 'oracle' };

export function budgetLive(m: BudgetModel): Record<string, string> {
  const out: Record<string, string> = { 'budget.brand': m.brand, 'budget.amount': usd(m.budget) };
  for (const r of m.results) {
    out[`budget.${KEY[r.strategy]}.conversions`] = count(r.conversions);
    out[`budget.${KEY[r.strategy]}.roi`] = percent(r.roi);
    out[`budget.${KEY[r.strategy]}.bought`] = count(r.bought);
  }
  const [reach, fit, , oracle] = m.results;
  out['budget.reachOfOracle'] = percent(reach.conversions / oracle.conversions);
  out['budget.fitOfOracle'] = percent(fit.conversions / oracle.conversions);
  const spend = (name: string, r: BudgetResult) => ({ name, value: { count: r.conversions, spent: r.spent } });
  const random = m.results.find((r) => r.strategy === 'Random')!;
  out['verdict.budget.fit-vs-reach'] = comparePerDollar(spend('hiring by fit', fit), spend('hiring by reach score', reach));
  out['verdict.budget.reach-vs-random'] = comparePerDollar(spend('hiring by reach score', reach), spend('hiring at random', random));
  return out;
}
