/**
 * A statement the reader can stop while it runs (Your data's Cancel during the SQL passes). A
 * plain query is one request the worker answers only once it is done; this runs it as DuckDB-WASM's
 * pending query instead, which the worker executes a slice at a time between requests, so a
 * cancel sent meanwhile is answered after the slice under way. Parameters are bound the way a
 * prepared statement binds them, through SQL's own PREPARE and EXECUTE (the values as literals of
 * the types DuckDB-WASM binds a value as: DOUBLE for any number, VARCHAR, BOOLEAN, NULL); a
 * CREATE … AS, which PREPARE does not take, gets the same literals in place of its placeholders.
 */
import type { Param } from '../../sql/bind.ts';

/** The requests this needs of DuckDB-WASM's bindings (its AsyncDuckDB has them all). */
export interface PendingBindings {
  runQuery(conn: number, sql: string): Promise<Uint8Array>;
  startPendingQuery(conn: number, sql: string, allowStreamResult?: boolean): Promise<Uint8Array | null>;
  pollPendingQuery(conn: number): Promise<Uint8Array | null>;
  cancelPendingQuery(conn: number): Promise<boolean>;
  fetchQueryResults(conn: number): Promise<Uint8Array | null>;
}

/** A value as the SQL literal of the type DuckDB-WASM binds it as (every number as a DOUBLE, whole or not). */
export function literal(value: Param): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a parameter is not a finite number (${value})`);
    return `CAST(${String(value)} AS DOUBLE)`;
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The text with each `?` placeholder (outside quotes and comments) replaced by its value's literal,
 * for the statements SQL's PREPARE does not take (CREATE … AS).
 */
export function inlineValues(sql: string, values: readonly Param[]): string {
  /** Where the quoted text or comment starting at i ends (i itself when none starts there). */
  const skip = (i: number): number => {
    const c = sql[i];
    const to = (end: string, from: number, past: number) => {
      const at = sql.indexOf(end, from);
      return at < 0 ? sql.length : at + past;
    };
    // (A doubled quote inside a quoted text ends one part and starts the next: the same skip.)
    if (c === "'" || c === '"') return to(c, i + 1, 1);
    if (sql.startsWith('--', i)) return to('\n', i + 2, 1);
    if (sql.startsWith('/*', i)) return to('*/', i + 2, 2);
    return i;
  };
  let out = '';
  let k = 0;
  for (let i = 0; i < sql.length; ) {
    const j = skip(i);
    if (j > i) {
      out += sql.slice(i, j);
      i = j;
    } else if (sql[i] === '?') {
      if (k >= values.length) throw new Error('the statement has more placeholders than values');
      out += literal(values[k++]);
      i++;
    } else out += sql[i++];
  }
  if (k !== values.length) throw new Error('the statement has fewer placeholders than values');
  return out;
}

/**
 * The statement and its values as one text: PREPARE then EXECUTE, so the values are bound as the
 * prepared statement binds them; for a CREATE … AS (which PREPARE does not take) the values
 * inlined as literals. The text itself when it has no values.
 */
export function executeText(sql: string, values: readonly Param[], name: string): string {
  if (values.length === 0) return sql;
  if (/^\s*CREATE\b/i.test(sql)) return inlineValues(sql, values);
  return `PREPARE ${name} AS ${sql.trim().replace(/;\s*$/, '')};\nEXECUTE ${name}(${values.map(literal).join(', ')})`;
}

/** The reason a stopped statement throws: the signal's own (an AbortError when none was given). */
export const stopReason = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('The statement was cancelled.', 'AbortError');

/**
 * Run one statement on connection `conn` as a pending query, stopped when `signal` aborts (the
 * promise then rejects with the signal's reason); resolves with its result's Arrow IPC messages
 * (schema first). `ask` races each request against the worker's death.
 */
export async function runPending(db: PendingBindings, conn: number, sql: string, values: readonly Param[], signal: AbortSignal, ask: <T>(request: Promise<T>) => Promise<T>): Promise<Uint8Array[]> {
  signal.throwIfAborted();
  const name = `pending_${conn}`;
  const text = executeText(sql, values, name);
  let running = true;
  const onAbort = () => {
    if (running) void ask(db.cancelPendingQuery(conn)).catch(() => false);
  };
  signal.addEventListener('abort', onAbort);
  try {
    let header = await ask(db.startPendingQuery(conn, text, false));
    while (!header) {
      signal.throwIfAborted();
      header = await ask(db.pollPendingQuery(conn));
    }
    const parts = [header];
    for (;;) {
      const chunk = await ask(db.fetchQueryResults(conn));
      if (chunk === null) continue;
      if (chunk.byteLength === 0) break;
      parts.push(chunk);
    }
    return parts;
  } catch (error) {
    // A cancelled pending query fails in the worker; the reader's reason is what is thrown.
    if (signal.aborted) throw stopReason(signal);
    throw error;
  } finally {
    running = false;
    signal.removeEventListener('abort', onAbort);
    if (text.startsWith('PREPARE')) await ask(db.runQuery(conn, `DEALLOCATE PREPARE ${name}`)).catch(() => {});
  }
}

/** Arrow IPC messages as one stream's bytes. */
export function concatIpc(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
