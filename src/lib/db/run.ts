import type { Engine } from './engine.ts';
import type { Frame } from '../data/frame.ts';
import { bindSql, parameterNames, type Params } from '../../sql/bind.ts';
import { QUERIES, type QueryName } from '../../sql/catalog.ts';
import { QueryCache } from './cache.ts';
import { Scheduler, type Priority } from './schedule.ts';

export type { Priority } from './schedule.ts';

export interface QueryRun {
  name: QueryName;
  /** The query text as written in its .sql file. */
  text: string;
  /** The parameters the text uses, with their bound values. */
  params: Params;
  frame: Frame;
}

/** Results kept per engine (a fresh engine handle, e.g. the lab's next world, starts empty). */
const CACHE_SIZE = 64;
interface PerEngine {
  cache: QueryCache<{ run: Promise<QueryRun>; raise: () => void }>;
  scheduler: Scheduler;
}
const engines = new WeakMap<Engine, PerEngine>();
const perEngine = (engine: Engine): PerEngine =>
  engines.get(engine) ?? engines.set(engine, { cache: new QueryCache(CACHE_SIZE), scheduler: new Scheduler() }).get(engine)!;

/**
 * A named query of the catalog with the parameters it uses bound (`params` may hold more); with
 * `columns`, only those of its result (the break-even sweep's brand_offers: OFFER_COLUMNS).
 */
export function bindQuery(name: QueryName, params: Params, columns?: readonly string[]) {
  const text = QUERIES[name];
  const used: Params = Object.fromEntries(parameterNames(text).map((p) => [p, params[p]]));
  const { sql, values } = bindSql(text, used);
  return { text, used, values, sql: columns ? `SELECT ${columns.join(', ')} FROM (${sql})` : sql };
}

/**
 * Run a named query of the catalog with bound parameters, on either engine. `params` may hold
 * more values than the query uses; only those it names are bound. Identical runs on the same
 * engine share one result (figures that show the same rows do not query twice); a query without
 * parameters keeps its result for the engine's life. Queries for what is on screen go first.
 * In the browser only the coordinator calls this.
 */
export function runQuery(engine: Engine, name: QueryName, params: Params, priority: Priority = 'visible'): Promise<QueryRun> {
  const { text, used, sql, values } = bindQuery(name, params);
  const key = `${name}\u0000${JSON.stringify(values)}`;
  const { cache, scheduler } = perEngine(engine);
  const hit = cache.get(key);
  if (hit) {
    if (priority === 'visible') hit.raise();
    return hit.run;
  }
  const task = scheduler.add(priority, () => engine.query(sql, values));
  const run = task.result.then((frame) => ({ name, text, params: used, frame }));
  run.catch(() => cache.delete(key));
  cache.set(key, { run, raise: task.raise }, values.length === 0);
  return run;
}
