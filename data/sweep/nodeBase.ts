/**
 * One sweep world on Node: simulate with the stages kept, load into an in-memory DuckDB with the
 * build SQL, run the report's scoring queries, and hand back the seed's base (src/lib/sweep/seed.ts).
 * Imports the SQL catalog: outside Vite, register data/rawImports.ts first.
 */
import type { Ontology } from '../sim/ontology.ts';
import type { WorldParams } from '../sim/params.ts';
import { simulateWorldWithTruth } from '../sim/world.ts';
import { loadWorld } from '../load.ts';
import { openNodeEngine } from '../../src/lib/db/node.ts';
import { runQuery } from '../../src/lib/db/run.ts';
import { SETUP_SQL } from '../../src/sql/catalog.ts';
import { DEFAULTS } from '../../src/lib/state/params.ts';
import { brandScores, seedBase, type SeedBase } from '../../src/lib/sweep/seed.ts';

export async function nodeSeedBase(params: WorldParams, ontology: Ontology, root: string): Promise<SeedBase> {
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
