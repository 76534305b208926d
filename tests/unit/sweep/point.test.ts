import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../data/sim/params.ts';
import { ASSUMPTIONS, assumptionByKey } from '../../../src/lib/sweep/assumptions.ts';
import { contextAt, defaultOf, paramsAt } from '../../../src/lib/sweep/point.ts';
import type { SimContext } from '../../../data/sim/context.ts';
import { BRANDS } from '../../../data/sim/catalog.ts';

describe('a swept point', () => {
  it('sets a value at its path and leaves the rest (and the base) alone', () => {
    const p = paramsAt(assumptionByKey('relevance'), DEFAULT_PARAMS, 1.5);
    expect(p.relevanceEffect).toBe(1.5);
    expect({ ...p, relevanceEffect: DEFAULT_PARAMS.relevanceEffect }).toEqual(DEFAULT_PARAMS);
    expect(DEFAULT_PARAMS.relevanceEffect).not.toBe(1.5);
  });

  it('scales every leaf of an object path, capped at its documented maximum', () => {
    const p = paramsAt(assumptionByKey('fraud'), DEFAULT_PARAMS, 1.5);
    expect(p.fraudRateByTier.nano).toBeCloseTo(0.63, 12);
    expect(p.fraudRateByTier.mega).toBe(0.99);
    expect(paramsAt(assumptionByKey('fraud'), DEFAULT_PARAMS, 2).fraudRateByTier.mega).toBe(1);
  });

  it('scales each brand’s fit saturation in the context (at most 1), not the parameters', () => {
    const ctx = { params: DEFAULT_PARAMS, brands: BRANDS.map((spec) => ({ spec })) } as unknown as SimContext;
    const at = contextAt(assumptionByKey('saturation'), ctx, 2);
    expect(at.brands.map((b) => b.spec.fitSaturation)).toEqual(BRANDS.map((b) => Math.min(1, 2 * b.fitSaturation)));
    expect(at.params).toEqual(DEFAULT_PARAMS);
    expect(ctx.brands[0].spec.fitSaturation).toBe(BRANDS[0].fitSaturation);
  });

  it('has a default inside every grid, and rising grids', () => {
    for (const a of ASSUMPTIONS) {
      const d = defaultOf(a, DEFAULT_PARAMS);
      expect(d, a.key).toBeGreaterThanOrEqual(a.grid[0]);
      expect(d, a.key).toBeLessThanOrEqual(a.grid[a.grid.length - 1]);
      for (let k = 1; k < a.grid.length; k++) expect(a.grid[k], a.key).toBeGreaterThan(a.grid[k - 1]);
    }
  });
});
