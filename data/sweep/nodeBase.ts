/**
 * One sweep world on Node: simulate with the stages kept, load into an in-memory DuckDB with the
 * build SQL, run the report's scoring queries, and hand back the seed's base (src/lib/sweep/seed.ts).
 * Imports the SQL catalog: outside Vite, register data/rawImports.ts first.
 */
import type { Ontology } from '../sim/ontology.ts';
import type { WorldParams } from '../sim/params.ts';
import type { World } from '../sim/world.ts';
import { simulateWorldWithTruth } from '../sim/world.ts';
import { loadWorld } from '../load.ts';
import { openNodeEngine } from '../../src/lib/db/node.ts';
import { bindQuery } from '../../src/lib/db/run.ts';
import { MACROS, macroTableSql, type QueryName } from '../../src/sql/catalog.ts';
import { DEFAULTS } from '../../src/lib/state/params.ts';
import { OFFER_COLUMNS, brandScores, seedBase, type SeedBase } from '../../src/lib/sweep/seed.ts';

/** The tables the scoring queries (SCORE_QUERIES) read, directly or through account_features, account_terms and the reach_score macro: the rest of a world is not loaded. */
const READ: readonly (keyof World)[] = ['topics', 'topic_edges', 'brands', 'brand_topics', 'influencers', 'audience_topics', 'posts', 'reactions', 'pair_outcomes'];

type NodeEngine = Awaited<ReturnType<typeof openNodeEngine>>;

/**
 * The seed's base for a world at `params`. With `db`, an in-memory engine of the caller's (one per
 * worker thread, reused world after world): the world's tables are dropped again before returning.
 * `coverage: false` for a world whose outcomes are never recomputed (no 'outcomes' point on it).
 */
export async function nodeSeedBase(params: WorldParams, ontology: Ontology, root: string, db?: NodeEngine, { coverage = true }: { coverage?: boolean } = {}): Promise<SeedBase> {
  const { world, stages } = simulateWorldWithTruth(params, ontology, undefined, {}, { keepStages: true, keepCoverage: coverage });
  const engine = db ?? (await openNodeEngine(':memory:'));
  const tables = Object.fromEntries(READ.map((t) => [t, world[t]])) as unknown as Record<string, Record<string, ArrayLike<unknown>>>;
  try {
    await loadWorld(engine.connection, tables, root, ['account_features']);
    for (const macro of Object.values(MACROS)) await engine.exec(macro);
    // The reach score's input (the other macros' tables hold scores these queries never read).
    await engine.exec(macroTableSql('account_terms'));
    // The report's queries with the report's bindings, straight to this engine (runQuery would cache them by text, across worlds);
    // of brand_offers only the columns the scores read (the others are text, costly to bring out of DuckDB).
    const query = (name: QueryName, brand?: string) => {
      const { sql, values } = brand ? bindQuery(name, { ...DEFAULTS, brand }, OFFER_COLUMNS) : bindQuery(name, DEFAULTS);
      return engine.query(sql, values);
    };
    const slugs = stages!.ctx.brands.map((b) => b.spec.slug);
    const offers = [];
    for (const brand of slugs) offers.push(await query('brand_offers', brand));
    const audience = await query('audience_topics');
    const tree = await query('topic_tree');
    return seedBase(stages!, brandScores(slugs, offers, audience, tree, params.accounts));
  } finally {
    if (db) for (const t of [...READ, 'account_features', 'account_terms']) await db.exec(`DROP TABLE IF EXISTS ${t}`);
    else engine.close();
  }
}
