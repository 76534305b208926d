/**
 * The page's coordinator: the only way the interactive code reaches DuckDB. It starts the
 * engine (browser.ts), runs the catalog's queries through the shared cache and scheduler (run.ts:
 * LRU, parameterless results pinned, what is on screen first) and prefetches. Clients
 * (src/lib/client/client.ts) ask for its queries as specs (`named`, `text`, `readOnly`); their
 * requests, newest winning, and their elements' `data-state` are run there. The SQL cell's
 * statements run on an engine of their own (another worker), so a long one never holds a figure up. The
 * lab's worlds are loaded through `loadWorld` and queried through `queryWorld`, on the lab's engine.
 */
import { engine, fetchDataFile, labEngine, runReadOnly, type BrowserEngine, type LabEngine, type Manifest } from './browser.ts';
import { bindQuery, runQuery, type Priority, type QueryRun } from './run.ts';
import type { ReadOnlyOptions, ReadOnlyResult } from './readOnly.ts';
import type { Spec } from '../client/client.ts';
import type { QueryName } from '../../sql/catalog.ts';
import type { BoundSql, Params } from '../../sql/bind.ts';
import type { Frame } from '../data/frame.ts';
import type { WorldLoad, WorldPlan } from './labWorld.ts';
import { onScreen } from './readerFirst.ts';

export { EngineFailure } from './failure.ts';
export { runReadOnly, labEngine, type LabEngine, type Manifest, type QueryRun, type WorldLoad, type WorldPlan };

/** Start the page's engine in the background (idle time, or the first sign of interest). */
export function warm(): void {
  engine().catch(() => {});
}

/** The loaded dataset's manifest (its version names the downloads). */
export const manifest = async (): Promise<Manifest> => (await engine()).manifest;

/** Run named queries of the catalog with the given parameters, through the cache. */
export async function query(names: readonly QueryName[], params: Params, priority: Priority = 'visible'): Promise<QueryRun[]> {
  const db = await engine();
  return Promise.all(names.map((name) => runQuery(db, name, params, priority)));
}

/**
 * Run queries whose rows are likely wanted next, behind everything on screen: their runs, or null
 * when they failed (a failure is ignored). Only on an engine that is up or starting: a guess never
 * starts one, nor restarts one that failed (the reader's "Try again" does).
 */
export async function prefetch(names: readonly QueryName[], params: Params): Promise<QueryRun[] | null> {
  const running = engine.running();
  if (!running) return null;
  return running.then((db) => Promise.all(names.map((name) => runQuery(db, name, params, 'background')))).catch(() => null);
}

/** A statement of the catalog's family that is not one of its named queries (explore's count), uncached. */
export async function queryText(sql: string, values: Parameters<BrowserEngine['query']>[1]): Promise<Frame> {
  return (await engine()).query(sql, values);
}

/** A named query's rows as an Arrow table, straight from DuckDB (the explore download). */
export async function queryArrow(name: QueryName, params: Params) {
  const { sql, values } = bindQuery(name, params);
  return (await engine()).queryArrow(sql, values);
}

/**
 * Load a user's data into the page's engine, all or nothing: a table from Arrow IPC stream bytes
 * (the only way user data enters: the engine reads no file), replacing any table of that name, then
 * the statements that derive tables from it; with `table` null, only the statements. If any step
 * fails, the tables are as they were before and the error is thrown: the data loaded earlier
 * survives a failed load. With `signal`, an abort stops the statement running and undoes the load alike.
 */
export async function loadUserData(table: { name: string; ipc: Uint8Array } | null, statements: BoundSql[], signal?: AbortSignal): Promise<void> {
  return (await engine()).replaceData(table, statements, signal);
}

/**
 * Load a table the page's engine does not load at start (Your data's Klout ontology) from the
 * manifest's entry `key`, once: fetched from the page's data folder (same origin, the dataset's
 * version in the query so a new build is fetched afresh) and inserted as loadUserData inserts a
 * table. Resolves false when the manifest has no such entry; a failed load is tried again next time.
 */
export async function loadExtraTable(key: 'ontology', name: string): Promise<boolean> {
  const db = await engine();
  // Per engine: a fresh one (after a crash) has none of them.
  let loaded = extraTables.get(db);
  if (!loaded) extraTables.set(db, (loaded = new Map()));
  let loading = loaded.get(name);
  if (!loading) {
    const entry = db.manifest[key];
    loading = entry ? fetchDataFile(`${entry.file}?v=${db.manifest.version}`, `table ${name}`).then((ipc) => db.replaceData({ name, ipc }, [])).then(() => true) : Promise.resolve(false);
    loading.catch(() => loaded.delete(name));
    loaded.set(name, loading);
  }
  return loading;
}
const extraTables = new WeakMap<BrowserEngine, Map<string, Promise<boolean>>>();

/** A query on the user's data that the reader can stop while it runs (Your data's Cancel): rejects with the signal's reason once stopped. */
export async function queryStoppable(sql: string, values: Parameters<BrowserEngine['query']>[1], signal: AbortSignal): Promise<Frame> {
  return (await engine()).queryStoppable(sql, values ?? [], signal);
}

/** A client's query of the catalog, as a spec: run through the cache, at the priority given (what is on screen first). */
export const named = (name: QueryName, params: Params, priority: Priority = 'visible'): Spec<QueryRun> => ({
  label: name,
  run: async () => {
    const run = engine().then((db) => runQuery(db, name, params, priority));
    return priority === 'visible' ? onScreen(run) : run;
  },
});

/** A statement of the catalog's family that is not one of its named queries (explore's count), as a spec: uncached. */
export const text = (label: string, sql: string, values: Parameters<BrowserEngine['query']>[1]): Spec<Frame> => ({
  label,
  run: () => onScreen(queryText(sql, values)),
});

/** One statement of the SQL cell, as a spec: read-only, stopped when the request is cancelled or superseded (readOnly.ts). */
export const readOnly = (sql: string, options: Omit<ReadOnlyOptions, 'signal' | 'between'>): Spec<ReadOnlyResult> => ({
  label: 'sql-cell',
  run: (signal) => runReadOnly(sql, { ...options, signal }),
});

/**
 * A named query of the catalog on a lab world (with `columns`, only those of its result), its rows
 * as Arrow IPC bytes for the lab's worker (the page never decodes them). The lab session calls this
 * in the world's turn on its engine.
 */
export async function queryWorld(db: LabEngine, name: QueryName, params: Params, columns?: readonly string[]): Promise<Uint8Array> {
  const { sql, values } = bindQuery(name, params, columns);
  return db.queryIpc(sql, values);
}

/**
 * Load a lab world into the lab's engine (labWorld.ts): its tables as the simulator hands them
 * over, the build's derivations once their tables are complete, the shared macros and score tables
 * once theirs are, every request in the world's turn (`plan.queue`). The lab session calls this for
 * each regeneration; `finish` gives the world's engine handle.
 */
export { loadWorld } from './labWorld.ts';
