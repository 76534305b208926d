import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../data/sim/params.ts';
import { simulateWorld, type World } from '../../../data/sim/world.ts';
import { ASSUMPTIONS, assumptionByKey } from '../../../src/lib/sweep/assumptions.ts';
import { SWEEP, jobParams, jobPlan, keepsCoverage, leavesWorld, seedParams, smallParams, smallWorldParams, sweepJobs, type Job } from '../../../src/lib/sweep/plan.ts';
import { paramsAt } from '../../../src/lib/sweep/point.ts';
import { OBSERVED } from '../../../src/lib/sweep/seed.ts';
import { OBSERVED_PATHS, observesOnly } from '../../../src/lib/sweep/assumptions.ts';
import { fullOntology } from '../sim/helpers.ts';

/** The parameters of the world a data-step job simulates (data/sweep/worker.ts). */
function worldOf(job: Job) {
  if (job.kind === 'seed') return seedParams(DEFAULT_PARAMS, job.seed);
  if (job.kind === 'small') return smallParams(DEFAULT_PARAMS, job.seed);
  const a = assumptionByKey(job.key);
  return smallWorldParams(a, DEFAULT_PARAMS, job.seed, a.grid[job.index]);
}

describe('the data step’s jobs', () => {
  const jobs = sweepJobs(DEFAULT_PARAMS);
  const planned = jobs.flatMap((job) => jobPlan(job, worldOf(job)).map((p) => ({ job, ...p })));

  it('measure every assumption at every grid point on every seed exactly once', () => {
    const keys = planned.map((p) => `${p.a.key} ${p.job.seed} ${p.index}`);
    const all = ASSUMPTIONS.flatMap((a) => SWEEP.seeds.flatMap((seed) => a.grid.map((_, index) => `${a.key} ${seed} ${index}`)));
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...all].sort());
  });

  it('measure each point on the world the slow path would simulate for it', () => {
    for (const p of planned) {
      const value = p.a.grid[p.index];
      // The parameters at the point as the sweep had them before it reused worlds: a smaller world of its own for a 'world' stage, else the seed's world.
      const slow = p.a.stage === 'world' ? smallWorldParams(p.a, DEFAULT_PARAMS, p.job.seed, value) : paramsAt(p.a, seedParams(DEFAULT_PARAMS, p.job.seed), value);
      const world = worldOf(p.job);
      // Judged as the job's world itself, or recomputed on it at the point's value.
      expect(p.as === 'judge' ? world : paramsAt(p.a, world, value), `${p.a.key} ${p.index}`).toEqual(slow);
    }
  });

  it('simulate a smaller world of its own only for a world-changing assumption away from its default', () => {
    const own = jobs.filter((j) => j.kind === 'world');
    const expected = ASSUMPTIONS.filter((a) => a.stage === 'world' && !observesOnly(a)).reduce(
      (n, a) => n + a.grid.filter((v) => !leavesWorld(a, smallParams(DEFAULT_PARAMS, 1), v)).length * SWEEP.seeds.length,
      0,
    );
    expect(own.length).toBe(expected);
    expect(own.every((j) => j.kind === 'world' && j.key === 'fraud' && assumptionByKey('fraud').grid[j.index] !== 1)).toBe(true);
    // Ten seeds' worlds, ten smaller worlds at the defaults, then the rest.
    expect(jobs.length).toBe(2 * SWEEP.seeds.length + expected);
  });
});

describe('the lab’s jobs for one assumption (the data step’s plan for it alone)', () => {
  // Worlds per seed the lab regenerates, by hand: a seed's world for a 'cost', 'outcomes' or 'selection' assumption, the smaller world for one that
  // changes only what a marketer observes, and for fake-follower rates the smaller world (its default point) plus one per other grid value.
  const perSeed: Record<string, number> = { relevance: 1, relevancePurchase: 1, saturation: 1, shortlist: 1, fraud: 4, feeFixed: 1, feePerFollower: 1, briefNoise: 1, auditPassThrough: 1, amplification: 1 };

  it.each(ASSUMPTIONS.map((a) => [a.key, a] as const))('%s: every grid point on every seed once, on the worlds counted by hand', (_, a) => {
    const jobs = sweepJobs(DEFAULT_PARAMS, [a]);
    expect(jobs.length).toBe(perSeed[a.key] * SWEEP.seeds.length);
    const keys = jobs.flatMap((job) => jobPlan(job, jobParams(job, DEFAULT_PARAMS), [a]).map((p) => `${p.a.key} ${job.seed} ${p.index}`));
    expect([...keys].sort()).toEqual(SWEEP.seeds.flatMap((seed) => a.grid.map((_, index) => `${a.key} ${seed} ${index}`)).sort());
    // Only the worlds whose outcomes are recomputed keep each follower's coverage.
    expect(jobs.map((job) => keepsCoverage(job, DEFAULT_PARAMS, [a]))).toEqual(jobs.map(() => a.stage === 'outcomes'));
  });

  it('are, with every assumption, the worlds the data step simulates', () => {
    for (const job of sweepJobs(DEFAULT_PARAMS)) expect(jobParams(job, DEFAULT_PARAMS)).toEqual(worldOf(job));
    expect(sweepJobs(DEFAULT_PARAMS).map((job) => keepsCoverage(job, DEFAULT_PARAMS))).toEqual(sweepJobs(DEFAULT_PARAMS).map((job) => job.kind === 'seed'));
  });
});

/** The tables and columns in which two worlds differ. */
function differences(x: World, y: World): string[] {
  const out: string[] = [];
  for (const [table, cols] of Object.entries(x)) {
    for (const [name, col] of Object.entries(cols as Record<string, ArrayLike<unknown>>)) {
      const other = (y as unknown as Record<string, Record<string, ArrayLike<unknown>>>)[table][name];
      if (col.length !== other.length || Array.from(col).some((v, i) => !Object.is(v, other[i]))) out.push(`${table}.${name}`);
    }
  }
  return out;
}

describe('an assumption that changes only what a marketer observes', () => {
  const base = { ...DEFAULT_PARAMS, seed: 3, accounts: 300, placementsPerBrand: 60, reactionSampleCap: 3 };
  const world = simulateWorld(base, fullOntology());
  const observed: Record<string, string[]> = { briefNoise: ['brand_topics.topic_id', 'brand_topics.weight', 'brand_topics.brand_id'], auditPassThrough: ['influencers.audit_fake_share'] };

  it('is exactly the brief and the audit', () => {
    expect(Object.keys(OBSERVED).sort()).toEqual(Object.keys(observed).sort());
    expect([...OBSERVED_PATHS].sort()).toEqual(Object.keys(observed).sort());
    expect(ASSUMPTIONS.filter(observesOnly).map((a) => a.path).sort()).toEqual(Object.keys(observed).sort());
  });

  it('changes no simulated table but the one its scores are recomputed from', () => {
    for (const a of ASSUMPTIONS.filter(observesOnly)) {
      const far = a.grid[a.grid.length - 1];
      const changed = differences(world, simulateWorld(paramsAt(a, base, far), fullOntology()));
      expect(changed.length, a.key).toBeGreaterThan(0);
      for (const c of changed) expect(observed[a.path], `${a.key} changed ${c}`).toContain(c);
    }
  });
});
