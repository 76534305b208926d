/**
 * A simulated world into DuckDB on Node: the simulated tables (via CSV, DuckDB's fastest core
 * reader here), then the tables the build SQL derives from the event-level data. Shared by the
 * data step and the robustness runs, so both derive features with the same SQL text.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableByName, type Table } from '../src/lib/data/dictionary.ts';
import { toCsv } from '../src/lib/data/csv.ts';
import type { Engine } from '../src/lib/db/engine.ts';

/** Tables derived by the build SQL (src/sql/build/NAME.sql), in order. */
export const DERIVED = ['account_features', 'account_topic_weeks'] as const;

const ddl = (t: Table) => `CREATE TABLE ${t.name} (${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;

/**
 * Create and fill every simulated table of `world`, then derive the build tables. `tmp` holds the
 * CSV files briefly; `root` is the project folder (the build SQL is read from it).
 */
export async function loadWorld(db: Engine, world: Record<string, Record<string, ArrayLike<unknown>>>, tmp: string, root = process.cwd()): Promise<void> {
  mkdirSync(tmp, { recursive: true });
  try {
    for (const name of Object.keys(world)) {
      const spec = tableByName(name);
      const cols = world[name];
      const frame = { names: spec.columns.map((c) => c.name), columns: cols, length: cols[spec.columns[0].name].length };
      const file = join(tmp, `${name}.csv`);
      writeFileSync(file, toCsv(frame, { escapeFormulas: false }));
      await db.exec(ddl(spec));
      await db.exec(`COPY ${name} FROM '${file}' (HEADER, QUOTE '"', ESCAPE '"')`);
      rmSync(file);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const name of DERIVED) {
    await db.exec(`CREATE TABLE ${name} AS ${readFileSync(join(root, `src/sql/build/${name}.sql`), 'utf8')}`);
  }
}
