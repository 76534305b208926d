/**
 * The one module that imports DuckDB-WASM. It starts the engine once, lazily (behind a shared
 * promise), from self-hosted bundles, loads the dataset's Arrow files, installs the shared SQL
 * macros, locks itself read-only (lock.ts) and runs queries with bound parameters, and the SQL
 * cell's statements through readOnly.ts. Nothing is fetched from outside the origin.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import watchedWorker from './duckdb-watched.worker.js?url';
import type { Engine } from './engine.ts';
import type { Frame } from '../data/frame.ts';
import { ipcFrame } from './arrowFrame.ts';
import { SETUP_SQL } from '../../sql/catalog.ts';
import type { Param } from '../../sql/bind.ts';
import type { Table } from 'apache-arrow';
import { EngineFailure, NOTICES, engineFailure, isOutOfMemory } from './failure.ts';
import { GLOBAL_SETTINGS_SQL, LOCK_SQL } from './lock.ts';
import { readOnly, type ReadOnlyOptions, type ReadOnlyResult } from './readOnly.ts';

export { EngineFailure } from './failure.ts';

/** A start that has not finished by then is given up (and can be retried). */
const START_TIMEOUT_MS = 60_000;

export interface Manifest {
  version: string;
  tables: { name: string; file: string; rows: number; bytes: number }[];
}

export interface BrowserEngine extends Engine {
  manifest: Manifest;
  /** Run a query and get its result as an Arrow table (the explore download's Arrow file), on a connection of its own. */
  queryArrow(sql: string, values?: Param[]): Promise<Table>;
  /** Run one statement of the SQL cell so that it changes nothing (readOnly.ts). */
  readOnly(sql: string, options: ReadOnlyOptions): Promise<ReadOnlyResult>;
  /**
   * Replace a user's data in one go: a table from Arrow IPC stream bytes (optional), then the
   * statements that derive tables from it, in one transaction. If anything fails, every table is
   * as it was before (the data loaded earlier survives) and the error is thrown.
   */
  replaceData(table: { name: string; ipc: Uint8Array } | null, statements: { sql: string; values: Param[] }[]): Promise<void>;
}

/** The lab's engine: starts empty; worlds regenerated in the browser are loaded into it table by table. */
export interface LabEngine extends BrowserEngine {
  /** Create or replace a table from Arrow IPC stream bytes, or with `append` add the rows to it (the buffer is handed to DuckDB's worker). */
  loadTable(name: string, ipc: Uint8Array, append?: boolean): Promise<void>;
  /** Run a query and get its result as Arrow IPC bytes, not decoded (for a worker to read: the page's main thread never walks the rows). */
  queryIpc(sql: string, values?: Param[]): Promise<Uint8Array>;
  /** Install the shared macros again (after the tables they read were replaced). */
  installMacros(): Promise<void>;
  /** A fresh handle on the same database, so results cached for an earlier world are never reused. */
  view(): Engine;
}

let started: Promise<BrowserEngine> | null = null;

/** The engine, started on first call; every later call shares the same promise. A failed start can be retried. */
export function engine(): Promise<BrowserEngine> {
  if (!started) {
    const current: Promise<BrowserEngine> = start(true, () => {
      if (started === current) started = null; // the worker died: the next call starts a new one
    }).catch((error) => {
      if (started === current) started = null;
      throw error;
    });
    started = current;
  }
  return started;
}

/**
 * Run one statement of the SQL cell on the page's engine, read-only (see readOnly.ts for what it
 * guarantees and the errors it throws). If the engine's worker dies meanwhile this rejects with an
 * EngineFailure, and the next call starts a fresh engine.
 */
export async function runReadOnly(sql: string, options: ReadOnlyOptions): Promise<ReadOnlyResult> {
  return (await engine()).readOnly(sql, options);
}

let lab: Promise<LabEngine> | null = null;

/** The lab's own engine instance (no dataset loaded), started on first call and shared after. */
export function labEngine(): Promise<LabEngine> {
  if (!lab) {
    const current: Promise<LabEngine> = start(false, () => {
      if (lab === current) lab = null;
    }).catch((error) => {
      if (lab === current) lab = null;
      throw error;
    });
    lab = current;
  }
  return lab;
}

/**
 * Watch a worker: `crashed` rejects with an EngineFailure when the worker script fails to load,
 * throws, or runs out of memory (DuckDB-WASM itself would leave its pending requests unanswered),
 * or when `fail` is called (a timeout). `guard` races any request against it.
 */
function watch(worker: Worker) {
  let fail!: (failure: EngineFailure) => void;
  const crashed = new Promise<never>((_, reject) => (fail = reject));
  crashed.catch(() => {});
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const text = (event as ErrorEvent).message || 'its script did not load';
    // duckdb-watched.worker.js reports a failed download or compile of the WebAssembly this way.
    const download = /DuckDB's WebAssembly did not load \((.*)\)/.exec(text);
    fail(download ? new EngineFailure('download', `${NOTICES.download} (${download[1]})`) : engineFailure(text, 'worker'));
  });
  worker.addEventListener('messageerror', () => fail(engineFailure('a message could not be read', 'worker')));
  const guard = <T>(request: Promise<T>): Promise<T> => Promise.race([request, crashed]);
  return { crashed, fail, guard };
}

/**
 * The folder the page's engine loads its tables from: the dataset (data/), or the part of it a
 * page declares with `data-engine-data` (Your data loads only what scores and topics need).
 */
const dataDir = () => (typeof document === 'object' && document.querySelector<HTMLElement>('[data-engine-data]')?.dataset.engineData) || 'data/';
const dataUrl = (file: string) => `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${dataDir()}${file}`;

/** Fetch one of the dataset's files; any failure is a "data" failure naming the file. */
async function fetchData(file: string, what: string): Promise<Response> {
  let r: Response;
  try {
    r = await fetch(dataUrl(file));
  } catch (error) {
    throw new EngineFailure('data', `${NOTICES.data} (${what}: ${(error as Error).message})`, { cause: error });
  }
  if (!r.ok) throw new EngineFailure('data', `${NOTICES.data} (${what}: HTTP ${r.status})`);
  return r;
}

async function start(dataset: false, onCrash?: () => void): Promise<LabEngine>;
async function start(dataset?: true, onCrash?: () => void): Promise<BrowserEngine>;
async function start(dataset = true, onCrash: () => void = () => {}): Promise<LabEngine> {
  if (typeof WebAssembly !== 'object' || typeof Worker !== 'function') throw new EngineFailure('unsupported', NOTICES.unsupported);
  if (dataset) performance.mark('influence:engine-start');
  // Only the `eh` build ships: every browser the report supports (current and previous majors of
  // Chrome, Edge, Firefox, Safari) has WebAssembly exceptions, and the `mvp` build is 39 MB more.
  if (!(await duckdb.getPlatformFeatures()).wasmExceptions) throw new EngineFailure('unsupported', NOTICES.unsupported);
  const bundle = { mainModule: ehWasm, mainWorker: ehWorker };
  const worker = new Worker(`${watchedWorker}#${encodeURIComponent(bundle.mainWorker)}`);
  const { crashed, fail, guard } = watch(worker);
  crashed.catch(() => {
    worker.terminate();
    onCrash();
  });
  const timer = setTimeout(() => fail(new EngineFailure('timeout', NOTICES.timeout)), START_TIMEOUT_MS);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  let conn: duckdb.AsyncDuckDBConnection;
  let manifest: Manifest;
  let lockedSettings: string;
  try {
    const manifestPromise = dataset
      ? fetchData('manifest.json', 'the manifest').then((r) => r.json() as Promise<Manifest>)
      : Promise.resolve<Manifest>({ version: 'lab', tables: [] });
    // The data downloads while the WebAssembly compiles, not after.
    const buffersPromise = manifestPromise.then((m) =>
      Promise.all(
        m.tables.map(async (t) => {
          const r = await fetchData(`${t.file}?v=${m.version}`, `table ${t.name}`);
          return new Uint8Array(await r.arrayBuffer());
        }),
      ),
    );
    buffersPromise.catch(() => {});
    await guard(db.instantiate(bundle.mainModule));
    if (dataset) performance.mark('influence:engine-wasm');
    manifest = await guard(manifestPromise);
    conn = await guard(db.connect());
    await guard(conn.query(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false`));
    const buffers = await guard(buffersPromise);
    if (dataset) performance.mark('influence:engine-data');
    for (let i = 0; i < buffers.length; i++) {
      await guard(conn.insertArrowFromIPCStream(buffers[i], { name: manifest.tables[i].name, create: true }));
    }
    if (dataset) performance.mark('influence:engine-tables');
    // The lab's engine has no tables yet: its macros are installed once a world is loaded.
    if (dataset) for (const statement of SETUP_SQL) await guard(conn.query(statement));
    // Read-only from here on: no file or URL, no setting (lock.ts); later tables come as Arrow.
    const locking = performance.now();
    for (const statement of LOCK_SQL) await guard(conn.query(statement));
    lockedSettings = String((await guard(conn.query(GLOBAL_SETTINGS_SQL))).getChildAt(0)?.get(0));
    performance.measure(dataset ? 'influence:engine-lock' : 'influence:lab-engine-lock', { start: locking });
  } catch (error) {
    fail(engineFailure(error)); // stops the worker
    throw engineFailure(error);
  } finally {
    clearTimeout(timer);
  }
  if (dataset) performance.mark('influence:engine-ready');
  /** A request to the worker: fails if the worker dies meanwhile; running out of memory is named as such. */
  const ask = <T>(request: Promise<T>): Promise<T> =>
    guard(request).catch((error) => {
      throw isOutOfMemory(error) ? engineFailure(error, 'memory') : error;
    });

  /**
   * Prepared statements by SQL text, kept open: a query with parameters is one request to the
   * worker (bind and run), not three (prepare, run, close), and DuckDB plans it once. Dropped
   * whenever tables or macros are replaced, so a statement never outlives what it was planned on.
   */
  const prepared = new Map<string, Promise<number>>();
  const forgetPrepared = () =>
    conn.useUnsafe(async (bindings, id) => {
      const statements = [...prepared.values()];
      prepared.clear();
      for (const statement of statements) await statement.then((s) => bindings.closePrepared(id, s)).catch(() => {});
    });
  const queryIpc = (sql: string, values: Param[] = []): Promise<Uint8Array> =>
    conn.useUnsafe(async (bindings, id) => {
      if (values.length === 0) return ask(bindings.runQuery(id, sql));
      let statement = prepared.get(sql);
      if (!statement) {
        statement = ask(bindings.createPrepared(id, sql));
        statement.catch(() => prepared.delete(sql));
        prepared.set(sql, statement);
      }
      return ask(bindings.runPrepared(id, await statement, values));
    });
  const engine = (): Engine => ({
    async exec(sql) {
      await ask(conn.query(sql));
    },
    query: async (sql, values) => ipcFrame(await queryIpc(sql, values)),
  });

  const session = {
    bindings: db,
    ask,
    lockedSettings,
    abandon: (reason: string) => fail(new EngineFailure('worker', `${NOTICES.worker} (${reason})`)),
  };

  let download: Promise<duckdb.AsyncDuckDBConnection> | null = null;
  return {
    manifest,
    async queryArrow(sql, values = []) {
      download ??= ask(db.connect());
      const statement = await ask((await download).prepare(sql));
      return ask(statement.query(...values)).finally(() => statement.close()) as Promise<Table>;
    },
    ...engine(),
    readOnly: (sql, options) => readOnly(session, sql, options),
    async replaceData(table, statements) {
      await forgetPrepared();
      const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
      const staging = table && quote(`${table.name}__incoming`);
      if (table) {
        await ask(conn.query(`DROP TABLE IF EXISTS ${staging}`));
        try {
          await ask(conn.insertArrowFromIPCStream(table.ipc, { name: `${table.name}__incoming`, create: true }));
        } catch (error) {
          await conn.query(`DROP TABLE IF EXISTS ${staging}`).catch(() => {});
          throw error;
        }
      }
      await ask(conn.query('BEGIN TRANSACTION'));
      try {
        if (table) {
          await ask(conn.query(`DROP TABLE IF EXISTS ${quote(table.name)}`));
          await ask(conn.query(`ALTER TABLE ${staging} RENAME TO ${quote(table.name)}`));
        }
        for (const { sql, values } of statements) {
          if (values.length === 0) await ask(conn.query(sql));
          else {
            const statement = await ask(conn.prepare(sql));
            await ask(statement.query(...values)).finally(() => statement.close());
          }
        }
        await ask(conn.query('COMMIT'));
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => {});
        if (staging) await conn.query(`DROP TABLE IF EXISTS ${staging}`).catch(() => {});
        throw error;
      }
    },
    async loadTable(name, ipc, append = false) {
      await forgetPrepared();
      if (!append) await ask(conn.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`));
      await ask(conn.insertArrowFromIPCStream(ipc, { name, create: !append }));
    },
    queryIpc,
    async installMacros() {
      await forgetPrepared();
      for (const statement of SETUP_SQL) await ask(conn.query(statement));
    },
    view: engine,
  };
}
