/**
 * The two-file join (src/sql/byod/join.sql) in DuckDB: on the sales report and the roster read as
 * the page reads them (each file's side of the join from the parsing worker's code), and on a small
 * hand-worked case (repeated keys, blank keys, case and spaces); in DuckDB on Node and in
 * DuckDB-WASM with the sides handed over as Arrow IPC. Its rows are held to the fixtures' true values
 * and counts, and to join.ts (the same join in TypeScript, kept as this test's oracle: the page
 * runs the SQL); so are the counts the page shows (join_counts.sql) and the rows it analyses
 * (joined_rows.sql).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { fixtureEngine } from './engine.ts';
import { openWasmDb } from './wasmEngine.ts';
import { ParsedFile } from '../../src/lib/byod/parsed.ts';
import { emptyMapping, type Mapping } from '../../src/lib/byod/mapping.ts';
import { joinCounts, joinedPrepared, joinSides, type Joined } from '../../src/lib/byod/join.ts';
import { preparedTable } from '../../src/lib/byod/toArrow.ts';
import type { Prepared, PreparedSide } from '../../src/lib/byod/prepare.ts';
import { JOINED, ROSTER, SALES } from '../fixtures/byod/join.ts';

const SQL = readFileSync(new URL('../../src/sql/byod/join.sql', import.meta.url), 'utf8');
const COUNTS_SQL = readFileSync(new URL('../../src/sql/byod/join_counts.sql', import.meta.url), 'utf8');
const ROWS_SQL = readFileSync(new URL('../../src/sql/byod/joined_rows.sql', import.meta.url), 'utf8');
const ROLES = ['handle', 'reach', 'engagement', 'cost', 'conversions', 'revenue', 'topics'] as const;

const mappingOf = (m: Partial<Record<string, string>>): Mapping => ({ ...emptyMapping(), ...m }) as Mapping;
const file = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

/** The sides of the fixtures' join, as the page asks the two workers for them. */
async function fixtureSides(): Promise<[PreparedSide, PreparedSide]> {
  const sales = await ParsedFile.load(file(SALES.file, SALES.text));
  const roster = await ParsedFile.load(file(ROSTER.file, ROSTER.text));
  const a = sales.choose(mappingOf({ conversions: 'Orders', revenue: 'Total sales' }), {}, { key: 'Discount code' }).side!;
  const b = roster.choose(mappingOf({ handle: 'Creator', reach: 'Followers', cost: 'Fee (USD)', topics: 'Niche' }), {}, { key: 'Discount code' }).side!;
  return [a, b];
}

/** A small side written by hand: keys, and one number column. */
function side(keys: (string | null)[], values: number[], role: 'reach' | 'conversions', handles?: string[]): PreparedSide {
  const empty = { rows: keys.length, handle: handles ?? null, reach: null, engagement: null, cost: null, conversions: null, revenue: null, topics: null, blanks: {} };
  return { ...empty, key: keys.map((k) => k ?? ''), [role]: Float64Array.from(values) };
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlNumber = (v: number) => (Number.isNaN(v) ? 'NULL::DOUBLE' : `${v}::DOUBLE`);
/** A side as a CREATE TABLE statement (byod_rows's columns and the key). */
function createSide(name: string, s: PreparedSide): string {
  const rows = Array.from({ length: s.rows }, (_, i) => {
    const cells = [`${i + 1}::INTEGER`, s.handle ? sqlText(s.handle[i]) : 'NULL::VARCHAR'];
    for (const r of ['reach', 'engagement', 'cost', 'conversions', 'revenue'] as const) cells.push(s[r] ? sqlNumber(s[r]![i]) : 'NULL::DOUBLE');
    cells.push(s.topics ? `[${s.topics[i].map(sqlText).join(', ')}]::VARCHAR[]` : 'NULL::VARCHAR[]', sqlText(s.key![i]));
    return `(${cells.join(', ')})`;
  });
  return `CREATE TABLE ${name} AS SELECT * FROM (VALUES ${rows.join(', ')}) t(row, handle, reach, engagement, cost, conversions, revenue, topics, key)`;
}

/** join.sql's result as join.ts's shape, for a comparison column by column. */
function asJoined(columns: Record<string, unknown[]>): Omit<Joined, 'matched'> {
  const nums = (c: unknown[]) => c.map((v) => (v === null ? NaN : (v as number)));
  return {
    side: columns.side as Joined['side'],
    firstRow: columns.first_row as (number | null)[],
    secondRow: columns.second_row as (number | null)[],
    key: columns.key as string[],
    firstKeyRows: columns.first_key_rows as number[],
    secondKeyRows: columns.second_key_rows as number[],
    columns: {
      handle: columns.handle.every((v) => v === null) ? null : columns.handle.map((v) => (v ?? '') as string),
      reach: columns.reach.every((v) => v === null) ? null : Float64Array.from(nums(columns.reach)),
      engagement: columns.engagement.every((v) => v === null) ? null : Float64Array.from(nums(columns.engagement)),
      cost: columns.cost.every((v) => v === null) ? null : Float64Array.from(nums(columns.cost)),
      conversions: columns.conversions.every((v) => v === null) ? null : Float64Array.from(nums(columns.conversions)),
      revenue: columns.revenue.every((v) => v === null) ? null : Float64Array.from(nums(columns.revenue)),
      topics: columns.topics.every((v) => v === null) ? null : columns.topics.map((v) => (v ?? []) as string[]),
    },
  };
}
const withoutMatched = ({ matched: _, ...rest }: Joined) => rest;
/** The columns the join's rows carry, in join.sql's order, when a side is missing a role (all NULL both ways). */
const COLUMNS = ['side', 'row', 'first_row', 'second_row', 'key', 'first_key_rows', 'second_key_rows', ...ROLES];

describe('join.sql in DuckDB on Node', () => {
  let db: Awaited<ReturnType<typeof fixtureEngine>>;
  afterAll(() => db?.close());
  const run = async () => {
    const f = await db.query(SQL, []);
    return { names: f.names, columns: Object.fromEntries(Object.entries(f.columns).map(([k, v]) => [k, Array.from(v)])) as Record<string, unknown[]> };
  };
  /** join_counts.sql on join.sql's rows kept as byod_join (as the page runs them), in joinCounts's shape. */
  const counts = async () => {
    await db.exec(`CREATE OR REPLACE TABLE byod_join AS ${SQL}`);
    const c = (await db.query(COUNTS_SQL, [])).columns;
    return { matched: c.matched[0], unmatched: [c.unmatched_first[0], c.unmatched_second[0]], example: [c.example_first[0], c.example_second[0]], repeated: [c.repeated_first[0], c.repeated_second[0]] };
  };

  it('joins the sales report to the roster on the discount code: the true rows, and the unmatched rows of each file', async () => {
    const [a, b] = await fixtureSides();
    db = await fixtureEngine([createSide('byod_first', a), createSide('byod_second', b)], { macros: false });
    const r = await run();
    expect(r.names).toEqual(COLUMNS);
    const both = r.columns.side.map((s, k) => (s === 'both' ? k : -1)).filter((k) => k >= 0);
    expect(both.length).toBe(JOINED.matched);
    expect(both.map((k) => r.columns.row[k])).toEqual(both.map((_, i) => i + 1));
    expect(both.map((k) => r.columns.handle[k])).toEqual(JOINED.truth.handle);
    expect(both.map((k) => r.columns.reach[k])).toEqual(JOINED.truth.reach);
    expect(both.map((k) => r.columns.cost[k])).toEqual(JOINED.truth.cost);
    expect(both.map((k) => r.columns.conversions[k])).toEqual(JOINED.truth.conversions);
    expect(both.map((k) => r.columns.revenue[k])).toEqual(JOINED.truth.revenue);
    expect(r.columns.side.filter((s) => s === 'first').length).toBe(JOINED.unmatched[0]);
    expect(r.columns.side.filter((s) => s === 'second').length).toBe(JOINED.unmatched[1]);
    expect(r.columns.key.filter((_, k) => r.columns.side[k] === 'first')).toEqual(['CREATOR29', 'CREATOR30']);
    expect(r.columns.key.filter((_, k) => r.columns.side[k] === 'second')).toEqual(['CREATOR31', 'CREATOR32', 'CREATOR33', '']);
    // "creator7 " in the roster is CREATOR7 in the report.
    expect(r.columns.handle[both[6]]).toBe('Creator 7');
    // join.ts gives the same rows, and the counts the page shows.
    const ts = joinSides(a, b);
    expect(withoutMatched(ts)).toEqual(asJoined(r.columns));
    expect(joinCounts(ts)).toEqual({ matched: 28, unmatched: [2, 4], example: ['CREATOR29', 'CREATOR31'], repeated: [0, 0] });
    // The counts the page shows come from join_counts.sql: the same.
    expect(await counts()).toEqual(joinCounts(ts));
    const p = joinedPrepared(ts, 'joined');
    expect([p.rows, Array.from(p.reach), Array.from(p.conversions)]).toEqual([28, JOINED.truth.reach, JOINED.truth.conversions]);
    // The joined rows the page analyses (joined_rows.sql): the matched rows, in order.
    const j = (await db.query(ROWS_SQL, [])).columns;
    expect([Array.from(j.row), Array.from(j.handle), Array.from(j.reach), Array.from(j.conversions)]).toEqual([JOINED.truth.handle.map((_, i) => i + 1), JOINED.truth.handle, JOINED.truth.reach, JOINED.truth.conversions]);
    db.close();
  });

  it('a hand-worked case: repeated keys repeat rows, blank keys and unmatched keys stay on their side, case and spaces are ignored', async () => {
    // First file: a, A (the same key), b, blank, c. Second file: ' a', b, b (twice), d, blank.
    const a = side(['a', 'A', 'b', '', 'c'], [10, 20, 30, 40, 50], 'conversions', ['h1', 'h2', 'h3', 'h4', 'h5']);
    const b = side([' a', 'b', 'b', 'd', null], [100, 200, 300, 400, 500], 'reach');
    db = await fixtureEngine([createSide('byod_first', a), createSide('byod_second', b)], { macros: false });
    const r = await run();
    const rows = r.columns.side.map((s, k) => [s, r.columns.row[k], r.columns.first_row[k], r.columns.second_row[k], r.columns.key[k], r.columns.first_key_rows[k], r.columns.second_key_rows[k], r.columns.handle[k], r.columns.conversions[k], r.columns.reach[k]]);
    expect(rows).toEqual([
      ['both', 1, 1, 1, 'a', 2, 1, 'h1', 10, 100],
      ['both', 2, 2, 1, 'A', 2, 1, 'h2', 20, 100],
      ['both', 3, 3, 2, 'b', 1, 2, 'h3', 30, 200],
      ['both', 4, 3, 3, 'b', 1, 2, 'h3', 30, 300],
      ['first', null, 4, null, '', 0, 0, 'h4', 40, null],
      ['first', null, 5, null, 'c', 1, 0, 'h5', 50, null],
      ['second', null, null, 4, 'd', 0, 1, null, null, 400],
      ['second', null, null, 5, '', 0, 0, null, null, 500],
    ]);
    const ts = joinSides(a, b);
    expect(withoutMatched(ts)).toEqual({ ...asJoined(r.columns), columns: { ...asJoined(r.columns).columns, handle: ['h1', 'h2', 'h3', 'h3', 'h4', 'h5', '', ''] } });
    expect(joinCounts(ts)).toEqual({ matched: 4, unmatched: [2, 2], example: ['c', 'd'], repeated: [1, 1] });
    expect(await counts()).toEqual(joinCounts(ts));
    expect(() => joinedPrepared(joinSides(a, side(['a'], [1], 'conversions')), 'x.csv + y.csv')).toThrow(/Choose the column of "x.csv \+ y.csv" that holds the reach/);
  });
});

describe('join.sql in DuckDB-WASM, the sides handed over as Arrow IPC', () => {
  let wasm: Awaited<ReturnType<typeof openWasmDb>>;
  beforeAll(async () => {
    wasm = await openWasmDb();
  });
  afterAll(() => wasm.conn.close());

  it('gives the rows DuckDB on Node and join.ts give', async () => {
    const [a, b] = await fixtureSides();
    for (const [name, s] of [['byod_first', a], ['byod_second', b]] as const) {
      const t = preparedTable(s as unknown as Prepared);
      wasm.conn.insertArrowFromIPCStream(tableToIPC(t.assign(new Table({ key: vectorFromArray(s.key!) })), 'stream'), { name, create: true });
    }
    const t = wasm.conn.query(SQL);
    const columns = Object.fromEntries(COLUMNS.map((c) => [c, Array.from({ length: t.numRows }, (_, i) => {
      const v = t.getChild(c)!.get(i);
      return v && typeof v === 'object' && 'toArray' in v ? Array.from(v.toArray() as string[]) : v;
    })]));
    expect(withoutMatched(joinSides(a, b))).toEqual(asJoined(columns));
  });
});
