import type { Engine } from './engine.ts';
import type { Frame } from '../data/frame.ts';
import { bindSql, type Params } from '../../sql/bind.ts';
import { QUERIES, type QueryName } from '../../sql/catalog.ts';

export interface QueryRun {
  name: QueryName;
  /** The query text as written in its .sql file. */
  text: string;
  params: Params;
  frame: Frame;
}

/** Run a named query of the catalog with bound parameters, on either engine. */
export async function runQuery(engine: Engine, name: QueryName, params: Params): Promise<QueryRun> {
  const text = QUERIES[name];
  const { sql, values } = bindSql(text, params);
  const frame = await engine.query(sql, values);
  return { name, text, params, frame };
}
