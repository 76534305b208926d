/**
 * The seam between the parsing worker and the page's engine: the Arrow IPC bytes the worker makes
 * of byod_rows go into DuckDB-WASM itself (insertArrowFromIPCStream, as the page hands them over),
 * and the shipped per-account SQL on them gives what the fixture's true values give.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWasmDb } from './wasmEngine.ts';
import { ParsedFile } from '../../src/lib/byod/parsed.ts';
import { emptyMapping, type Mapping } from '../../src/lib/byod/mapping.ts';
import { CONVENTIONS, perAccount } from '../fixtures/byod/conventions.ts';

const SQL = readFileSync(new URL('../../src/sql/byod/per_account.sql', import.meta.url), 'utf8');
const c = CONVENTIONS.find((x) => x.perPost)!;

let wasm: Awaited<ReturnType<typeof openWasmDb>>;
beforeAll(async () => {
  wasm = await openWasmDb();
});
afterAll(() => wasm.conn.close());

describe('byod_rows from the worker, in DuckDB-WASM', () => {
  it('loads as the table byod_rows, and per_account.sql sums it per account as the true values say', async () => {
    const f = await ParsedFile.load(new File([readFileSync(new URL(`../fixtures/byod/${c.file}`, import.meta.url))], c.file));
    const mapping = Object.fromEntries(Object.entries({ ...emptyMapping(), ...c.mapping }).map(([k, v]) => [k, v || null])) as Mapping;
    const { ipc } = f.choose(mapping, {}, { ipc: true });
    wasm.conn.insertArrowFromIPCStream(ipc!, { name: 'byod_rows', create: true });
    const types = wasm.conn.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'byod_rows' ORDER BY ordinal_position").toArray().map((r: { column_name: string; data_type: string }) => `${r.column_name} ${r.data_type}`);
    expect(types).toEqual(['row INTEGER', 'handle VARCHAR', 'reach DOUBLE', 'engagement DOUBLE', 'cost DOUBLE', 'conversions DOUBLE', 'revenue DOUBLE', 'topics VARCHAR[]']);
    const rows: Record<string, any>[] = wasm.conn.query(SQL).toArray().map((r: Record<string, unknown>) => ({ ...r }));
    rows.sort((a, b) => (a.handle < b.handle ? -1 : 1));
    const truth = perAccount(c.truth);
    const want = truth.handle.map((h, g) => ({ handle: h, reach: truth.reach[g], engagement: truth.engagement![g], cost: truth.cost![g], conversions: truth.conversions[g], revenue: truth.revenue![g], source_rows: c.truth.handle.filter((x) => x === h).length }));
    want.sort((a, b) => (a.handle < b.handle ? -1 : 1));
    expect(rows.length).toBe(want.length);
    rows.forEach((r, k) => {
      expect(r.handle).toBe(want[k].handle);
      for (const col of ['reach', 'engagement', 'cost', 'conversions', 'revenue', 'source_rows'] as const) expect(r[col], `${col} of ${r.handle}`).toBeCloseTo(want[k][col], 9);
    });
    wasm.conn.query('DROP TABLE byod_rows');
  });
});
