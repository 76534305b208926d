/**
 * A user's mapped rows as the table byod_rows in Arrow IPC stream bytes, as the page's DuckDB
 * engine takes them (insertArrowFromIPCStream): handle and topics as text, the numeric roles as
 * DOUBLE, a blank cell NULL, and a role the file has no column for a column of NULLs, so every
 * query sees the same columns. Built with makeData (apache-arrow's builders compile code with
 * eval, which the site's CSP forbids). Pure: runs in the parsing worker and in Node tests alike.
 */
import { Dictionary, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type Data, type DataType } from 'apache-arrow';
import type { Prepared } from './prepare.ts';

/** The columns of byod_rows, in order. */
export const BYOD_COLUMNS = ['handle', 'reach', 'engagement', 'cost', 'conversions', 'revenue', 'topics'] as const;
const NUMERIC = ['reach', 'engagement', 'cost', 'conversions', 'revenue'] as const;

const encoder = new TextEncoder();

/** A validity bitmap (1 = a value) from a predicate, and how many rows are null. */
function validity(n: number, valid: (i: number) => boolean): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (valid(i)) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return { bitmap, nulls };
}

/** DOUBLE with NaN (a blank cell) as NULL; all NULL without a column. */
function doubles(values: Float64Array | null, n: number): Data<DataType> {
  const data = values ?? new Float64Array(n);
  const { bitmap, nulls } = values ? validity(n, (i) => !Number.isNaN(values[i])) : { bitmap: new Uint8Array(Math.ceil(n / 8)), nulls: n };
  return makeData({ type: new Float64(), length: n, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, data });
}

/**
 * UTF-8, NULL where a value is null: all strings joined and encoded at once (when the text is ASCII,
 * as handles and codes mostly are, a string's bytes are its characters), else one by one.
 */
function utf8(values: (string | null)[]): Data<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const joined = values.join(''); // null joins as ''
  let data: Uint8Array;
  if (!/[^\x00-\x7f]/.test(joined)) {
    data = encoder.encode(joined);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + (values[i]?.length ?? 0);
  } else {
    data = new Uint8Array(joined.length * 3);
    let size = 0;
    for (let i = 0; i < n; i++) {
      const s = values[i];
      if (s) size += encoder.encodeInto(s, data.subarray(size)).written;
      offsets[i + 1] = size;
    }
    data = data.slice(0, size);
  }
  const { bitmap, nulls } = validity(n, (i) => values[i] !== null);
  return makeData({ type: new Utf8(), length: n, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, valueOffsets: offsets, data });
}

/**
 * Text as VARCHAR: dictionary-encoded when it has few distinct values (a category per account;
 * DuckDB reads it as VARCHAR all the same, and loads it faster), plain UTF-8 otherwise.
 */
function text(values: (string | null)[] | null, n: number): Data<DataType> {
  if (!values) return utf8(new Array<null>(n).fill(null));
  const codes = new Int32Array(n);
  const index = new Map<string, number>();
  const distinct: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = values[i];
    if (s === null) continue;
    let k = index.get(s);
    if (k === undefined) {
      index.set(s, (k = distinct.length));
      distinct.push(s);
      // Mostly distinct (a handle per row): plain UTF-8, decided early on the first rows.
      if (n > 64 && distinct.length * 4 > Math.min(n, Math.max(i + 1, 256))) return utf8(values);
    }
    codes[i] = k;
  }
  const { bitmap, nulls } = validity(n, (i) => values[i] !== null);
  return makeData({ type: new Dictionary(new Utf8(), new Int32()), length: n, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, data: codes, dictionary: makeVector(utf8(distinct)) });
}

/** The mapped rows as Arrow IPC stream bytes of byod_rows (topics joined by ';', as normalised). */
export function preparedToIpc(p: Prepared): Uint8Array {
  const n = p.rows;
  const columns: Record<string, ReturnType<typeof makeVector>> = {};
  columns.handle = makeVector(text(p.handle, n));
  for (const role of NUMERIC) columns[role] = makeVector(doubles(p[role], n));
  columns.topics = makeVector(text(p.topics ? p.topics.map((t) => (t.length ? t.join(';') : null)) : null, n));
  return tableToIPC(new Table(columns), 'stream');
}
