import { beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openWasmDb } from './wasmEngine.ts';
import { CORPUS, FINGERPRINT_SQL } from '../e2e/sql-cell-corpus.ts';
import { GLOBAL_SETTINGS_SQL, LOCK_SQL } from '../../src/lib/db/lock.ts';
import { MultipleStatements, QueryStopped, SettingChanged, readOnly, type ReadOnlyBindings, type ReadOnlySession } from '../../src/lib/db/readOnly.ts';

/**
 * The SQL cell's runner (readOnly.ts) on DuckDB-WASM itself (the Node build of the engine the
 * browser runs), locked as the page locks it. The browser test (tests/e2e/sql-cell-hostile)
 * runs the same statements through the real cell.
 */
type Blocking = Awaited<ReturnType<typeof openWasmDb>>;
let wasm: Blocking;
let session: ReadOnlySession & { abandoned: string[] };
const scalar = (sql: string) => wasm.conn.query(sql).getChildAt(0)?.get(0);

/** The blocking bindings as the async ones the browser has; every answer comes after a macrotask, as a worker's would. */
function asyncBindings(db: Blocking['db']): ReadOnlyBindings {
  const later = <T>(f: () => T) => new Promise<T>((resolve, reject) => setImmediate(() => { try { resolve(f()); } catch (e) { reject(e); } }));
  return {
    connectInternal: () => later(() => db.connect()._conn as number),
    disconnect: (c) => later(() => db.disconnect(c)),
    runQuery: (c, sql) => later(() => db.runQuery(c, sql)),
    createPrepared: (c, sql) => later(() => db.createPrepared(c, sql)),
    closePrepared: (c, s) => later(() => db.closePrepared(c, s)),
    startPendingQuery: (c, sql, stream) => later(() => db.startPendingQuery(c, sql, stream)),
    pollPendingQuery: (c) => later(() => db.pollPendingQuery(c)),
    cancelPendingQuery: (c) => later(() => db.cancelPendingQuery(c)),
    fetchQueryResults: (c) => later(() => db.fetchQueryResults(c)),
  };
}

const REACH = 'SELECT round(sum(score), 6)::DOUBLE FROM reach_score(1, 0.5, 0.5)';
let reachBefore: number | undefined;
let influencers: number | undefined;

/** A freshly loaded engine, locked as the page locks it, and a session on it (as the page's engine gives readOnly). */
async function fresh() {
  wasm = await openWasmDb();
  reachBefore ??= scalar(REACH);
  influencers ??= Number(scalar('SELECT count(*) FROM influencers'));
  for (const s of LOCK_SQL) wasm.conn.query(s);
  const abandoned: string[] = [];
  session = { bindings: asyncBindings(wasm.db), ask: (p) => p, lockedSettings: scalar(GLOBAL_SETTINGS_SQL), abandon: (r) => abandoned.push(r), abandoned };
  fingerprint ??= fingerprintNow();
}
const fingerprintNow = () => JSON.stringify(wasm.conn.query(FINGERPRINT_SQL).toArray()[0].toJSON());
let fingerprint: string;

beforeAll(fresh);

const options = { maxRows: 1000, maxBytes: 4 << 20, timeoutMs: 20_000 };
const run = (sql: string, more: Partial<typeof options> & { signal?: AbortSignal } = {}) => readOnly(session, sql, { ...options, ...more });
const intact = () => {
  expect(Number(scalar('SELECT count(*) FROM influencers'))).toBe(influencers);
  expect(scalar(REACH)).toBe(reachBefore);
  expect(session.abandoned).toEqual([]);
};

describe('readOnly on the locked engine', () => {
  it('runs a query over the tables and macros', async () => {
    const r = await run('SELECT count(*)::INTEGER AS n, round(sum(score), 6)::DOUBLE AS s FROM reach_score(1, 0.5, 0.5)');
    expect(r.names).toEqual(['n', 's']);
    expect(r.rows).toEqual([[influencers, reachBefore]]);
    expect(r.truncated).toBeNull();
  });

  it.each([
    'DROP TABLE influencers',
    'DELETE FROM influencers',
    'CREATE OR REPLACE MACRO reach_score(a, b, c, boost_id := -1, boost := 0) AS TABLE SELECT 1 AS influencer_id, 1 AS raw, 1.0 AS score',
    'DROP MACRO TABLE reach_score',
    'ALTER TABLE influencers RENAME TO gone',
    'CREATE OR REPLACE TABLE influencers AS SELECT 1 AS x',
    'EXPLAIN ANALYZE DROP TABLE influencers',
    'TRUNCATE influencers',
  ])('%s runs inside a transaction that is rolled back', async (sql) => {
    await run(sql);
    intact();
  });

  it('refuses a second statement before anything runs', async () => {
    await expect(run('SELECT 1; DROP TABLE influencers')).rejects.toBeInstanceOf(MultipleStatements);
    await expect(run("SELECT 1 /* /* */ ' */; DROP TABLE influencers; --'")).rejects.toBeInstanceOf(MultipleStatements);
    intact();
  });

  it.each([
    ["SELECT * FROM read_csv('data/manifest.json')", /Permission Error/],
    ["SELECT * FROM read_text('data/manifest.json')", /Permission Error/],
    ["SELECT * FROM 'data/x.csv'", /Permission Error/],
    ['SELECT * FROM "data/x.csv"', /Permission Error/],
    ["COPY influencers TO 'x.csv'", /Permission Error/],
    ["EXPORT DATABASE 'x'", /Permission Error/],
    ["ATTACH 'x.duckdb' AS x", /Permission Error/],
    ['LOAD json', /Permission Error|disabled/],
    ["SET memory_limit = '4GB'", /configuration has been locked/],
    ['SET enable_external_access = true', /configuration has been locked/],
    ['RESET lock_configuration', /configuration has been locked/],
  ])('the lock refuses %s', async (sql, error) => {
    await expect(run(sql)).rejects.toThrow(error);
    intact();
  });

  it('the locked engine refuses a URL read, which the same engine unlocked makes', async () => {
    let requests = 0;
    const server = createServer((_, res) => {
      requests++;
      res.end('a,b\n1,2\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x.csv`;
    try {
      await expect(run(`SELECT * FROM read_csv('${url}')`)).rejects.toThrow(/Permission Error/);
      expect(requests).toBe(0);
      // Unlocked, the same engine goes for the URL (this Node build has no HTTP client, so it fails there; the browser's reads it).
      const open = await openWasmDb();
      expect(() => open.conn.query(`SELECT * FROM read_csv('${url}')`)).toThrow(/^(?![\s\S]*Permission Error)/);
    } finally {
      server.close();
    }
  });

  it('gives DECIMAL and HUGEINT values as numbers where exact, else as their exact digits', async () => {
    const r = await run('SELECT sum(x) AS s, 1.234::DECIMAL(18,3) AS d, (-5)::HUGEINT AS h, 170141183460469231731687303715884105727::HUGEINT AS big, (-1.5)::DECIMAL(38,10) AS neg, -123456789012345678901.25::DECIMAL(38,2) AS long, NULL::DECIMAL(9,2) AS none FROM (VALUES (2), (3)) t(x)');
    expect(r.rows).toEqual([[5, 1.234, -5, '170141183460469231731687303715884105727', -1.5, '-123456789012345678901.25', null]]);
  });

  it('caps the rows, and says so', async () => {
    const r = await run('SELECT range AS i FROM range(5000)');
    expect(r.rows.length).toBe(1000);
    expect(r.rows[999]).toEqual([999]);
    expect(r.truncated).toBe('rows');
  });

  it('caps the bytes chunk by chunk: one enormous value is never decoded', async () => {
    const r = await run("SELECT repeat('x', 20000000) AS s", { maxBytes: 1 << 20 });
    expect(r).toEqual({ names: ['s'], rows: [], truncated: 'bytes', bytes: 0, ms: expect.any(Number), waitedMs: 0 });
    expect(r.ms).toBeGreaterThan(0);
    const some = await run("SELECT repeat('x', 1000) AS s FROM range(10000)", { maxBytes: 1 << 20, maxRows: 100_000 });
    expect(some.truncated).toBe('bytes');
    expect(some.bytes).toBeLessThanOrEqual(1 << 20);
    expect(some.rows.length).toBeGreaterThan(0);
    expect(some.rows.length).toBeLessThan(1100);
  });

  it('stops a query at its deadline and when cancelled', async () => {
    const long = 'SELECT count(*) FROM range(100000000000) a';
    await expect(run(long, { timeoutMs: 300 })).rejects.toSatisfy((e) => e instanceof QueryStopped && e.why === 'timeout' && !e.restarted);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    await expect(run(long, { signal: controller.signal })).rejects.toSatisfy((e) => e instanceof QueryStopped && e.why === 'cancelled' && !e.restarted);
    expect((await run('SELECT 42 AS x')).rows).toEqual([[42]]);
    intact();
  });

  it('a function that changes a setting in spite of the lock gets the engine given up', async () => {
    await expect(run('SELECT * FROM enable_logging()')).rejects.toBeInstanceOf(SettingChanged);
    expect(session.abandoned).toEqual([expect.stringMatching(/changed an engine-wide setting.*enable_logging/)]);
  });

  it('the hostile corpus, without the guard: each statement refused by the engine or rolled back, and nothing changed', async () => {
    await fresh();
    const outcomes: Record<string, string[]> = { ran: [], refused: [], 'engine given up': [] };
    for (const sql of CORPUS) {
      const outcome = await run(sql).then(
        () => 'ran',
        (e) => (e instanceof SettingChanged ? 'engine given up' : 'refused'),
      );
      outcomes[outcome].push(sql);
      if (outcome === 'engine given up') {
        expect(session.abandoned, sql).toHaveLength(1);
        await fresh(); // what the page does: a fresh engine
      }
      expect(session.abandoned, sql).toEqual([]);
      expect(fingerprintNow(), sql).toBe(fingerprint);
    }
    if (process.env.SHOW_OUTCOMES) console.log(JSON.stringify(outcomes, null, 1));
    // What the engine does by itself (the guard refuses all of these earlier in the page).
    expect(outcomes['engine given up'].sort()).toEqual(['CALL enable_logging()', 'SELECT * FROM enable_logging()'].sort());
    expect(outcomes.ran).toContain('DROP TABLE influencers');
    expect(outcomes.ran).toContain(CORPUS.find((s) => s.startsWith('CREATE OR REPLACE MACRO reach_score')));
    expect(outcomes.refused).toContain("SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')");
  }, 120_000);
});
