import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Engine } from '../../src/lib/db/engine.ts';
import type { Frame } from '../../src/lib/data/frame.ts';
import { plainValue } from '../../src/lib/data/frame.ts';
import { SETUP_SQL } from '../../src/sql/catalog.ts';

const require = createRequire(import.meta.url);

/**
 * DuckDB-WASM itself (its blocking Node build: the same engine and version the browser runs),
 * loaded with the shipped Arrow files and macros: its bindings and one connection.
 */
export async function openWasmDb(dataDir = `${process.cwd()}/public/data`) {
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = `${process.cwd()}/node_modules/@duckdb/duckdb-wasm/dist/`;
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: '' } },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  conn.query('SET autoload_known_extensions = false');
  const manifest = JSON.parse(readFileSync(`${dataDir}/manifest.json`, 'utf8')) as { tables: { name: string; file: string }[] };
  for (const t of manifest.tables) conn.insertArrowFromIPCStream(readFileSync(`${dataDir}/${t.file}`), { name: t.name, create: true });
  for (const s of SETUP_SQL) conn.query(s);
  return { db, conn };
}

/**
 * The same, as an Engine, for tests that the shipped SQL gives the same rows in both engines.
 */
export async function openWasmWorld(dataDir = `${process.cwd()}/public/data`): Promise<Engine> {
  const { conn } = await openWasmDb(dataDir);
  const toFrame = (table: any): Frame => {
    const names: string[] = table.schema.fields.map((f: { name: string }) => f.name);
    const columns: Frame['columns'] = {};
    for (const n of names) {
      const v = table.getChild(n);
      columns[n] = Array.from({ length: table.numRows }, (_, i) => plainValue(v.get(i)));
    }
    return { names, columns, length: table.numRows };
  };
  return {
    async exec(sql) {
      conn.query(sql);
    },
    async query(sql, values = []) {
      if (values.length === 0) return toFrame(conn.query(sql));
      const stmt = conn.prepare(sql);
      try {
        return toFrame(stmt.query(...values));
      } finally {
        stmt.close();
      }
    },
  };
}
