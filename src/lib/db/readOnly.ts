/**
 * One statement of the SQL cell, run so that it cannot change anything: on a connection of its
 * own, inside a transaction that is always rolled back (DuckDB's catalog is transactional, so a
 * DROP or a replaced macro is undone), after preparing the text (DuckDB refuses to prepare more
 * than one statement, so a second statement is refused before anything runs). The engine itself is
 * locked (see lock.ts). The result streams chunk by chunk and stops at a cap in rows and in bytes,
 * checked on each chunk's Arrow bytes before it is decoded; the query has a deadline and can be
 * cancelled. A worker that does not answer a cancel in time is given up (the engine restarts).
 */
import { DataType, tableFromIPC, type Field, type Schema } from 'apache-arrow';
import { plainValue } from '../data/frame.ts';
import { GLOBAL_SETTINGS_SQL } from './lock.ts';

/** The requests this needs of DuckDB-WASM's bindings (its AsyncDuckDB has them all). */
export interface ReadOnlyBindings {
  connectInternal(): Promise<number>;
  disconnect(conn: number): Promise<void>;
  runQuery(conn: number, sql: string): Promise<Uint8Array>;
  createPrepared(conn: number, sql: string): Promise<number>;
  closePrepared(conn: number, statement: number): Promise<void>;
  startPendingQuery(conn: number, sql: string, allowStreamResult?: boolean): Promise<Uint8Array | null>;
  pollPendingQuery(conn: number): Promise<Uint8Array | null>;
  cancelPendingQuery(conn: number): Promise<boolean>;
  fetchQueryResults(conn: number): Promise<Uint8Array | null>;
}

export interface ReadOnlySession {
  bindings: ReadOnlyBindings;
  /** Races a request against the worker's death (rejects with an EngineFailure if it dies). */
  ask<T>(request: Promise<T>): Promise<T>;
  /** The engine-wide settings as they were locked (GLOBAL_SETTINGS_SQL's one value). */
  lockedSettings: string;
  /** Give the engine up (terminate its worker; the next request starts a fresh one). */
  abandon(reason: string): void;
}

export interface ReadOnlyOptions {
  maxRows: number;
  /** Cap on the result's Arrow bytes. */
  maxBytes: number;
  /** The statement's own running time allowed (time spent in `between` is not counted). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Awaited between slices of the statement (the SQL cell's engine: the reader's moves go first, readerFirst.ts). */
  between?: () => Promise<void>;
}

export interface ReadOnlyResult {
  names: string[];
  rows: unknown[][];
  /** Why rows were left out, if any: the row cap, or the byte cap (a chunk that would pass it is not decoded). */
  truncated: 'rows' | 'bytes' | null;
  /** Arrow bytes of the rows kept. */
  bytes: number;
  /** Milliseconds the statement took, from opening its connection to its last rows kept, not counting `waitedMs`. */
  ms: number;
  /** Milliseconds it gave way to the page's other queries between its slices (`between`). */
  waitedMs: number;
}

/** More than one statement: refused before anything ran. */
export class MultipleStatements extends Error {
  constructor(cause: unknown) {
    super('Only one statement can run at a time: remove the ";" between statements (a single trailing ";" is fine).', { cause });
    this.name = 'MultipleStatements';
  }
}

/** The query was stopped: by the reader, or at its deadline; `restarted` when the engine had to be given up for it. */
export class QueryStopped extends Error {
  readonly why: 'cancelled' | 'timeout';
  readonly restarted: boolean;
  constructor(why: 'cancelled' | 'timeout', restarted: boolean) {
    super(why === 'timeout' ? 'the query ran past its time limit' : 'the query was cancelled');
    this.name = 'QueryStopped';
    this.why = why;
    this.restarted = restarted;
  }
}

/** How long a worker has to answer once the query is stopped before it is given up. */
export const CANCEL_GRACE_MS = 3000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function readOnly(session: ReadOnlySession, sql: string, options: ReadOnlyOptions): Promise<ReadOnlyResult> {
  const { bindings: db, ask } = session;
  let stopped: 'cancelled' | 'timeout' | null = null;
  let restarted = false;
  let running = false;
  let grace: ReturnType<typeof setTimeout> | undefined;
  let conn = -1;
  const stop = (why: 'cancelled' | 'timeout') => {
    if (stopped) return;
    stopped = why;
    if (running) void ask(db.cancelPendingQuery(conn)).catch(() => false);
    grace = setTimeout(() => {
      restarted = true;
      session.abandon(`the SQL cell's query did not stop within ${CANCEL_GRACE_MS / 1000} s of being ${why === 'timeout' ? 'timed out' : 'cancelled'}`);
    }, CANCEL_GRACE_MS);
  };
  // The deadline counts the statement's own time: time spent waiting between slices is added back.
  let waited = 0;
  let waitedInAll = 0;
  const arm = (ms: number): ReturnType<typeof setTimeout> =>
    setTimeout(() => {
      if (waited === 0) return stop('timeout');
      deadline = arm(waited);
      waited = 0;
    }, ms);
  let deadline = arm(options.timeoutMs);
  const onAbort = () => stop('cancelled');
  if (options.signal?.aborted) stop('cancelled');
  options.signal?.addEventListener('abort', onAbort);
  const checkStopped = () => {
    if (stopped) throw new QueryStopped(stopped, restarted);
  };
  const began = performance.now();
  try {
    conn = await ask(db.connectInternal());
    await ask(db.runQuery(conn, 'BEGIN TRANSACTION'));
    const statement = await ask(db.createPrepared(conn, sql)).catch((error) => {
      throw /multiple statements/i.test(message(error)) ? new MultipleStatements(error) : error;
    });
    await ask(db.closePrepared(conn, statement));
    checkStopped();
    running = true;
    let header = await ask(db.startPendingQuery(conn, sql, true));
    while (!header) {
      checkStopped();
      if (options.between) {
        const from = performance.now();
        await options.between();
        const gaveWay = performance.now() - from;
        waited += gaveWay;
        waitedInAll += gaveWay;
        checkStopped();
      }
      header = await ask(db.pollPendingQuery(conn));
    }
    const schema: Schema = tableFromIPC(header).schema;
    const values = schema.fields.map(cellValue);
    const result: ReadOnlyResult = { names: schema.fields.map((f) => f.name), rows: [], truncated: null, bytes: 0, ms: 0, waitedMs: 0 };
    for (;;) {
      checkStopped();
      const chunk = await ask(db.fetchQueryResults(conn));
      checkStopped(); // a chunk that took past the deadline is not shown
      if (chunk === null) continue; // not ready yet: ask again (the worker answers others in between)
      if (chunk.byteLength === 0) break;
      const room = options.maxBytes - result.bytes;
      const over = chunk.byteLength > room;
      // Past the byte cap, only as many of the chunk's rows as fit at its mean row size (none of one enormous value).
      const rowsInChunk = () => tableFromIPC([header, chunk]).numRows;
      const take = over ? Math.floor((room * rowsInChunk()) / chunk.byteLength) : Infinity;
      if (take > 0) {
        const batch = tableFromIPC([header, chunk]);
        const columns = schema.fields.map((_, j) => batch.getChildAt(j));
        const n = Math.min(batch.numRows, take);
        for (let i = 0; i < n && result.rows.length <= options.maxRows; i++) {
          result.rows.push(columns.map((c, j) => values[j](c?.get(i))));
        }
        result.bytes += over ? Math.round((chunk.byteLength * n) / batch.numRows) : chunk.byteLength;
      }
      if (over) {
        result.truncated = 'bytes';
        break;
      }
      if (result.rows.length > options.maxRows) {
        result.rows.length = options.maxRows;
        result.truncated = 'rows';
        break;
      }
    }
    result.ms = Math.max(0, performance.now() - began - waitedInAll);
    result.waitedMs = waitedInAll;
    return result;
  } catch (error) {
    if (stopped) throw new QueryStopped(stopped, restarted);
    throw error;
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onAbort);
    try {
      if (conn >= 0 && !restarted) await close(session, conn);
    } finally {
      clearTimeout(grace);
    }
  }
}

/** A statement changed an engine-wide setting in spite of the lock; the engine was given up for a fresh one. */
export class SettingChanged extends Error {
  readonly settings: string;
  constructor(settings: string) {
    super(`the statement changed an engine-wide setting in spite of the lock (${settings})`);
    this.name = 'SettingChanged';
    this.settings = settings;
  }
}

/** Undo whatever the statement did, check that no engine-wide setting moved (else give the engine up), and close its connection. */
async function close(session: ReadOnlySession, conn: number): Promise<void> {
  const { bindings: db, ask } = session;
  await ask(db.cancelPendingQuery(conn)).catch(() => false);
  await ask(db.runQuery(conn, 'ROLLBACK')).catch(() => {}); // fails only if the statement itself ended the transaction (it was then empty)
  let settings: string;
  try {
    settings = tableFromIPC(await ask(db.runQuery(conn, GLOBAL_SETTINGS_SQL))).getChildAt(0)?.get(0) as string;
  } catch {
    return; // the worker is gone, and its connections with it
  }
  if (settings !== session.lockedSettings) {
    const which = changed(session.lockedSettings, settings);
    session.abandon(`a statement changed an engine-wide setting in spite of the lock (${which})`);
    throw new SettingChanged(which);
  }
  await ask(db.disconnect(conn)).catch(() => {});
}

/** The settings that differ between two GLOBAL_SETTINGS_SQL values. */
export function changed(before: string, after: string): string {
  const parse = (s: string) => new Map(s.split(';').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const a = parse(before);
  const b = parse(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).join(', ');
}

/**
 * How a column's values are shown: as plain values, and DECIMAL and HUGEINT (Arrow decimals,
 * which arrive as their unscaled digits) as numbers when exact, else as their exact digits.
 */
function cellValue(field: Field): (v: unknown) => unknown {
  if (!DataType.isDecimal(field.type)) return plainValue;
  const scale = field.type.scale;
  return (v) => {
    if (v === null || v === undefined) return v;
    const digits = String(v);
    const unscaled = BigInt(digits);
    if (unscaled <= BigInt(Number.MAX_SAFE_INTEGER) && unscaled >= -BigInt(Number.MAX_SAFE_INTEGER)) return Number(digits) / 10 ** scale;
    if (scale === 0) return digits;
    const sign = digits.startsWith('-') ? '-' : '';
    const abs = digits.replace('-', '').padStart(scale + 1, '0');
    return `${sign}${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
  };
}
