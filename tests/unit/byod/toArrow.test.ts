import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { preparedTable, preparedToIpc } from '../../../src/lib/byod/toArrow.ts';
import type { Prepared } from '../../../src/lib/byod/prepare.ts';

const p: Prepared = {
  rows: 4,
  handle: ['ana', '', 'bö 🎉', 'ana'],
  reach: Float64Array.from([1200, NaN, 3.5, 1e9]),
  engagement: null,
  cost: Float64Array.from([0, 12.5, NaN, 7]),
  conversions: Float64Array.from([3, 0, 1, NaN]),
  revenue: null,
  topics: [['yoga', 'wellness'], [], ['bikram-yoga'], ['yoga']],
  blanks: {},
};

describe('preparedToIpc: the Arrow IPC stream of byod_rows', () => {
  it('holds every column of the fixed schema, NULL where a cell is blank or the column absent', () => {
    const t = tableFromIPC(preparedToIpc(p));
    expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['row:Int32', 'handle:Utf8', 'reach:Float64', 'engagement:Float64', 'cost:Float64', 'conversions:Float64', 'revenue:Float64', 'topics:List<Utf8>']);
    const rows = t.toArray().map((r) => r.toJSON());
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => r.handle)).toEqual(['ana', '', 'bö 🎉', 'ana']);
    expect(rows.map((r) => r.reach)).toEqual([1200, null, 3.5, 1e9]);
    expect(rows.map((r) => r.cost)).toEqual([0, 12.5, null, 7]);
    expect(rows.map((r) => r.conversions)).toEqual([3, 0, 1, null]);
    expect(rows.map((r) => r.engagement)).toEqual([null, null, null, null]);
    expect(rows.map((r) => r.revenue)).toEqual([null, null, null, null]);
    expect(rows.map((r) => Array.from(r.topics as Iterable<string>))).toEqual([['yoga', 'wellness'], [], ['bikram-yoga'], ['yoga']]);
  });

  it('without a handle or topics column, those columns are all NULL; no rows gives an empty table of the same schema', () => {
    const t = tableFromIPC(preparedToIpc({ ...p, handle: null, topics: null }));
    expect(t.getChild('handle')!.nullCount).toBe(4);
    expect(t.getChild('topics')!.nullCount).toBe(4);
    const empty = preparedTable({ ...p, rows: 0, handle: [], reach: new Float64Array(0), cost: new Float64Array(0), conversions: new Float64Array(0), topics: [] });
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.length).toBe(8);
  });

  it('compiles no code at run time (the site allows no eval): Function is never called', () => {
    const original = globalThis.Function;
    const calls: unknown[] = [];
    globalThis.Function = new Proxy(original, {
      construct(target, args) {
        calls.push(args);
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        calls.push(args);
        return Reflect.apply(target, self, args);
      },
    });
    try {
      preparedToIpc(p);
    } finally {
      globalThis.Function = original;
    }
    expect(calls).toEqual([]);
  });
});
