/**
 * The lab's break-even sweep of one assumption around the world on screen: the plan of the data
 * step's sweep (src/lib/sweep/plan.ts), each seed's world regenerated in the lab session with its
 * stages kept and judged in the worker (every grid point of it at once, unless the assumption
 * needs a world per point); progress as a share, and a cancel checked between worlds.
 */
import type { WorldParams } from '../../../data/sim/params.ts';
import { SWEEP, seedParams, smallParams, smallWorldParams } from '../sweep/plan.ts';
import { assumptionByKey, observesOnly } from '../sweep/assumptions.ts';
import { summarize, type Measured, type SweepResult } from '../sweep/summary.ts';
import type { LabSession } from './session.ts';

export class SweepCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export async function labSweep(
  session: LabSession,
  params: WorldParams,
  key: string,
  onProgress: (share: number, text: string) => void,
  cancelled: () => boolean,
  /** Filled in as the sweep goes: milliseconds regenerating worlds, and judging them (queries and the worker's points). */
  ms: { regenerate: number; judge: number } = { regenerate: 0, judge: 0 },
): Promise<SweepResult> {
  const a = assumptionByKey(key);
  // A 'world'-stage assumption is swept on the seeds' smaller worlds: one per point, or one per seed for an assumption that changes only what a marketer observes.
  const perPoint = a.stage === 'world' && !observesOnly(a);
  const jobs = perPoint ? SWEEP.seeds.flatMap((seed) => a.grid.map((_, index) => ({ seed, index }))) : SWEEP.seeds.map((seed) => ({ seed, index: null }));
  const worldOf = (seed: number, index: number | null) =>
    index !== null ? smallWorldParams(a, params, seed, a.grid[index]) : a.stage === 'world' ? smallParams(params, seed) : seedParams(params, seed);
  const measured: Measured[] = [];
  let brands: SweepResult['brands'] = [];
  for (const [k, job] of jobs.entries()) {
    if (cancelled()) throw new SweepCancelled();
    const world = worldOf(job.seed, job.index);
    const text = `World ${k + 1} of ${jobs.length} (seed ${job.seed}${job.index === null ? '' : `, ${a.label} = ${a.grid[job.index]}`})…`;
    onProgress(k / jobs.length, text);
    let t = performance.now();
    const regenerated = await session.regenerate(world, (stage, share) => onProgress((k + (stage === 'simulating' ? 0.6 * (share ?? 0) : 0.7)) / jobs.length, text), { keepStages: true });
    ms.regenerate += performance.now() - t;
    if (cancelled()) throw new SweepCancelled();
    t = performance.now();
    const result = await session.sweepWorld(regenerated, key, job.index, SWEEP.budget);
    ms.judge += performance.now() - t;
    measured.push(...result.measured);
    brands = result.brands;
    onProgress((k + 1) / jobs.length, text);
  }
  return summarize({ ...SWEEP, assumptions: [a] }, params, brands, measured);
}
