import { describe, expect, it } from 'vitest';
import { budgetWalks, STRATEGIES } from '../../../src/lib/figures/budget.ts';

// Four accounts. Hand-worked with a budget of 100 (each walk buys in its order while the fee fits):
//   reach score order 0 (fee 100): one big account, 1 conversion;
//   reach per dollar (score/fee: 0.9, 6, 5, 2) order 1, 2, 3: fees 10 + 10 + 20 = 40, then 0 does not fit: 2 + 5 + 1 = 8;
//   fit order 2, 0 (does not fit), 1, 3: 5 + 2 + 1 = 8; fit per dollar (0.05, 1, 4, 0.05) order 2, 1, 0 (no), 3: 8;
//   oracle (expected per dollar 0.01, 0.3, 0.6, 0.02) order 2, 1, 3: 8 conversions.
const columns = {
  score: [90, 60, 50, 40],
  fit: [5, 10, 40, 1],
  cost: [100, 10, 10, 20],
  expected: [1, 3, 6, 0.4],
  conversions: [1, 2, 5, 1],
  revenue: [10, 20, 50, 10],
};

describe('budgetWalks(columns, margin, budget)', () => {
  const walks = budgetWalks(columns, 0.5, 100);
  const by = Object.fromEntries(walks.map((w) => [w.strategy, w]));

  it('walks all six rankings, in order', () => {
    expect(walks.map((w) => w.strategy)).toEqual([...STRATEGIES]);
  });

  it('buys by the score, by score per dollar, by fit, by fit per dollar and by expected conversions per dollar', () => {
    expect(by.reach).toMatchObject({ bought: 1, spent: 100, conversions: 1 });
    expect(by.reachPerDollar).toMatchObject({ bought: 3, spent: 40, conversions: 8 });
    expect(by.fit).toMatchObject({ bought: 3, spent: 40, conversions: 8 });
    expect(by.fitPerDollar).toMatchObject({ bought: 3, spent: 40, conversions: 8 });
    expect(by.oracle).toMatchObject({ bought: 3, spent: 40, conversions: 8 });
  });

  it('reports conversions per $1,000 and ROI on the margin', () => {
    expect(by.reach.perThousand).toBeCloseTo(10, 12);
    expect(by.reach.roi).toBeCloseTo((10 * 0.5 - 100) / 100, 12);
    expect(by.oracle.roi).toBeCloseTo((80 * 0.5 - 40) / 40, 12);
  });

  it('gives random order its mean and spread, within what any order can buy', () => {
    const r = by.random;
    expect(r.spread).toBeDefined();
    expect(r.spread!.conversions.lo).toBeGreaterThanOrEqual(1);
    expect(r.spread!.conversions.hi).toBeLessThanOrEqual(9);
    expect(r.conversions).toBeGreaterThan(r.spread!.conversions.lo);
    expect(r.conversions).toBeLessThan(r.spread!.conversions.hi);
  });

  it('only the oracle reads expected conversions', () => {
    const other = budgetWalks({ ...columns, expected: [100, 0, 0, 0] }, 0.5, 100);
    other.forEach((w, k) => {
      if (w.strategy === 'oracle') expect(w).not.toEqual(walks[k]);
      else expect(w).toEqual(walks[k]);
    });
  });
});
