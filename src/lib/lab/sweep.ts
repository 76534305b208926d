/**
 * The lab's break-even sweep of one assumption around the world on screen: the data step's jobs
 * for it (src/lib/sweep/plan.ts), each job's world regenerated in the lab session with its stages
 * kept and judged in the worker as the data step judges it (jobPoints); progress as a share, and a
 * cancel checked between worlds.
 */
import type { WorldParams } from '../../../data/sim/params.ts';
import { SWEEP, jobParams, keepsCoverage, sweepJobs } from '../sweep/plan.ts';
import { assumptionByKey } from '../sweep/assumptions.ts';
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
  // The data step's plan for this one assumption: a seed's world per seed for a 'cost', 'outcomes' or 'selection' one; for a 'world' one the
  // seeds' smaller worlds (one per seed if it changes only what a marketer observes, else one per point, the default point the seed's own).
  const jobs = sweepJobs(params, [a]);
  const measured: Measured[] = [];
  let brands: SweepResult['brands'] = [];
  for (const [k, job] of jobs.entries()) {
    if (cancelled()) throw new SweepCancelled();
    const text = `World ${k + 1} of ${jobs.length} (seed ${job.seed}${job.kind === 'world' ? `, ${a.label} = ${a.grid[job.index]}` : ''})…`;
    onProgress(k / jobs.length, text);
    let t = performance.now();
    const regenerated = await session.regenerate(jobParams(job, params), (stage, share) => onProgress((k + (stage === 'simulating' ? 0.6 * (share ?? 0) : 0.7)) / jobs.length, text), {
      keepStages: true,
      keepCoverage: keepsCoverage(job, params, [a]),
    });
    ms.regenerate += performance.now() - t;
    if (cancelled()) throw new SweepCancelled();
    t = performance.now();
    const result = await session.sweepWorld(regenerated, key, job, SWEEP.budget);
    ms.judge += performance.now() - t;
    measured.push(...result.measured);
    brands = result.brands;
    onProgress((k + 1) / jobs.length, text);
  }
  return summarize({ ...SWEEP, assumptions: [a] }, params, brands, measured);
}
