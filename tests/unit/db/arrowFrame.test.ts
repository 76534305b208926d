import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { arrowFrame } from '../../../src/lib/db/arrowFrame.ts';

describe('arrowFrame(table)', () => {
  it('gives 64-bit integers as numbers in a Float64Array when all are exact', () => {
    const frame = arrowFrame(tableFromIPC(tableToIPC(tableFromArrays({ id: BigInt64Array.from([1n, 42n, -7n, 2n ** 53n - 1n]) }))));
    expect(frame.columns.id).toBeInstanceOf(Float64Array);
    expect(Array.from(frame.columns.id)).toEqual([1, 42, -7, 2 ** 53 - 1]);
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
