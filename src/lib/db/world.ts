import { openNodeEngine } from './node.ts';
import { SETUP_SQL } from '../../sql/catalog.ts';
import { loadWorld } from '../../../data/load.ts';

/** Where the data step keeps its DuckDB file (the project root is the working directory of every build and test). */
export const worldDbPath = (): string => process.env.WORLD_DB ?? `${process.cwd()}/data/out/world.duckdb`;

/**
 * The data step's world, opened read-only (so builds and test processes can share it) with the
 * shared macros and their tables installed. They go into the temporary schema, the only writable one here;
 * the text is otherwise the very statement the browser runs.
 */
export async function openWorld(path = worldDbPath()) {
  const db = await openNodeEngine(path, { access_mode: 'READ_ONLY' });
  for (const statement of SETUP_SQL) await db.exec(statement.replace(/^(\s*(?:--.*\n)*\s*)CREATE OR REPLACE (MACRO|TABLE)/, '$1CREATE OR REPLACE TEMP $2'));
  return db;
}

/** A simulated world (columns by table) loaded into an in-memory engine, build tables derived and macros installed. */
export async function openSimulatedWorld(world: Record<string, Record<string, ArrayLike<unknown>>>, options: Record<string, string> = {}) {
  const db = await openNodeEngine(':memory:', options);
  await loadWorld(db.connection, world);
  for (const statement of SETUP_SQL) await db.exec(statement);
  return db;
}
