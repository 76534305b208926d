import { readFileSync } from 'node:fs';
import { openNodeEngine } from '../../src/lib/db/node.ts';
import { SETUP_SQL } from '../../src/sql/catalog.ts';

/** A fresh in-memory DuckDB with the fixture statements run, then the shipped macros installed (they need their tables). */
export async function fixtureEngine(statements: string[], { macros = true } = {}) {
  const db = await openNodeEngine(':memory:');
  for (const s of statements) await db.exec(s);
  if (macros) for (const s of SETUP_SQL) await db.exec(s);
  return db;
}

/** A build-time query file's text, exactly as the data step reads it. */
export const buildSql = (name: string) => readFileSync(new URL(`../../src/sql/build/${name}.sql`, import.meta.url), 'utf8');
