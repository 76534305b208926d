import { permutation, rng } from '../random.ts';

export { orderBy } from './orderBy.ts';

/** Per-item columns, indexed by item. */
export interface BudgetItems {
  cost: ArrayLike<number | null>;
  conversions: ArrayLike<number | null>;
  revenue: ArrayLike<number | null>;
}

export interface BudgetInputs extends BudgetItems {
  /** Item indices in ranked order, best first. */
  order: ArrayLike<number>;
}

export interface BudgetResult {
  spent: number;
  bought: number;
  conversions: number;
  revenue: number;
  /** (revenue − spent) ÷ spent. */
  roi: number;
}

/**
 * The marketer's leaderboard walk: go down `order`, buying each item whose cost still fits in what
 * is left of the budget (within a relative 1e-12, so that cents summed in floating point still fit)
 * and skipping those that do not. Items with a null/NaN/negative cost, indices out of range and
 * repeated indices are skipped; null/NaN conversions or revenue of a bought item count as 0;
 * a NaN or negative budget buys nothing; roi is NaN when nothing was spent.
 */
export function budgetTest(inputs: BudgetInputs, budget: number): BudgetResult {
  const { order, cost, conversions, revenue } = inputs;
  const n = cost.length;
  const limit = budget * (1 + 1e-12);
  const taken = new Uint8Array(n);
  let spent = 0;
  let bought = 0;
  let conv = 0;
  let rev = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (!(i >= 0 && i < n && Number.isInteger(i)) || taken[i]) continue;
    const c = cost[i];
    if (c == null || !(c >= 0) || !(spent + c <= limit)) continue;
    taken[i] = 1;
    spent += c;
    bought++;
    conv += value(conversions[i]);
    rev += value(revenue[i]);
  }
  return { spent, bought, conversions: conv, revenue: rev, roi: spent > 0 ? (rev - spent) / spent : NaN };
}

/** Means of budgetTest over `runs` seeded uniformly random orders; roi is the mean over runs where it is defined (NaN if none); throws RangeError unless runs is a positive integer. */
export function randomBudgetTest(
  items: BudgetItems,
  budget: number,
  { runs = 200, seed = 1 }: { runs?: number; seed?: number } = {},
): BudgetResult {
  if (!(Number.isInteger(runs) && runs >= 1)) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  const u = rng(seed);
  const sum = { spent: 0, bought: 0, conversions: 0, revenue: 0, roi: 0 };
  let roiRuns = 0;
  for (let r = 0; r < runs; r++) {
    const result = budgetTest({ ...items, order: permutation(items.cost.length, u) }, budget);
    sum.spent += result.spent;
    sum.bought += result.bought;
    sum.conversions += result.conversions;
    sum.revenue += result.revenue;
    if (result.roi === result.roi) {
      sum.roi += result.roi;
      roiRuns++;
    }
  }
  return {
    spent: sum.spent / runs,
    bought: sum.bought / runs,
    conversions: sum.conversions / runs,
    revenue: sum.revenue / runs,
    roi: roiRuns > 0 ? sum.roi / roiRuns : NaN,
  };
}

function value(v: number | null): number {
  return v != null && v === v ? v : 0;
}
