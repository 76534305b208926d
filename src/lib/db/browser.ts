/**
 * The one module that imports DuckDB-WASM. It starts each engine once, lazily (behind a shared
 * promise), from self-hosted bundles: the page's (figures, explore), the SQL cell's and the lab's,
 * each in its own worker. A dataset engine loads the dataset's Arrow files and installs the shared
 * SQL macros step by step, what a waiting query needs first (setup.ts), then locks itself
 * read-only (lock.ts); it runs queries with bound parameters, and the SQL cell's statements
 * through readOnly.ts. Nothing is fetched from outside the origin.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { BUNDLE, adoptPreheated, compiledModule, duckdbWorker, handModule } from './preheat.ts';
import { readerFirst } from './readerFirst.ts';
import type { Engine } from './engine.ts';
import type { Frame } from '../data/frame.ts';
import { ipcFrame } from './arrowFrame.ts';
import { Setup, macroSteps, type Step } from './setup.ts';
import type { Param } from '../../sql/bind.ts';
import { warmUpSteps } from './warmUp.ts';
import type { Table } from 'apache-arrow';
import { EngineFailure, NOTICES, engineFailure, isOutOfMemory } from './failure.ts';
import { GLOBAL_SETTINGS_SQL, LOCK_SQL, NO_AUTOLOAD_SQL } from './lock.ts';
import { readOnly, type ReadOnlyOptions, type ReadOnlyResult } from './readOnly.ts';
import { concatIpc, runPending } from './pending.ts';

export { EngineFailure } from './failure.ts';

/** A start that has not finished by then is given up (and can be retried). */
const START_TIMEOUT_MS = 60_000;

export interface Manifest {
  version: string;
  tables: { name: string; file: string; rows: number; bytes: number }[];
  /** Klout's whole topic ontology, which Your data's folder holds for files with topics (not loaded at start). */
  ontology?: { file: string; rows: number; bytes: number };
}

export interface BrowserEngine extends Engine {
  manifest: Manifest;
  /** Settles once every table and macro is in and the engine is locked (queries need not wait for it: each waits for what it reads). */
  ready: Promise<void>;
  /** Run a query and get its result as an Arrow table (the explore download's Arrow file), on a connection of its own. */
  queryArrow(sql: string, values?: Param[]): Promise<Table>;
  /** Run one statement of the SQL cell so that it changes nothing (readOnly.ts). */
  readOnly(sql: string, options: ReadOnlyOptions): Promise<ReadOnlyResult>;
  /** Run a query on a connection of its own, stopped while it runs when `signal` aborts (pending.ts; it then rejects with the signal's reason). */
  queryStoppable(sql: string, values: Param[], signal: AbortSignal): Promise<Frame>;
  /**
   * Replace a user's data in one go: a table from Arrow IPC stream bytes (optional), then the
   * statements that derive tables from it, in one transaction. If anything fails, or `signal`
   * aborts (the statement running is stopped), every table is as it was before (the data loaded
   * earlier survives) and the error, or the signal's reason, is thrown.
   */
  replaceData(table: { name: string; ipc: Uint8Array } | null, statements: { sql: string; values: Param[] }[], signal?: AbortSignal): Promise<void>;
}

/** The lab's engine: starts empty; worlds regenerated in the browser are loaded into it table by table. */
export interface LabEngine extends BrowserEngine {
  /** Create or replace a table from Arrow IPC stream bytes, or with `append` add the rows to it (the buffer is handed to DuckDB's worker). */
  loadTable(name: string, ipc: Uint8Array, append?: boolean): Promise<void>;
  /** Run a query and get its result as Arrow IPC bytes, not decoded (for a worker to read: the page's main thread never walks the rows). */
  queryIpc(sql: string, values?: Param[]): Promise<Uint8Array>;
  /** A fresh handle on the same database, so results cached for an earlier world are never reused. */
  view(): Engine;
}

/** The three engines of a page, each in its own worker. */
type Kind = 'page' | 'cell' | 'lab';

/**
 * An engine started on first call and shared after; a failed start, or a worker that dies, leaves
 * the next call to start a fresh one.
 */
function shared<E>(begin: (onCrash: () => void) => Promise<E>): { (): Promise<E>; running(): Promise<E> | null } {
  let current: Promise<E> | null = null;
  const get = () => {
    if (!current) {
      const mine: Promise<E> = begin(() => {
        if (current === mine) current = null;
      }).catch((error) => {
        if (current === mine) current = null;
        throw error;
      });
      current = mine;
    }
    return current;
  };
  /** The engine started (or starting) and not failed, if any; starts none. */
  get.running = () => current;
  return get;
}

/** The page's engine: the dataset, for the figures, explore and downloads. */
export const engine = shared<BrowserEngine>((onCrash) => start('page', onCrash));

/**
 * The SQL cell's engine: the same data, locked the same way, in a worker of its own, started on its
 * first statement. DuckDB-WASM's worker answers one request at a time, and one slice of a long
 * statement can take most of a second (a cross join's), so a statement sharing the page's worker
 * would hold every figure up; a worker that the cell crashes or gives up leaves the page's alone.
 */
const cellEngine: () => Promise<BrowserEngine> = shared((onCrash) => start('cell', onCrash));

/** The page engine's worker, while it lives: the SQL cell's engine takes its compiled WebAssembly. */
let pageWorker: Worker | null = null;

/**
 * Run one statement of the SQL cell on its engine, read-only (see readOnly.ts for what it
 * guarantees and the errors it throws). If the engine's worker dies meanwhile this rejects with an
 * EngineFailure, and the next call starts a fresh engine.
 */
export async function runReadOnly(sql: string, options: ReadOnlyOptions): Promise<ReadOnlyResult> {
  return (await (holdsUserData ? engine() : cellEngine())).readOnly(sql, options);
}

/**
 * Whether the page's engine holds a reader's own file (Your data): the SQL cell then reads that
 * engine, where the file's tables are, rather than load a second copy of a file of up to 100 MB
 * into its own worker; a long statement there holds the page's other queries up, as it would any
 * query on that page.
 */
let holdsUserData = false;

/** The lab's own engine instance (no dataset loaded), started on first call and shared after. */
export const labEngine: () => Promise<LabEngine> = shared((onCrash) => start('lab', onCrash));

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

/** One more file of the page's data folder, one the engine does not load at start (Your data's Klout ontology), as bytes; a failure is a "data" failure naming it. */
export async function fetchDataFile(file: string, what: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetchData(file, what)).arrayBuffer());
}

/** The engine-wide settings once locked (GLOBAL_SETTINGS_SQL's value), per connection. */
const locked = new WeakMap<duckdb.AsyncDuckDBConnection, string>();

/** Make the engine read-only from here on: no file or URL, no setting (lock.ts); later tables come as Arrow. */
async function lock(conn: duckdb.AsyncDuckDBConnection, guard: <T>(request: Promise<T>) => Promise<T>, kind: Kind): Promise<void> {
  const locking = performance.now();
  for (const statement of LOCK_SQL) await guard(conn.query(statement));
  locked.set(conn, String((await guard(conn.query(GLOBAL_SETTINGS_SQL))).getChildAt(0)?.get(0)));
  performance.measure(kind === 'page' ? 'influence:engine-lock' : `influence:${kind}-engine-lock`, { start: locking });
}

type Measure = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** The time `work` takes, as a performance measure (`influence:` and the name). */
async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`influence:${name}`, { start });
  }
}

/**
 * The page's engine setup (setup.ts): each table of the manifest inserted once its bytes are in,
 * each macro once the tables it reads are, each score table once its macro is, then the lock.
 */
function datasetSteps(
  manifest: Manifest,
  fetchTable: (table: Manifest['tables'][number]) => Promise<Uint8Array>,
  run: (sql: string) => Promise<void>,
  insert: (name: string, ipc: Uint8Array) => Promise<unknown>,
  lockIt: () => Promise<void>,
  mark: (stage: string) => void,
  measure: Measure,
  warm: ((sql: string, values: Param[]) => Promise<unknown>) | null,
): Step[] {
  const tables = manifest.tables.map((t) => t.name);
  let fetched = 0;
  let inserted = 0;
  // Smallest first: those nobody has asked for yet are fetched (a few at a time) and inserted in this order.
  const bySize = [...manifest.tables].sort((a, b) => a.bytes - b.bytes);
  const steps: Step[] = bySize.map((t) => {
    let bytes: Promise<Uint8Array>;
    return {
      name: t.name,
      needs: [],
      fetch: () =>
        (bytes = fetchTable(t).then((b) => {
          if (++fetched === tables.length) mark('data');
          return b;
        })),
      run: async () => {
        await insert(t.name, await bytes);
        if (++inserted === tables.length) mark('tables');
      },
    };
  });
  steps.push(...macroSteps(tables, run));
  if (warm) steps.push(...warmUpSteps(manifest.tables.find((t) => t.name === 'account_features')?.rows ?? 0, warm));
  steps.push({ name: 'lock', mentioned: false, needs: steps.map((s) => s.name), run: lockIt });
  return steps.map((s) => ({ ...s, run: () => measure(`setup ${s.name}`, s.run) }));
}

async function start(kind: 'lab', onCrash: () => void): Promise<LabEngine>;
async function start(kind: 'page' | 'cell', onCrash: () => void): Promise<BrowserEngine>;
async function start(kind: Kind, onCrash: () => void): Promise<LabEngine> {
  if (typeof WebAssembly !== 'object' || typeof Worker !== 'function') throw new EngineFailure('unsupported', NOTICES.unsupported);
  const dataset = kind !== 'lab';
  // The SQL cell's engine works in the background: before each step of its setup and between the
  // slices of its statement, the reader's moves on the page go first (readerFirst.ts).
  const background = kind === 'cell' ? readerFirst : null;
  /** The page engine's stages, for the benchmark and the browser's performance panel. */
  const mark = (stage: string) => kind === 'page' && performance.mark(`influence:engine-${stage}`);
  const measure: Measure = kind === 'page' ? measured : (_, work) => work();
  mark('start');
  // Only the `eh` build ships: every browser the report supports (current and previous majors of
  // Chrome, Edge, Firefox, Safari) has WebAssembly exceptions, and the `mvp` build is 39 MB more.
  if (!(await duckdb.getPlatformFeatures()).wasmExceptions) throw new EngineFailure('unsupported', NOTICES.unsupported);
  // The page's engine adopts the worker started ahead of it, if any (preheat.ts), with its instantiation under way.
  const preheated = kind === 'page' ? adoptPreheated() : null;
  // The SQL cell's engine takes the WebAssembly the page's engine compiled, if there is one: no
  // second download and compile (over a second of CPU on several threads) while the reader moves a
  // slider, and DuckDB's functions compiled once for both. It waits for it under its own start
  // timeout (below), and without one fetches its own.
  const handoff = kind === 'cell' && pageWorker ? compiledModule(pageWorker) : null;
  const worker = preheated?.worker ?? duckdbWorker(!handoff);
  if (kind === 'page') pageWorker = worker;
  const { crashed, fail, guard } = watch(worker);
  crashed.catch(() => {
    worker.terminate();
    if (pageWorker === worker) pageWorker = null;
    onCrash();
  });
  const timer = setTimeout(() => fail(new EngineFailure('timeout', NOTICES.timeout)), START_TIMEOUT_MS);
  // (Made once the preheated worker's instantiation has answered, so that answer is not taken for one of its own.)
  let db!: duckdb.AsyncDuckDB;
  /** Any failure stops the worker; its requests, and queries waiting for the setup, fail with it. */
  const failWith = (error: unknown) => fail(engineFailure(error));
  // The connection, once the WebAssembly is instantiated; the dataset's manifest meanwhile, then its
  // tables as the setup asks for them (the queries of a figure touched early ask first).
  const connected = (async () => {
    const preset = preheated ? await guard(preheated.instantiated) : false;
    db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    const module = handoff && (await guard(handoff));
    if (module) handModule(worker, module);
    if (!preheated) await guard(db.instantiate(BUNDLE.mainModule));
    mark('wasm');
    const c = await guard(db.connect());
    if (!preset) await guard(c.query(NO_AUTOLOAD_SQL));
    return c;
  })();
  connected.catch(failWith);
  let manifest: Manifest;
  try {
    manifest = dataset ? await guard(fetchData('manifest.json', 'the manifest').then((r) => r.json() as Promise<Manifest>)) : { version: 'lab', tables: [] };
    // The lab's engine has no tables yet: it locks at once, and installs its macros once a world is loaded.
    if (!dataset) await lock(await connected, guard, kind);
  } catch (error) {
    clearTimeout(timer);
    failWith(error);
    throw engineFailure(error);
  }
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
  const forgetPrepared = async () =>
    (await connected).useUnsafe(async (bindings, id) => {
      const statements = [...prepared.values()];
      prepared.clear();
      for (const statement of statements) await statement.then((s) => bindings.closePrepared(id, s)).catch(() => {});
    });
  const queryIpc = async (sql: string, values: Param[] = []): Promise<Uint8Array> =>
    (await ask(connected)).useUnsafe(async (bindings, id) => {
      if (values.length === 0) return ask(bindings.runQuery(id, sql));
      let statement = prepared.get(sql);
      if (!statement) {
        statement = ask(bindings.createPrepared(id, sql));
        statement.catch(() => prepared.delete(sql));
        prepared.set(sql, statement);
      }
      return ask(bindings.runPrepared(id, await statement, values));
    });
  const setup = new Setup(
    dataset
      ? datasetSteps(
          manifest,
          (t) => fetchData(`${t.file}?v=${manifest.version}`, `table ${t.name}`).then(async (r) => new Uint8Array(await r.arrayBuffer())),
          async (sql) => {
            await background?.();
            await guard((await connected).query(sql));
          },
          async (name, ipc) => {
            await background?.();
            return guard((await connected).insertArrowFromIPCStream(ipc, { name, create: true }));
          },
          async () => lock(await connected, guard, kind),
          mark,
          measure,
          kind === 'page' ? queryIpc : null,
        )
      : [],
    failWith,
  );
  crashed.catch((error) => setup.abort(error));
  setup.done.then(
    () => {
      clearTimeout(timer);
      mark('ready');
    },
    () => clearTimeout(timer),
  );
  // The engine is handed out as soon as its manifest is in, before its WebAssembly is ready: a query
  // waits for the tables and macros it names (setup.ts), a statement of the page's own and the SQL
  // cell for the whole setup and the lock; all of them fail with the engine.
  const engine = (): Engine => ({
    async exec(sql) {
      await ask(setup.done);
      await ask((await connected).query(sql));
    },
    // (Only the worker's part holds the setup back: the rest of it goes on while the result is decoded and drawn.)
    query: async (sql, values) => {
      const ipc = await setup.run(sql, () => measure('query', () => queryIpc(sql, values)));
      return measure('decode', async () => ipcFrame(ipc));
    },
  });

  const abandon = (reason: string) => fail(new EngineFailure('worker', `${NOTICES.worker} (${reason})`));

  let download: Promise<duckdb.AsyncDuckDBConnection> | null = null;
  return {
    manifest,
    ready: setup.done,
    queryArrow: (sql, values = []) =>
      setup.run(sql, async () => {
        download ??= ask(connected.then(() => db.connect()));
        const statement = await ask((await download).prepare(sql));
        return ask(statement.query(...values)).finally(() => statement.close()) as Promise<Table>;
      }),
    ...engine(),
    async readOnly(sql, options) {
      await ask(setup.done);
      return readOnly({ bindings: db, ask, lockedSettings: locked.get(await connected)!, abandon }, sql, { ...options, between: background ?? undefined });
    },
    queryStoppable: async (sql, values, signal) => {
      await ask(connected);
      const ipc = await setup.run(sql, () =>
        measure('query', async () => {
          const conn = await ask(db.connectInternal());
          try {
            return concatIpc(await runPending(db, conn, sql, values, signal, ask));
          } finally {
            await ask(db.disconnect(conn)).catch(() => {});
          }
        }),
      );
      return measure('decode', async () => ipcFrame(ipc));
    },
    async replaceData(table, statements, signal) {
      await ask(setup.done);
      signal?.throwIfAborted();
      await forgetPrepared();
      const conn = await connected;
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
          if (signal) await conn.useUnsafe((bindings, id) => runPending(bindings, id, sql, values, signal, ask));
          else if (values.length === 0) await ask(conn.query(sql));
          else {
            const statement = await ask(conn.prepare(sql));
            await ask(statement.query(...values)).finally(() => statement.close());
          }
        }
        signal?.throwIfAborted();
        await ask(conn.query('COMMIT'));
        if (kind === 'page' && table) holdsUserData = true;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => {});
        if (staging) await conn.query(`DROP TABLE IF EXISTS ${staging}`).catch(() => {});
        throw error;
      }
    },
    async loadTable(name, ipc, append = false) {
      await forgetPrepared();
      const conn = await connected;
      if (!append) await ask(conn.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`));
      await ask(conn.insertArrowFromIPCStream(ipc, { name, create: !append }));
    },
    queryIpc,
    view: engine,
  };
}
