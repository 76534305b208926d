/**
 * The one module that imports DuckDB-WASM. It starts the engine once, lazily (behind a shared
 * promise), from self-hosted bundles, loads the dataset's Arrow files, installs the shared SQL
 * macros and runs queries with bound parameters. Nothing is fetched from outside the origin.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Engine } from './engine.ts';
import type { Frame } from '../data/frame.ts';
import { plainValue } from '../data/frame.ts';
import { SETUP_SQL } from '../../sql/catalog.ts';
import type { Param } from '../../sql/bind.ts';

export interface Manifest {
  version: string;
  tables: { name: string; file: string; rows: number; bytes: number }[];
}

export interface BrowserEngine extends Engine {
  manifest: Manifest;
  db: duckdb.AsyncDuckDB;
}

/** The lab's engine: starts empty; worlds regenerated in the browser are loaded into it table by table. */
export interface LabEngine extends BrowserEngine {
  /** Create or replace a table from Arrow IPC stream bytes (the buffer is handed to DuckDB's worker). */
  loadTable(name: string, ipc: Uint8Array): Promise<void>;
  /** Install the shared macros again (after the tables they read were replaced). */
  installMacros(): Promise<void>;
  /** A fresh handle on the same database, so results cached for an earlier world are never reused. */
  view(): Engine;
}

let started: Promise<BrowserEngine> | null = null;

/** The engine, started on first call; every later call shares the same promise. A failed start can be retried. */
export function engine(): Promise<BrowserEngine> {
  started ??= start().catch((error) => {
    started = null;
    throw error;
  });
  return started;
}

/** Whether the engine has been asked to start (figures use it to decide between pre-rendered and live). */
export const engineRequested = (): boolean => started !== null;

let lab: Promise<LabEngine> | null = null;

/** The lab's own engine instance (no dataset loaded), started on first call and shared after. */
export function labEngine(): Promise<LabEngine> {
  lab ??= start(false).catch((error) => {
    lab = null;
    throw error;
  });
  return lab;
}

const dataUrl = (file: string) => `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}data/${file}`;

async function start(dataset: false): Promise<LabEngine>;
async function start(dataset?: true): Promise<BrowserEngine>;
async function start(dataset = true): Promise<LabEngine> {
  if (typeof WebAssembly !== 'object' || typeof Worker !== 'function') {
    throw new Error('this browser has no WebAssembly or Web Workers');
  }
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const manifestPromise = dataset
    ? fetch(dataUrl('manifest.json')).then((r) => {
        if (!r.ok) throw new Error(`the dataset manifest did not load (HTTP ${r.status})`);
        return r.json() as Promise<Manifest>;
      })
    : Promise.resolve<Manifest>({ version: 'lab', tables: [] });
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const manifest = await manifestPromise;
  const conn = await db.connect();
  await conn.query(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false`);
  const buffers = await Promise.all(
    manifest.tables.map(async (t) => {
      const r = await fetch(dataUrl(`${t.file}?v=${manifest.version}`));
      if (!r.ok) throw new Error(`table ${t.name} did not load (HTTP ${r.status})`);
      return new Uint8Array(await r.arrayBuffer());
    }),
  );
  for (let i = 0; i < buffers.length; i++) {
    await conn.insertArrowFromIPCStream(buffers[i], { name: manifest.tables[i].name, create: true });
  }
  // The lab's engine has no tables yet: its macros are installed once a world is loaded.
  if (dataset) for (const statement of SETUP_SQL) await conn.query(statement);

  const toFrame = (table: Awaited<ReturnType<typeof conn.query>>): Frame => {
    const names = table.schema.fields.map((f) => f.name);
    const columns: Frame['columns'] = {};
    for (const n of names) {
      const vector = table.getChild(n)!;
      const values = vector.toArray() as ArrayLike<unknown>;
      const plain = values instanceof Float64Array || values instanceof Int32Array ? values : Array.from(values, plainValue);
      // Typed arrays carry no nulls; rebuild the column where any value is null.
      columns[n] = vector.nullCount > 0 ? Array.from({ length: table.numRows }, (_, i) => plainValue(vector.get(i))) : plain;
    }
    return { names, columns, length: table.numRows };
  };

  const handle = (): Engine => ({
    async exec(sql) {
      await conn.query(sql);
    },
    async query(sql: string, values: Param[] = []) {
      if (values.length === 0) return toFrame(await conn.query(sql));
      const statement = await conn.prepare(sql);
      try {
        return toFrame(await statement.query(...values));
      } finally {
        await statement.close();
      }
    },
  });

  return {
    manifest,
    db,
    async loadTable(name, ipc) {
      await conn.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
      await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async installMacros() {
      for (const statement of SETUP_SQL) await conn.query(statement);
    },
    view: handle,
    async exec(sql) {
      await conn.query(sql);
    },
    async query(sql: string, values: Param[] = []) {
      if (values.length === 0) return toFrame(await conn.query(sql));
      const statement = await conn.prepare(sql);
      try {
        return toFrame(await statement.query(...values));
      } finally {
        await statement.close();
      }
    },
  };
}
