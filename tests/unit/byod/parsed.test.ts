/**
 * What the parsing worker runs (parsed.ts, toArrow.ts), in Node: a file loaded as the worker loads
 * it, the summary the mapping step gets, a choice of columns answered with the decisions, the typed
 * columns and byod_rows as Arrow IPC, checked against the fixtures' true values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { ParsedFile } from '../../../src/lib/byod/parsed.ts';
import { emptyMapping, type Mapping } from '../../../src/lib/byod/mapping.ts';
import { CONVENTIONS } from '../../fixtures/byod/conventions.ts';

const fixture = (name: string) => new File([readFileSync(new URL(`../../fixtures/byod/${name}`, import.meta.url))], name, { type: 'text/csv' });
const mappingOf = (m: Record<string, string>): Mapping => Object.fromEntries(Object.entries({ ...emptyMapping(), ...m }).map(([k, v]) => [k, v || null])) as Mapping;

describe('ParsedFile: a file held where it was parsed', () => {
  const c = CONVENTIONS.find((x) => x.file === 'per-post.csv')!;

  it('summarises the file for the mapping step: names, rows, what was detected, which columns hold numbers, the time spent', async () => {
    const stages: string[] = [];
    const f = await ParsedFile.load(fixture(c.file), { onProgress: (stage) => stages.push(stage) });
    const s = f.summary;
    expect(s.names).toEqual(['Handle', 'Post date', 'Followers', 'Likes', 'Fee', 'Sales', 'Revenue']);
    expect(s.rows).toBe(c.truth.handle.length);
    expect(s.detected).toContain('delimiter: comma');
    expect(s.numeric).toEqual([false, false, true, true, true, true, true]);
    expect(s.fallback).toBe('.');
    expect(s.ms.read).toBeGreaterThanOrEqual(0);
    expect(s.ms.parse).toBeGreaterThanOrEqual(0);
    expect(new Set(stages)).toEqual(new Set(['Reading', 'Parsing']));
  });

  it('answers a choice with the decisions, the typed columns, and byod_rows as Arrow IPC (blank cells and unmapped roles NULL)', async () => {
    const f = await ParsedFile.load(fixture(c.file));
    const mapping = mappingOf({ ...c.mapping, revenue: '' });
    const chosen = f.choose(mapping, {}, { ipc: true });
    expect(Object.keys(chosen.decisions).sort()).toEqual(['Fee', 'Followers', 'Likes', 'Sales']);
    expect(chosen.decisions.Fee).toMatchObject({ mark: '.', by: 'values', ambiguous: false });
    expect(Array.from(chosen.prepared!.reach)).toEqual(c.truth.reach);
    expect(chosen.prepared!.revenue).toBeNull();
    const t = tableFromIPC(chosen.ipc!);
    expect(t.schema.fields.map((x) => `${x.name}:${x.type}`)).toEqual(['row:Int32', 'handle:Utf8', 'reach:Float64', 'engagement:Float64', 'cost:Float64', 'conversions:Float64', 'revenue:Float64', 'topics:List<Utf8>']);
    expect(Array.from(t.getChild('row')!.toArray())).toEqual(c.truth.handle.map((_, i) => i + 1));
    expect(t.numRows).toBe(c.truth.handle.length);
    expect(Array.from(t.getChild('handle')!.toArray(), String)).toEqual(c.truth.handle);
    expect(Array.from({ length: t.numRows }, (_, i) => t.getChild('cost')!.get(i))).toEqual(c.truth.cost);
    expect(t.getChild('revenue')!.nullCount).toBe(t.numRows);
    expect(t.getChild('topics')!.nullCount).toBe(t.numRows);
    // The grain of the handles comes with them, worked out in the worker (the file has one row per post).
    const typed = f.choose(mapping, {});
    expect(chosen.prepared!.handle).toEqual(c.truth.handle);
    const counts = c.truth.handle.reduce((m, h) => m.set(h, (m.get(h) ?? 0) + 1), new Map<string, number>());
    const most = Math.max(...counts.values());
    expect(chosen.grain).toEqual({ rows: c.truth.handle.length, accounts: counts.size, most, mostHandle: [...counts].find(([, n]) => n === most)![0], blank: 0 });
    expect(typed.grain).toEqual(chosen.grain);
    // Without `prepare`, only the decisions.
    const only = f.choose(mapping, {}, { prepare: false });
    expect([Object.keys(only.decisions).length, only.prepared, only.ipc]).toEqual([4, undefined, undefined]);
  });

  it('reads a column with the mark the reader chose, and keeps blank cells as NULL in the IPC', async () => {
    const text = 'handle,followers,conversions,fee\na,"1,200",1,"1,250"\nb,900,,"2,500"\nc,"1,100",3,\n';
    const f = await ParsedFile.load(new File([text], 'amb.csv'));
    const mapping = mappingOf({ handle: 'handle', reach: 'followers', conversions: 'conversions', cost: 'fee' });
    const auto = f.choose(mapping, {});
    expect(auto.decisions.fee).toMatchObject({ ambiguous: true, example: '1,250' });
    expect(Array.from(auto.prepared!.cost!)).toEqual([1250, 2500, NaN]);
    const chosen = f.choose(mapping, { fee: ',' }, { ipc: true });
    expect(Array.from(chosen.prepared!.cost!)).toEqual([1.25, 2.5, NaN]);
    const t = tableFromIPC(chosen.ipc!);
    expect(Array.from({ length: 3 }, (_, i) => t.getChild('conversions')!.get(i))).toEqual([1, null, 3]);
    expect(Array.from({ length: 3 }, (_, i) => t.getChild('cost')!.get(i))).toEqual([1.25, 2.5, null]);
  });

  it('topics go in as the lists of normalised topics, text with non-ASCII characters intact', async () => {
    const text = 'handle,followers,conversions,topics\nzoë,10,1,Yoga; Wellness\nbob,20,2,\nana,30,3,Cuisine française\n';
    const chosen = (await ParsedFile.load(new File([text], 't.csv'))).choose(mappingOf({ handle: 'handle', reach: 'followers', conversions: 'conversions', topics: 'topics' }), {}, { ipc: true });
    const t = tableFromIPC(chosen.ipc!);
    expect(Array.from({ length: 3 }, (_, i) => Array.from(t.getChild('topics')!.get(i)))).toEqual([['yoga', 'wellness'], [], ['cuisine-française']]);
    expect(Array.from({ length: 3 }, (_, i) => t.getChild('handle')!.get(i))).toEqual(['zoë', 'bob', 'ana']);
  });

  it('a bad column is the ByodError naming file, row and column', async () => {
    const f = await ParsedFile.load(fixture(c.file));
    expect(() => f.choose(mappingOf({ reach: 'Handle', conversions: 'Sales' }), {})).toThrow(/"per-post.csv", row 2, column "Handle": "account_1" is not a number/);
  });
});
