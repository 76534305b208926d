/**
 * The sweep's plan, shared by the data step and the lab: which seeds, the budget, the smaller
 * world for 'world'-stage assumptions, and the work of one seed. Pure: no I/O, no clock.
 */
import type { WorldParams } from '../../../data/sim/params.ts';
import { DEFAULTS } from '../state/params.ts';
import { ASSUMPTIONS, type Assumption } from './assumptions.ts';
import { paramsAt } from './point.ts';
import { evaluate, type SeedBase } from './seed.ts';
import type { Measured } from './summary.ts';

export const SWEEP = {
  seeds: Array.from({ length: 10 }, (_, k) => k + 1),
  budget: Number(DEFAULTS.budget),
  assumptions: ASSUMPTIONS,
  /** A 'world'-stage point simulates a whole world per seed: a smaller one, to fit the build's time. */
  small: { accounts: 1000, placementsPerBrand: 150 },
  /** Reaction events kept per post in the sweep's worlds (the published world keeps 12; fewer only adds noise to the selectivity-weighted reactions). */
  reactionSampleCap: 3,
} as const;

/** A seed's world, at the base parameters. */
export function seedParams(params: WorldParams, seed: number): WorldParams {
  return { ...structuredClone(params), seed, reactionSampleCap: SWEEP.reactionSampleCap };
}

/** A 'world'-stage point's world: the seed's, smaller, with the assumption at the grid value. */
export function smallWorldParams(a: Assumption, params: WorldParams, seed: number, value: number): WorldParams {
  const small = { ...seedParams(params, seed), accounts: Math.min(params.accounts, SWEEP.small.accounts), placementsPerBrand: Math.min(params.placementsPerBrand, SWEEP.small.placementsPerBrand) };
  return paramsAt(a, small, value);
}

/** Every grid point of the listed 'cost', 'outcomes' and 'selection' assumptions on one seed's world; `each` after each point (false: stop). */
export function sweepSeed(base: SeedBase, assumptions: readonly Assumption[], budget: number, each: () => boolean = () => true): Measured[] {
  const out: Measured[] = [];
  const seed = base.stages.ctx.params.seed;
  for (const a of assumptions) {
    if (a.stage === 'world') continue;
    for (let index = 0; index < a.grid.length; index++) {
      out.push({ key: a.key, seed, index, brands: evaluate(base, a, a.grid[index], budget) });
      if (!each()) return out;
    }
  }
  return out;
}
