import { describe, expect, it } from 'vitest';
import { Table, Utf8, tableFromArrays, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { arrowFrame } from '../../../src/lib/db/arrowFrame.ts';

describe('arrowFrame(table)', () => {
  it('gives 64-bit integers as numbers in a Float64Array when all are exact', () => {
    const frame = arrowFrame(tableFromIPC(tableToIPC(tableFromArrays({ id: BigInt64Array.from([1n, 42n, -7n, 2n ** 53n - 1n]) }))));
    expect(frame.columns.id).toBeInstanceOf(Float64Array);
    expect(Array.from(frame.columns.id)).toEqual([1, 42, -7, 2 ** 53 - 1]);
  });

  it('reads every 64-bit integer exactly, negative ones and the ends of the safe range included', () => {
    const ids = [0n, -1n, 4294967295n, 4294967296n, -4294967296n, -4294967297n, 2n ** 53n - 1n, -(2n ** 53n - 1n), 123456789012345n];
    const frame = arrowFrame(tableFromIPC(tableToIPC(tableFromArrays({ id: BigInt64Array.from(ids) }))));
    expect(frame.columns.id).toBeInstanceOf(Float64Array);
    expect(Array.from(frame.columns.id)).toEqual(ids.map(Number));
    // One past either end of the safe range: the column keeps exact text instead.
    expect(arrowFrame(tableFromIPC(tableToIPC(tableFromArrays({ id: BigInt64Array.from([1n, -(2n ** 53n)]) })))).columns.id).toEqual([1, '-9007199254740992']);
  });

  it('keeps 64-bit ids past 2^53 exact, as text (a Klout topic id)', () => {
    const frame = arrowFrame(tableFromIPC(tableToIPC(tableFromArrays({ id: BigInt64Array.from([5n, 9_223_372_036_854_775_807n, 2n ** 53n]) }))));
    expect(frame.columns.id).toEqual([5, '9223372036854775807', '9007199254740992']);
  });

  it('passes doubles through and names every column', () => {
    const frame = arrowFrame(tableFromIPC(tableToIPC(tableFromArrays({ x: Float64Array.from([0.5, 2]), y: Int32Array.from([3, 4]) }))));
    expect(frame.names).toEqual(['x', 'y']);
    expect(frame.length).toBe(2);
    expect(Array.from(frame.columns.x)).toEqual([0.5, 2]);
  });
});

describe('arrowFrame(table): text columns', () => {
  const roundTrip = (columns: Record<string, unknown[]>) => arrowFrame(tableFromIPC(tableToIPC(tableFromJSON(columns))));
  const tableFromJSON = (columns: Record<string, unknown[]>) => new Table(Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, vectorFromArray(v, new Utf8())])));

  it('decodes ASCII, non-ASCII, empty and repeated values exactly, each where it was', () => {
    const values = ['alice_01', '', 'bob', 'bob', 'x'.repeat(40), 'zoë', '名前', '🙂 ok', 'tab\there', 'alice_01'];
    expect(roundTrip({ handle: values }).columns.handle).toEqual(values);
    const ascii = Array.from({ length: 3000 }, (_, i) => `h${(i * 7919) % 1000}`);
    expect(roundTrip({ handle: ascii }).columns.handle).toEqual(ascii);
  });

  it('keeps nulls, and reads every batch of a table of several', () => {
    expect(roundTrip({ s: ['a', null, 'c'] }).columns.s).toEqual(['a', null, 'c']);
    const batches = [['one', 'two'], ['drei', 'vier', 'fünf'], ['six']];
    const table = new Table(batches.map((b) => new Table({ s: vectorFromArray(b, new Utf8()) }).batches[0]));
    expect(table.batches.length).toBe(3);
    expect(arrowFrame(tableFromIPC(tableToIPC(table))).columns.s).toEqual(batches.flat());
  });
});
