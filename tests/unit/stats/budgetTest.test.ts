import { describe, expect, it } from 'vitest';
import { budgetTest, orderBy, randomBudgetTest } from '../../../src/lib/stats/budgetTest.ts';

// Hand-worked: budget 90 in order 0, 1, 2, 3 buys 0 (50, 40 left), 1 (30, 10 left),
// skips 2 (40 > 10), buys 3 (10, 0 left): spent 90, 3 bought, 8 conversions, revenue 150.
const items = { cost: [50, 30, 40, 10], conversions: [5, 1, 4, 2], revenue: [100, 20, 90, 30] };

describe('budgetTest(inputs, budget)', () => {
  it('walks down the order, skipping what does not fit and continuing', () => {
    expect(budgetTest({ ...items, order: [0, 1, 2, 3] }, 90)).toEqual({
      spent: 90,
      bought: 3,
      conversions: 8,
      revenue: 150,
      roi: (150 - 90) / 90,
    });
  });

  it.each([
    // order 2, 0: 40 + 50 = 90 → conversions 9, revenue 190; nothing is left for 1 or 3
    ['another order', [2, 0, 1, 3], 90, { spent: 90, bought: 2, conversions: 9, revenue: 190 }],
    ['a budget that fits everything', [3, 2, 1, 0], 1000, { spent: 130, bought: 4, conversions: 12, revenue: 240 }],
    ['a budget below every cost', [0, 1, 2, 3], 5, { spent: 0, bought: 0, conversions: 0, revenue: 0 }],
    ['zero budget', [0, 1, 2, 3], 0, { spent: 0, bought: 0, conversions: 0, revenue: 0 }],
    ['NaN budget', [0, 1, 2, 3], NaN, { spent: 0, bought: 0, conversions: 0, revenue: 0 }],
    ['infinite budget', [0, 1, 2, 3], Infinity, { spent: 130, bought: 4, conversions: 12, revenue: 240 }],
    ['an empty order', [], 90, { spent: 0, bought: 0, conversions: 0, revenue: 0 }],
    ['a partial order', [3], 90, { spent: 10, bought: 1, conversions: 2, revenue: 30 }],
    ['repeated, out-of-range and fractional indices are skipped', [3, 3, 7, -1, 1.5, 3], 90, { spent: 10, bought: 1, conversions: 2, revenue: 30 }],
  ] as [string, number[], number, object][])('%s', (_name, order, budget, expected) => {
    expect(budgetTest({ ...items, order }, budget)).toMatchObject(expected);
  });

  it('skips items with a missing or negative cost and counts missing outcomes as 0', () => {
    const r = budgetTest(
      { order: [0, 1, 2, 3], cost: [null, -5, 20, 0], conversions: [9, 9, NaN, 2], revenue: [9, 9, 50, null] },
      100,
    );
    expect(r).toEqual({ spent: 20, bought: 2, conversions: 2, revenue: 50, roi: 1.5 });
  });

  it('still buys an item that fits exactly after floating-point sums', () => {
    // 0.1 + 0.2 = 0.30000000000000004 > 0.3 in floating point
    const r = budgetTest({ order: [0, 1], cost: [0.1, 0.2], conversions: [1, 1], revenue: [0, 0] }, 0.3);
    expect(r.bought).toBe(2);
  });

  it('has NaN roi when nothing is spent', () => {
    expect(budgetTest({ ...items, order: [] }, 90).roi).toBeNaN();
    expect(budgetTest({ order: [0], cost: [0], conversions: [1], revenue: [5] }, 10).roi).toBeNaN();
  });

  it('handles huge costs and revenues', () => {
    const r = budgetTest({ order: [0, 1], cost: [1e300, 1e300], conversions: [1, 1], revenue: [3e300, 0] }, 1.5e300);
    expect(r).toEqual({ spent: 1e300, bought: 1, conversions: 1, revenue: 3e300, roi: 2 });
  });

  it('is re-exported with orderBy for ranking by a score', () => {
    // descending conversions: 0 (5), 2 (4), 3 (2), 1 (1) → buys 0 and 2 (90), nothing else fits
    expect(budgetTest({ ...items, order: orderBy(items.conversions) }, 90)).toMatchObject({ bought: 2, conversions: 9 });
  });
});

describe('budgetTest on margin', () => {
  it('counts only the gross margin of revenue in the ROI, and leaves the rest alone', () => {
    // Order 0, 1, 2, 3 at 90: revenue 150 of which 60% is gross profit = 90: ROI (90 − 90) / 90 = 0.
    const r = budgetTest({ ...items, margin: 0.6, order: [0, 1, 2, 3] }, 90);
    expect(r).toEqual({ spent: 90, bought: 3, conversions: 8, revenue: 150, roi: 0 });
    expect(budgetTest({ ...items, margin: 0.3, order: [0, 1, 2, 3] }, 90).roi).toBeCloseTo((45 - 90) / 90, 12);
  });
});

describe('randomBudgetTest(items, budget, options)', () => {
  it('gives the spread of the runs: sd and the 2.5% and 97.5% quantiles', () => {
    // One item of four bought per run, conversions 0, 0, 0 or 4: the runs take two values, so the
    // quantiles are 0 and 4 and the sd is that of a Bernoulli(1/4) × 4 (≈ 4·√(3/16) ≈ 1.73).
    const r = randomBudgetTest({ cost: [1, 1, 1, 1], conversions: [0, 0, 0, 4], revenue: [0, 0, 0, 8], margin: 0.5 }, 1, { runs: 2000, seed: 5 });
    expect(r.spread.conversions.lo).toBe(0);
    expect(r.spread.conversions.hi).toBe(4);
    expect(r.spread.conversions.sd).toBeCloseTo(4 * Math.sqrt(3 / 16), 1);
    expect(r.spread.perDollar.hi).toBe(4);
    // ROI on margin: (8 × 0.5 − 1) / 1 = 3 when the item with sales is bought, −1 otherwise.
    expect(r.spread.roi.lo).toBe(-1);
    expect(r.spread.roi.hi).toBe(3);
    expect(r.roi).toBeCloseTo(-1 + 4 * (r.conversions / 4), 12);
  });


  it('buys everything in every order when the budget allows it', () => {
    const r = randomBudgetTest(items, 1000, { runs: 20 });
    expect(r).toMatchObject({ spent: 130, bought: 4, conversions: 12, revenue: 240 });
    expect(r.roi).toBeCloseTo((240 - 130) / 130, 12);
  });

  it('averages over uniformly random orders', () => {
    // Equal costs and a budget for one item: each item is first with probability 1/4, so the
    // expected conversions are (0 + 0 + 0 + 4)/4 = 1 (standard error √(16·3/16/2000) ≈ 0.039).
    const r = randomBudgetTest({ cost: [1, 1, 1, 1], conversions: [0, 0, 0, 4], revenue: [0, 0, 0, 4] }, 1, {
      runs: 2000,
      seed: 5,
    });
    expect(r.spent).toBe(1);
    expect(r.bought).toBe(1);
    expect(r.conversions).toBeCloseTo(1, 0);
    expect(Math.abs(r.conversions - 1)).toBeLessThan(0.15);
    expect(r.roi).toBeCloseTo(r.revenue - 1, 12);
  });

  it('is reproducible for a seed and changes with the seed', () => {
    const a = randomBudgetTest(items, 60, { seed: 9 });
    expect(randomBudgetTest(items, 60, { seed: 9 })).toEqual(a);
    expect(randomBudgetTest(items, 60, { seed: 10 })).not.toEqual(a);
  });

  it('has NaN roi when no run spends anything', () => {
    const r = randomBudgetTest(items, 1, { runs: 5 });
    expect(r).toMatchObject({ spent: 0, bought: 0, conversions: 0, revenue: 0 });
    expect(r.roi).toBeNaN();
  });

  it.each([0, -1, 1.5, NaN])('rejects runs = %d', (runs) => {
    expect(() => randomBudgetTest(items, 10, { runs })).toThrow(RangeError);
  });
});
