/**
 * A worker thread of the break-even sweep (data/sweep/run.ts): takes jobs (a seed's world with
 * every 'outcomes' and 'selection' point, or one 'world'-stage point), answers with what each
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
const { simulateWorldWithTruth } = await import('../sim/world.ts');
const { loadWorld } = await import('../load.ts');
const { openNodeEngine } = await import('../../src/lib/db/node.ts');
const { runQuery } = await import('../../src/lib/db/run.ts');
const { SETUP_SQL } = await import('../../src/sql/catalog.ts');
const { DEFAULTS } = await import('../../src/lib/state/params.ts');
const { assumptionByKey } = await import('../../src/lib/sweep/assumptions.ts');
const { SWEEP, seedParams, smallWorldParams, sweepSeed } = await import('../../src/lib/sweep/plan.ts');
const { brandScores, judge, seedBase } = await import('../../src/lib/sweep/seed.ts');

export type Job = { kind: 'seed'; seed: number } | { kind: 'world'; key: string; seed: number; index: number };

const ontology = parseOntology(
  readFileSync(join(root, 'data/klout/klout_topic_ontology_20180601.csv'), 'utf8'),
  readFileSync(join(root, 'data/klout/klout_topic_edge_20180601.csv'), 'utf8'),
);

async function base(params: typeof DEFAULT_PARAMS) {
  const { world, stages } = simulateWorldWithTruth(params, ontology, undefined, {}, { keepStages: true });
  const db = await openNodeEngine(':memory:');
  try {
    await loadWorld(db.connection, world as unknown as Record<string, Record<string, ArrayLike<unknown>>>, root);
    for (const s of SETUP_SQL) await db.exec(s);
    const slugs = stages!.ctx.brands.map((b) => b.spec.slug);
    const offers = [];
    for (const brand of slugs) offers.push((await runQuery(db, 'brand_offers', { ...DEFAULTS, brand })).frame);
    const audience = (await runQuery(db, 'audience_topics', DEFAULTS)).frame;
    const tree = (await runQuery(db, 'topic_tree', DEFAULTS)).frame;
    return seedBase(stages!, brandScores(slugs, offers, audience, tree, params.accounts));
  } finally {
    db.close();
  }
}

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
