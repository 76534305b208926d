/**
 * The page's coordinator: the only way the interactive code reaches DuckDB. It starts the
 * engine (browser.ts), runs the catalog's queries through the shared cache and scheduler (run.ts:
 * LRU, parameterless results pinned, what is on screen first), lets a client's newest request
 * win, prefetches, and turns a client's failures into its element's `data-state`. The SQL cell's
 * statements run on a connection of their own, polled, so a long one never holds a figure up.
 */
import { engine, labEngine, runReadOnly, type BrowserEngine, type LabEngine, type Manifest } from './browser.ts';
import { bindQuery, runQuery, type Priority, type QueryRun } from './run.ts';
import type { QueryName } from '../../sql/catalog.ts';
import type { Params } from '../../sql/bind.ts';
import type { Frame } from '../data/frame.ts';

export { EngineFailure } from './failure.ts';
export { runReadOnly, labEngine, type LabEngine, type Manifest, type QueryRun };

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

/** Run queries whose rows are likely wanted next, behind everything on screen; failures are ignored. */
export function prefetch(names: readonly QueryName[], params: Params): void {
  query(names, params, 'background').catch(() => {});
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

const latest = new WeakMap<object, number>();

/**
 * "Newest request wins", once for every client: take a ticket when a request starts; `current()`
 * is true until the same client takes another, so a result that arrives late is dropped.
 */
export function ticket(client: object): { current: () => boolean } {
  const seq = (latest.get(client) ?? 0) + 1;
  latest.set(client, seq);
  return { current: () => latest.get(client) === seq };
}

/**
 * Run a client's update with its element's `data-state` following it: `updating`, then `live`,
 * or `failed` (and `onFailure` called) unless a newer request of the same element took over.
 * Returns the result, or undefined when the update failed or was superseded.
 */
export async function track<T>(el: HTMLElement, work: (current: () => boolean) => Promise<T>, onFailure?: (error: Error) => void): Promise<T | undefined> {
  const { current } = ticket(el);
  el.dataset.state = 'updating';
  try {
    const result = await work(current);
    if (current()) el.dataset.state = 'live';
    return current() ? result : undefined;
  } catch (error) {
    if (!current()) return undefined;
    el.dataset.state = 'failed';
    onFailure?.(error as Error);
    return undefined;
  }
}
