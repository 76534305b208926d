import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { openWasmDb } from './wasmEngine.ts';
import { concatIpc, runPending, type PendingBindings } from '../../src/lib/db/pending.ts';
import type { Param } from '../../src/sql/bind.ts';

/**
 * Your data's Cancel during the SQL passes (pending.ts) on DuckDB-WASM itself (the Node build of
 * the engine the browser runs): a statement with parameters gives what the prepared statement
 * gives, and a statement far too long to wait for stops soon after the signal aborts, leaving the
 * connection usable and, in a transaction rolled back, the tables as they were.
 */
type Blocking = Awaited<ReturnType<typeof openWasmDb>>;
let wasm: Blocking;
let db: PendingBindings & { connect(): { _conn: number } };

/** The blocking bindings as the async ones the browser has; every answer comes after a macrotask, as a worker's would. */
function asyncBindings(raw: Blocking['db']): PendingBindings & { connect(): { _conn: number } } {
  const later = <T>(f: () => T) => new Promise<T>((resolve, reject) => setImmediate(() => { try { resolve(f()); } catch (e) { reject(e); } }));
  return {
    connect: () => raw.connect(),
    runQuery: (c, sql) => later(() => raw.runQuery(c, sql)),
    startPendingQuery: (c, sql, stream) => later(() => raw.startPendingQuery(c, sql, stream)),
    pollPendingQuery: (c) => later(() => raw.pollPendingQuery(c)),
    cancelPendingQuery: (c) => later(() => raw.cancelPendingQuery(c)),
    fetchQueryResults: (c) => later(() => raw.fetchQueryResults(c)),
  };
}

const ask = <T>(p: Promise<T>) => p;
const rowsOf = (parts: Uint8Array[]) => tableFromIPC(concatIpc(parts)).toArray().map((r) => r.toJSON());
/** Far too long to wait for: 10^10 rows hashed (minutes in the engine). */
const ENDLESS = 'SELECT sum(hash(a.range * 100003 + b.range)) AS h FROM range(100000) a, range(100000) b';

beforeAll(async () => {
  wasm = await openWasmDb();
  db = asyncBindings(wasm.db);
});

describe('a statement that can be stopped while it runs', () => {
  it('binds its values as the prepared statement does: same types and values', async () => {
    const sql = 'SELECT typeof(?) AS ta, typeof(?) AS tb, typeof(?) AS tc, typeof(?) AS td, ? / 4 AS a, ? * 2 AS b, ? AS c, ? AS d, ? IS NULL AS e';
    const values: Param[] = [7, 0.25, "it's ; a text", true, 7, 0.25, "it's ; a text", false, null];
    const prepared = wasm.conn.prepare(sql);
    const expected = prepared.query(...values).toArray().map((r: { toJSON(): unknown }) => r.toJSON());
    prepared.close();
    const conn = db.connect()._conn;
    const got = rowsOf(await runPending(db, conn, sql, values, new AbortController().signal, ask));
    expect(got).toEqual(expected);
    expect(got[0]).toMatchObject({ ta: 'DOUBLE', tb: 'DOUBLE', tc: 'VARCHAR', td: 'BOOLEAN', c: "it's ; a text" });
    // The statement's name is free again: the same statement runs a second time on the connection.
    expect(rowsOf(await runPending(db, conn, sql, values, new AbortController().signal, ask))).toEqual(expected);
  });

  it('a result of many chunks comes back whole', async () => {
    const conn = db.connect()._conn;
    const rows = rowsOf(await runPending(db, conn, 'SELECT range::INTEGER AS i FROM range(20000) WHERE range < ? ORDER BY i', [10_000], new AbortController().signal, ask));
    expect(rows.length).toBe(10_000);
    expect(rows[9_999]).toEqual({ i: 9_999 });
  });

  it('stops soon after the signal aborts, with its reason; the connection then answers', async () => {
    const conn = db.connect()._conn;
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 300);
    await expect(runPending(db, conn, ENDLESS, [], controller.signal, ask)).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(rowsOf(await runPending(db, conn, 'SELECT 41 + ? AS x', [1], new AbortController().signal, ask))).toEqual([{ x: 42 }]);
  });

  it('stopped inside a transaction and rolled back, the tables are as they were', async () => {
    const conn = db.connect()._conn;
    await db.runQuery(conn, 'CREATE OR REPLACE TABLE pending_kept AS SELECT 1 AS v');
    await db.runQuery(conn, 'BEGIN TRANSACTION');
    await db.runQuery(conn, 'DROP TABLE pending_kept');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('stop', 'AbortError')), 300);
    await expect(runPending(db, conn, `CREATE TABLE pending_kept AS ${ENDLESS} WHERE a.range > ?`, [-1], controller.signal, ask)).rejects.toMatchObject({ name: 'AbortError', message: 'stop' });
    await db.runQuery(conn, 'ROLLBACK');
    expect(rowsOf([await db.runQuery(conn, 'SELECT v FROM pending_kept')])).toEqual([{ v: 1 }]);
  });
});

describe('a CREATE … AS with values (which PREPARE does not take)', () => {
  it('gets them inlined outside quotes and comments, as the prepared statement would bind them', async () => {
    const conn = db.connect()._conn;
    const sql = "CREATE OR REPLACE TABLE pending_made AS SELECT ? AS n, ? AS x, ? AS t, '?' AS q, ? AS b -- a ? here\n/* and ? here */, typeof(?) AS tx";
    await runPending(db, conn, sql, [3, 1.5, "o'k", true, 2.5], new AbortController().signal, ask);
    expect(rowsOf([await db.runQuery(conn, 'SELECT * FROM pending_made')])).toEqual([{ n: 3, x: 1.5, t: "o'k", q: '?', b: true, tx: 'DOUBLE' }]);
    const prepared = wasm.conn.prepare('SELECT typeof(?) AS n');
    expect(prepared.query(3).toArray()[0].toJSON()).toEqual({ n: 'DOUBLE' }); // as the prepared statement binds a whole number
    prepared.close();
  });
});
