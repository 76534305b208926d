/**
 * A user's prepared columns as the Arrow IPC stream of the table `byod_rows`, the one form in which
 * user data enters the engine (it is locked against file access). The schema is fixed, whatever the
 * file held: a column the file lacks is all NULL, and so is a blank cell.
 *
 *   row          INTEGER        the data row of the file, 1-based (file row = row + 1)
 *   handle       VARCHAR        the account handle, ad name or code; NULL without a handle column
 *   reach        DOUBLE         followers, reach, impressions or views
 *   engagement   DOUBLE         reactions per post
 *   cost         DOUBLE         the amount spent or the fee
 *   conversions  DOUBLE
 *   revenue      DOUBLE
 *   topics       VARCHAR[]      the account's topics as prepare.ts's splitTopics writes them; NULL without a topics column
 *
 * Built from typed arrays with makeData, never apache-arrow's builders (vectorFromArray): those
 * compile their null test with `new Function`, which the site's CSP forbids. Text is encoded in
 * one pass where it is ASCII. Pure: runs in the parsing worker (where it is made at 1M rows in
 * ~0.3 s) and in Node tests alike.
 */
import { Field, Float64, Int32, List, Table, Utf8, makeData, makeVector, tableToIPC, type Data, type DataType, type Vector } from 'apache-arrow';
import type { Prepared, PreparedSide } from './prepare.ts';

export const BYOD_TABLE = 'byod_rows';
export const NUMERIC_COLUMNS = ['reach', 'engagement', 'cost', 'conversions', 'revenue'] as const;

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

/** A DOUBLE column with NULL where a value is NaN (a blank cell), or all NULL when the column is absent. */
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

/** The topics of each row as VARCHAR[] (an empty list for a blank cell); all NULL without a topics column. */
function topicLists(topics: string[][] | null, n: number): Data<DataType> {
  const offsets = new Int32Array(n + 1);
  if (!topics) {
    const empty = utf8([]);
    return makeData({ type: new List(new Field('item', new Utf8(), true)), length: n, nullCount: n, nullBitmap: new Uint8Array(Math.ceil(n / 8)), valueOffsets: offsets, child: empty });
  }
  let items = 0;
  for (let i = 0; i < n; i++) offsets[i + 1] = items += topics[i].length;
  const flat = new Array<string>(items);
  for (let i = 0, k = 0; i < n; i++) for (const t of topics[i]) flat[k++] = t;
  return makeData({ type: new List(new Field('item', new Utf8(), true)), length: n, nullCount: 0, valueOffsets: offsets, child: utf8(flat) });
}

/** The Arrow table byod_rows of a Prepared (or of one side of a join, whose reach or conversions may be in the other file). */
export function preparedTable(p: Prepared | PreparedSide): Table {
  const n = p.rows;
  const columns: Record<string, Vector> = {
    row: makeVector(makeData({ type: new Int32(), length: n, nullCount: 0, data: Int32Array.from({ length: n }, (_, i) => i + 1) })),
    handle: makeVector(utf8(p.handle ?? new Array<null>(n).fill(null))),
  };
  for (const c of NUMERIC_COLUMNS) columns[c] = makeVector(doubles(p[c], n));
  columns.topics = makeVector(topicLists(p.topics, n));
  return new Table(columns);
}

/** The Arrow IPC stream bytes of byod_rows for a Prepared: what the page hands the engine. */
export const preparedToIpc = (p: Prepared): Uint8Array => tableToIPC(preparedTable(p), 'stream');

/** One file of a join as Arrow IPC stream bytes: byod_rows's columns and the file's key column as `key` (join.sql's byod_first or byod_second). */
export function sideToIpc(side: PreparedSide): Uint8Array {
  if (!side.key) throw new Error('a side of a join needs its key column');
  const t = preparedTable(side);
  return tableToIPC(new Table({ ...Object.fromEntries(t.schema.fields.map((f) => [f.name, t.getChild(f.name)!])), key: makeVector(utf8(side.key)) }), 'stream');
}
