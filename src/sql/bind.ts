/**
 * The one placeholder convention of the SQL files: `$name`. DuckDB-WASM binds by position, so
 * both engines get the same text with each `$name` turned into `?` and the values in order.
 */

export type Param = number | string | boolean | null;
export type Params = Record<string, Param>;

export interface BoundSql {
  /** The text both engines run, with positional placeholders. */
  sql: string;
  values: Param[];
}

const PLACEHOLDER = /\$([a-z_][a-z0-9_]*)/gi;

/** Turn `$name` placeholders into `?` with values in order; an unknown name throws, so a typo never binds NULL. */
export function bindSql(text: string, params: Params): BoundSql {
  const values: Param[] = [];
  const sql = text.replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter $${name} has no value`);
    values.push(params[name]);
    return '?';
  });
  return { sql, values };
}

/** The parameter names a query text uses, in first-use order. */
export function parameterNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}
