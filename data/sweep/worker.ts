/**
 * A worker thread of the break-even sweep (data/sweep/run.ts): takes the next of the jobs
 * (src/lib/sweep/plan.ts: a seed's world, a seed's smaller world, or one 'world'-stage point) until
 * none is left, posting what each point measured. Each world goes through the simulator, the build
 * SQL and the report's scoring SQL on the thread's own in-memory DuckDB.
 */
import { parentPort, workerData } from 'node:worker_threads';
import '../rawImports.ts';

type Job = import('../../src/lib/sweep/plan.ts').Job;
const { root, jobs, next } = workerData as { root: string; jobs: Job[]; next: Int32Array };
// After the ?raw hook is registered: the SQL catalog imports its files that way.
const { readFileSync } = await import('node:fs');
const { join } = await import('node:path');
const { parseOntology } = await import('../sim/ontology.ts');
const { DEFAULT_PARAMS } = await import('../sim/params.ts');
const { nodeSeedBase } = await import('./nodeBase.ts');
const { openNodeEngine } = await import('../../src/lib/db/node.ts');
const { SWEEP, jobParams, jobPoints, keepsCoverage } = await import('../../src/lib/sweep/plan.ts');

const ontology = parseOntology(
  readFileSync(join(root, 'data/klout/klout_topic_ontology_20180601.csv'), 'utf8'),
  readFileSync(join(root, 'data/klout/klout_topic_edge_20180601.csv'), 'utf8'),
);
const db = await openNodeEngine(':memory:');

// Claim jobs one at a time from the shared counter until the list is done.
for (let k = Atomics.add(next, 0, 1); k < jobs.length; k = Atomics.add(next, 0, 1)) {
  const job = jobs[k];
  // Only a world with outcome points (a seed's) keeps the coverages they recompute the audiences from.
  const b = await nodeSeedBase(jobParams(job, DEFAULT_PARAMS), ontology, root, db, { coverage: keepsCoverage(job, DEFAULT_PARAMS) });
  parentPort!.postMessage({ measured: jobPoints(job, b, SWEEP.budget), brands: b.scores.map((s) => ({ slug: s.slug, name: s.name })) });
}
db.close();
