import { readFileSync } from 'node:fs';
import { openNodeEngine } from '../../src/lib/db/node.ts';
import { tablesNamed } from '../../src/lib/db/setup.ts';
import { MACROS, MACRO_TABLES, macroTableSql, macrosUsedBy, type MacroTable } from '../../src/sql/catalog.ts';

type MacroName = keyof typeof MACROS;

/**
 * A fresh in-memory DuckDB with the fixture statements run, then the named shipped macros
 * installed with the macros they call (true: all, false: none; a macro needs its table's columns to
 * exist in the fixture), and the macros' tables they read.
 */
export async function fixtureEngine(statements: string[], { macros = true }: { macros?: MacroName[] | boolean } = {}) {
  const db = await openNodeEngine(':memory:');
  for (const s of statements) await db.exec(s);
  const names = macros === true ? (Object.keys(MACROS) as MacroName[]) : macros === false ? [] : macrosUsedBy(macros.map((m) => `${m}(`).join(' '));
  for (const name of names) await db.exec(MACROS[name]);
  // The macros' tables that the installed macros read (reach_score's account_terms).
  const read = (Object.keys(MACRO_TABLES) as MacroTable[]).filter((t) => names.includes(MACRO_TABLES[t]) && names.some((n) => tablesNamed(MACROS[n], [t]).length > 0));
  for (const table of read) await db.exec(macroTableSql(table));
  return db;
}

/** A build-time query file's text, exactly as the data step reads it. */
export const buildSql = (name: string) => readFileSync(new URL(`../../src/sql/build/${name}.sql`, import.meta.url), 'utf8');
