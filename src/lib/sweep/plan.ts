/**
 * The sweep's plan, shared by the data step and the lab: which seeds, the budget, the smaller
 * world for 'world'-stage assumptions, the jobs, and the work of one world. Pure: no I/O, no clock.
 */
import type { WorldParams } from '../../../data/sim/params.ts';
import { DEFAULTS } from '../state/params.ts';
import { ASSUMPTIONS, assumptionByKey, observesOnly, type Assumption } from './assumptions.ts';
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
 * The jobs of a sweep of the listed assumptions around `params`, longest first: each seed's world
 * (every point of the 'cost', 'outcomes' and 'selection' assumptions), each seed's smaller world at
 * the base parameters (every point of an assumption that observesOnly, and the default point of
 * every other 'world' one), and a smaller world of its own for each remaining 'world' point. A job
 * whose world would measure none of the listed assumptions is left out (the data step sweeps them
 * all, the lab one).
 */
export type Job = { kind: 'seed'; seed: number } | { kind: 'small'; seed: number } | { kind: 'world'; key: string; seed: number; index: number };

export function sweepJobs(params: WorldParams, assumptions: readonly Assumption[] = SWEEP.assumptions): Job[] {
  const own = assumptions.filter((a) => a.stage === 'world' && !observesOnly(a));
  const jobs: Job[] = [
    ...SWEEP.seeds.map((seed) => ({ kind: 'seed' as const, seed })),
    ...SWEEP.seeds.map((seed) => ({ kind: 'small' as const, seed })),
    ...own.flatMap((a) =>
      SWEEP.seeds.flatMap((seed) =>
        a.grid.flatMap((value, index) => (leavesWorld(a, smallParams(params, seed), value) ? [] : [{ kind: 'world' as const, key: a.key, seed, index }])),
      ),
    ),
  ];
  return jobs.filter((job) => jobPlan(job, jobParams(job, params), assumptions).length > 0);
}

/** The parameters of a job's world, around `params`. */
export function jobParams(job: Job, params: WorldParams): WorldParams {
  if (job.kind === 'seed') return seedParams(params, job.seed);
  if (job.kind === 'small') return smallParams(params, job.seed);
  const a = assumptionByKey(job.key);
  return smallWorldParams(a, params, job.seed, a.grid[job.index]);
}

/** Whether a job's world recomputes outcomes at one of its points (an 'outcomes' assumption's, on a seed's world): only such a world keeps each follower's coverage. */
export function keepsCoverage(job: Job, params: WorldParams, assumptions: readonly Assumption[] = SWEEP.assumptions): boolean {
  return jobPlan(job, jobParams(job, params), assumptions).some((p) => p.as === 'evaluate' && p.a.stage === 'outcomes');
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
