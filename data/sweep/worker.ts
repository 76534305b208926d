/**
 * A worker thread of the break-even sweep (data/sweep/run.ts): takes jobs (a seed's world with
 * every point of the assumptions it reuses, or one 'world'-stage point), answers with what each
 * point measured. Each world goes through the simulator, the build SQL and the report's scoring
 * SQL on its own in-memory DuckDB.
 */
import { parentPort, workerData } from 'node:worker_threads';
import '../rawImports.ts';

const { root } = workerData as { root: string };
// After the ?raw hook is registered: the SQL catalog imports its files that way.
const { readFileSync } = await import('node:fs');
const { join } = await import('node:path');
const { parseOntology } = await import('../sim/ontology.ts');
const { DEFAULT_PARAMS } = await import('../sim/params.ts');
const { nodeSeedBase } = await import('./nodeBase.ts');
const { assumptionByKey } = await import('../../src/lib/sweep/assumptions.ts');
const { SWEEP, seedParams, smallWorldParams, sweepSeed } = await import('../../src/lib/sweep/plan.ts');
const { judge } = await import('../../src/lib/sweep/seed.ts');

export type Job = { kind: 'seed'; seed: number } | { kind: 'world'; key: string; seed: number; index: number };

const ontology = parseOntology(
  readFileSync(join(root, 'data/klout/klout_topic_ontology_20180601.csv'), 'utf8'),
  readFileSync(join(root, 'data/klout/klout_topic_edge_20180601.csv'), 'utf8'),
);

const base = (params: typeof DEFAULT_PARAMS) => nodeSeedBase(params, ontology, root);

parentPort!.on('message', async (job: Job | null) => {
  if (job === null) return parentPort!.close();
  if (job.kind === 'seed') {
    const b = await base(seedParams(DEFAULT_PARAMS, job.seed));
    parentPort!.postMessage({ measured: sweepSeed(b, SWEEP.assumptions, SWEEP.budget), brands: b.scores.map((s) => ({ slug: s.slug, name: s.name })) });
  } else {
    const a = assumptionByKey(job.key);
    const b = await base(smallWorldParams(a, DEFAULT_PARAMS, job.seed, a.grid[job.index]));
    parentPort!.postMessage({ measured: [{ key: job.key, seed: job.seed, index: job.index, brands: judge(b, b.stages.model, b.counts, SWEEP.budget) }] });
  }
});
parentPort!.postMessage({ ready: true });
