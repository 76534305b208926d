/**
 * A DuckDB-WASM result (an Arrow table) as a Frame: typed arrays where the column has no nulls,
 * plain values (BigInt made a number when exact) otherwise. One implementation, for the page's
 * engine and for the lab's worker, which decodes query results it receives as Arrow IPC bytes.
 */
import { DataType, tableFromIPC, type Table, type Vector } from 'apache-arrow';
import { plainValue, type Frame } from '../data/frame.ts';

export function arrowFrame(table: Table): Frame {
  const names = table.schema.fields.map((f) => f.name);
  const columns: Frame['columns'] = {};
  for (const n of names) {
    const vector = table.getChild(n)!;
    const text = utf8Column(vector);
    if (text) {
      columns[n] = text;
      continue;
    }
    const values = vector.toArray() as ArrayLike<unknown>;
    const plain = values instanceof Float64Array || values instanceof Int32Array ? values : values instanceof BigInt64Array ? safeNumbers(values) : Array.from(values, plainValue);
    // Typed arrays carry no nulls; rebuild the column where any value is null.
    columns[n] = vector.nullCount > 0 ? Array.from({ length: table.numRows }, (_, i) => plainValue(vector.get(i))) : plain;
  }
  return { names, columns, length: table.numRows };
}

const decoder = new TextDecoder();

/**
 * A text column without nulls, decoded a batch at a time: where a batch's bytes are all ASCII (ids,
 * handles, slugs), one decode of the whole buffer cut at the offsets (which then count characters
 * too) instead of one decode per value, which took seconds for a million rows; other batches value
 * by value, as Arrow does. Null for any other column.
 */
function utf8Column(vector: Vector): string[] | null {
  if (!DataType.isUtf8(vector.type) || vector.nullCount > 0) return null;
  const out = new Array<string>(vector.length);
  let k = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    const at = (i: number) => offsets[data.offset + i];
    const first = at(0);
    const all = bytes.subarray(first, at(data.length));
    let ascii = true;
    for (let i = 0; i < all.length && ascii; i++) ascii = all[i] < 0x80;
    if (ascii) {
      const whole = decoder.decode(all);
      for (let i = 0; i < data.length; i++) out[k++] = whole.slice(at(i) - first, at(i + 1) - first);
    } else for (let i = 0; i < data.length; i++) out[k++] = decoder.decode(bytes.subarray(at(i), at(i + 1)));
  }
  return out;
}

/**
 * 64-bit integers as a Float64Array when every one is exact as a number (ids, counts); else as plain
 * values (text past 2^53). Read as pairs of 32-bit words (Arrow's little-endian layout), so no BigInt
 * is made per value: a million ids took a few hundred milliseconds that way.
 */
function safeNumbers(values: BigInt64Array): Float64Array | unknown[] {
  const out = new Float64Array(values.length);
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const n = words[2 * i + 1] * 4294967296 + (words[2 * i] >>> 0);
    if (!Number.isSafeInteger(n)) return Array.from(values, plainValue);
    out[i] = n;
  }
  return out;
}

/** Arrow IPC bytes (file or stream format, as DuckDB-WASM returns them) as a Frame. */
export const ipcFrame = (ipc: Uint8Array): Frame => arrowFrame(tableFromIPC(ipc));
