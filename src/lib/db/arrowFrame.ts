/**
 * A DuckDB-WASM result (an Arrow table) as a Frame: typed arrays where the column has no nulls,
 * plain values (BigInt made a number when exact) otherwise. One implementation, for the page's
 * engine and for the lab's worker, which decodes query results it receives as Arrow IPC bytes.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { plainValue, type Frame } from '../data/frame.ts';

export function arrowFrame(table: Table): Frame {
  const names = table.schema.fields.map((f) => f.name);
  const columns: Frame['columns'] = {};
  for (const n of names) {
    const vector = table.getChild(n)!;
    const values = vector.toArray() as ArrayLike<unknown>;
    const plain = values instanceof Float64Array || values instanceof Int32Array ? values : values instanceof BigInt64Array ? safeNumbers(values) : Array.from(values, plainValue);
    // Typed arrays carry no nulls; rebuild the column where any value is null.
    columns[n] = vector.nullCount > 0 ? Array.from({ length: table.numRows }, (_, i) => plainValue(vector.get(i))) : plain;
  }
  return { names, columns, length: table.numRows };
}

/** 64-bit integers as a Float64Array when every one is exact as a number (ids, counts); else as plain values (text past 2^53). */
function safeNumbers(values: BigInt64Array): Float64Array | unknown[] {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const n = Number(values[i]);
    if (!Number.isSafeInteger(n)) return Array.from(values, plainValue);
    out[i] = n;
  }
  return out;
}

/** Arrow IPC bytes (file or stream format, as DuckDB-WASM returns them) as a Frame. */
export const ipcFrame = (ipc: Uint8Array): Frame => arrowFrame(tableFromIPC(ipc));
