/**
 * The sweep's plan, shared by the data step and the lab: which seeds, the budget, the smaller
 * world for 'world'-stage assumptions, the jobs, and the work of one world. Pure: no I/O, no clock.
 */
import type { WorldParams } from '../../../data/sim/params.ts';
import { DEFAULTS } from '../state/params.ts';
import { ASSUMPTIONS, observesOnly, type Assumption } from './assumptions.ts';
import { paramsAt } from './point.ts';
import { evaluate, judge, type SeedBase } from './seed.ts';
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

/** The seed's smaller world, at the base parameters. */
export function smallParams(params: WorldParams, seed: number): WorldParams {
  return { ...seedParams(params, seed), accounts: Math.min(params.accounts, SWEEP.small.accounts), placementsPerBrand: Math.min(params.placementsPerBrand, SWEEP.small.placementsPerBrand) };
}

/** A 'world'-stage point's world: the seed's, smaller, with the assumption at the grid value. */
export function smallWorldParams(a: Assumption, params: WorldParams, seed: number, value: number): WorldParams {
  return paramsAt(a, smallParams(params, seed), value);
}

/** Whether the assumption at `value` leaves the parameters as they are (its default: the world is the base world itself). */
export function leavesWorld(a: Assumption, params: WorldParams, value: number): boolean {
  return JSON.stringify(paramsAt(a, params, value)) === JSON.stringify(params);
}

/**
 * The data step's jobs, longest first: each seed's world (every point of the 'cost', 'outcomes'
 * and 'selection' assumptions), each seed's smaller world at the base parameters (every point of
 * an assumption that observesOnly, and the default point of every other 'world' one), and a smaller
 * world of its own for each remaining 'world' point.
 */
export type Job = { kind: 'seed'; seed: number } | { kind: 'small'; seed: number } | { kind: 'world'; key: string; seed: number; index: number };

export function sweepJobs(params: WorldParams, assumptions: readonly Assumption[] = SWEEP.assumptions): Job[] {
  const own = assumptions.filter((a) => a.stage === 'world' && !observesOnly(a));
  return [
    ...SWEEP.seeds.map((seed) => ({ kind: 'seed' as const, seed })),
    ...SWEEP.seeds.map((seed) => ({ kind: 'small' as const, seed })),
    ...own.flatMap((a) =>
      SWEEP.seeds.flatMap((seed) =>
        a.grid.flatMap((value, index) => (leavesWorld(a, smallParams(params, seed), value) ? [] : [{ kind: 'world' as const, key: a.key, seed, index }])),
      ),
    ),
  ];
}

/** Whether a world can judge the assumption's points on its own: those of a 'cost', 'outcomes' or 'selection' stage, and those that observesOnly. */
const onItsOwn = (a: Assumption) => a.stage !== 'world' || observesOnly(a);

/**
 * Every grid point of the listed assumptions that this world can judge on its own (other 'world'
 * ones are left out); `each` after each point (false: stop).
 */
export function sweepSeed(base: SeedBase, assumptions: readonly Assumption[], budget: number, each: () => boolean = () => true): Measured[] {
  const out: Measured[] = [];
  const seed = base.stages.ctx.params.seed;
  for (const a of assumptions.filter(onItsOwn)) {
    for (let index = 0; index < a.grid.length; index++) {
      out.push({ key: a.key, seed, index, brands: evaluate(base, a, a.grid[index], budget) });
      if (!each()) return out;
    }
  }
  return out;
}

/**
 * The points a job's world measures (`params`: its world's): a seed's world every point of the
 * 'cost', 'outcomes' and 'selection' assumptions; a smaller world at the base parameters every
 * point of those that observesOnly and the default point of every other 'world' one, as the world
 * itself ('judge'); a 'world' job its own point, likewise.
 */
export function jobPlan(job: Job, params: WorldParams, assumptions: readonly Assumption[] = SWEEP.assumptions): { a: Assumption; index: number; as: 'evaluate' | 'judge' }[] {
  const grid = (a: Assumption, as: 'evaluate' | 'judge') => a.grid.map((_, index) => ({ a, index, as }));
  if (job.kind === 'seed') return assumptions.filter((a) => a.stage !== 'world').flatMap((a) => grid(a, 'evaluate'));
  if (job.kind === 'world') return [{ a: assumptions.find((a) => a.key === job.key)!, index: job.index, as: 'judge' }];
  const world = assumptions.filter((a) => a.stage === 'world');
  return [
    ...world.filter(observesOnly).flatMap((a) => grid(a, 'evaluate')),
    ...world.filter((a) => !observesOnly(a)).flatMap((a) => grid(a, 'judge').filter((p) => leavesWorld(a, params, a.grid[p.index]))),
  ];
}

/** What a job's world measures (jobPlan). */
export function jobPoints(job: Job, base: SeedBase, budget: number, assumptions: readonly Assumption[] = SWEEP.assumptions): Measured[] {
  const seed = base.stages.ctx.params.seed;
  return jobPlan(job, base.stages.ctx.params, assumptions).map(({ a, index, as }) => ({
    key: a.key,
    seed,
    index,
    brands: as === 'evaluate' ? evaluate(base, a, a.grid[index], budget) : judge(base, base.stages.model, base.counts, budget),
  }));
}
