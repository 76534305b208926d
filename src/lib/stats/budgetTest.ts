import { permutation, rng } from '../random.ts';
import { quantileSorted } from './quantile.ts';

export { orderBy } from './orderBy.ts';

/** Per-item columns, indexed by item. */
export interface BudgetItems {
  cost: ArrayLike<number | null>;
  conversions: ArrayLike<number | null>;
  revenue: ArrayLike<number | null>;
  /** Gross margin of the revenue, 0–1 (default 1: revenue counts whole): the ROI is on margin. */
  margin?: number;
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
  /** (revenue × margin − spent) ÷ spent: what each dollar of fees earned back in gross profit, net. */
  roi: number;
}

/** How a result varies over random orders: standard deviation and the 2.5% and 97.5% quantiles of the runs. */
export interface Spread {
  sd: number;
  lo: number;
  hi: number;
}

export interface RandomBudgetResult extends BudgetResult {
  /** Spread over the runs of conversions, of conversions per dollar spent and of roi (NaN runs left out). */
  spread: { conversions: Spread; perDollar: Spread; roi: Spread };
}

/**
 * The marketer's leaderboard walk: go down `order`, buying each item whose cost still fits in what
 * is left of the budget (within a relative 1e-12, so that cents summed in floating point still fit)
 * and skipping those that do not. Items with a null/NaN/negative cost, indices out of range and
 * repeated indices are skipped; null/NaN conversions or revenue of a bought item count as 0;
 * a NaN or negative budget buys nothing; roi (on `margin`, default 1) is NaN when nothing was spent.
 */
export function budgetTest(inputs: BudgetInputs, budget: number): BudgetResult {
  const { order, cost, conversions, revenue, margin = 1 } = inputs;
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
  return { spent, bought, conversions: conv, revenue: rev, roi: spent > 0 ? (rev * margin - spent) / spent : NaN };
}

/**
 * budgetTest over `runs` seeded uniformly random orders: the means (roi the mean over runs where it
 * is defined, NaN if none) and their spread over the runs; throws RangeError unless runs is a
 * positive integer.
 */
export function randomBudgetTest(
  items: BudgetItems,
  budget: number,
  { runs = 200, seed = 1 }: { runs?: number; seed?: number } = {},
): RandomBudgetResult {
  if (!(Number.isInteger(runs) && runs >= 1)) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  const u = rng(seed);
  const all: BudgetResult[] = [];
  for (let r = 0; r < runs; r++) all.push(budgetTest({ ...items, order: permutation(items.cost.length, u) }, budget));
  const mean = (key: keyof BudgetResult) => all.reduce((a, r) => a + r[key], 0) / runs;
  const rois = all.map((r) => r.roi).filter((v) => v === v);
  return {
    spent: mean('spent'),
    bought: mean('bought'),
    conversions: mean('conversions'),
    revenue: mean('revenue'),
    roi: rois.length > 0 ? rois.reduce((a, v) => a + v, 0) / rois.length : NaN,
    spread: {
      conversions: spread(all.map((r) => r.conversions)),
      perDollar: spread(all.filter((r) => r.spent > 0).map((r) => r.conversions / r.spent)),
      roi: spread(rois),
    },
  };
}

/** Standard deviation (n − 1; 0 for one value) and 2.5% / 97.5% quantiles; all NaN when empty. */
export function spread(values: number[]): Spread {
  const n = values.length;
  if (n === 0) return { sd: NaN, lo: NaN, hi: NaN };
  const m = values.reduce((a, v) => a + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1)) : 0;
  const sorted = Float64Array.from(values).sort();
  return { sd, lo: quantileSorted(sorted, 0.025), hi: quantileSorted(sorted, 0.975) };
}

function value(v: number | null): number {
  return v != null && v === v ? v : 0;
}
