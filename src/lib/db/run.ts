import type { Engine } from './engine.ts';
import type { Frame } from '../data/frame.ts';
import { bindSql, parameterNames, type Params } from '../../sql/bind.ts';
import { QUERIES, type QueryName } from '../../sql/catalog.ts';

export interface QueryRun {
  name: QueryName;
  /** The query text as written in its .sql file. */
  text: string;
  /** The parameters the text uses, with their bound values. */
  params: Params;
  frame: Frame;
}

const cache = new WeakMap<Engine, Map<string, Promise<QueryRun>>>();
const CACHE_SIZE = 32;

/** A named query of the catalog with the parameters it uses bound (`params` may hold more). */
export function bindQuery(name: QueryName, params: Params) {
  const text = QUERIES[name];
  const used: Params = Object.fromEntries(parameterNames(text).map((p) => [p, params[p]]));
  return { text, used, ...bindSql(text, used) };
}

/**
 * Run a named query of the catalog with bound parameters, on either engine. `params` may hold
 * more values than the query uses; only those it names are bound. Identical runs on the same
 * engine share one result (figures that show the same rows do not query twice).
 */
export function runQuery(engine: Engine, name: QueryName, params: Params): Promise<QueryRun> {
  const { text, used, sql, values } = bindQuery(name, params);
  const key = `${name}\u0000${JSON.stringify(values)}`;
  const runs = cache.get(engine) ?? cache.set(engine, new Map()).get(engine)!;
  const hit = runs.get(key);
  if (hit) return hit;
  const run = engine.query(sql, values).then((frame) => ({ name, text, params: used, frame }));
  run.catch(() => runs.delete(key));
  runs.set(key, run);
  if (runs.size > CACHE_SIZE) runs.delete(runs.keys().next().value!);
  return run;
}
