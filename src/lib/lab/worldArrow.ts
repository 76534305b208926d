/**
 * A simulated world's tables as Arrow IPC streams, built straight from its typed arrays with
 * makeData (apache-arrow's builders compile code with eval, which the site's CSP forbids), typed
 * by the data dictionary. Pure: runs in the lab's worker and in Node tests alike.
 */
import { Bool, Dictionary, Float64, Int32, Int64, Table, Utf8, makeData, makeVector, tableToIPC, type Data, type DataType } from 'apache-arrow';
import { tableByName, type ColumnType } from '../data/dictionary.ts';

type Column = ArrayLike<unknown>;

const encoder = new TextEncoder();

/** UTF-8 text: one offsets array and one byte buffer; each distinct string is encoded once. */
function utf8Data(values: ArrayLike<string>): Data<Utf8> {
  const memo = new Map<string, Uint8Array>();
  const parts = new Array<Uint8Array>(values.length);
  const offsets = new Int32Array(values.length + 1);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const s = values[i] ?? '';
    let bytes = memo.get(s);
    if (!bytes) memo.set(s, (bytes = encoder.encode(s)));
    parts[i] = bytes;
    size += bytes.length;
    offsets[i + 1] = size;
  }
  const data = new Uint8Array(size);
  for (let i = 0; i < parts.length; i++) data.set(parts[i], offsets[i]);
  return makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets: offsets, data });
}

/**
 * Text with few distinct values (a reaction's kind, a post's topic) dictionary-encoded: DuckDB
 * reads it as VARCHAR all the same, and loads it several times faster than plain UTF-8.
 */
function textData(values: ArrayLike<string>): Data<DataType> {
  const codes = new Int32Array(values.length);
  const index = new Map<string, number>();
  const distinct: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const s = values[i] ?? '';
    let k = index.get(s);
    if (k === undefined) {
      index.set(s, (k = distinct.length));
      distinct.push(s);
      if (distinct.length * 4 > values.length && values.length > 64) return utf8Data(values);
    }
    codes[i] = k;
  }
  const dictionary = makeVector(utf8Data(distinct));
  return makeData({ type: new Dictionary(new Utf8(), new Int32()), length: values.length, nullCount: 0, data: codes, dictionary });
}

/** Booleans (any truthy value is true) packed into Arrow's bitmap, least significant bit first. */
function boolData(values: Column): Data<Bool> {
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  for (let i = 0; i < values.length; i++) if (values[i]) bits[i >> 3] |= 1 << (i & 7);
  return makeData({ type: new Bool(), length: values.length, nullCount: 0, data: bits });
}

/** One column as Arrow data of its dictionary type (BIGINT from integer-valued doubles). */
export function columnData(values: Column, type: ColumnType): Data<DataType> {
  switch (type) {
    case 'VARCHAR':
      return textData(values as ArrayLike<string>);
    case 'BOOLEAN':
      return boolData(values);
    case 'INTEGER':
      return makeData({ type: new Int32(), length: values.length, nullCount: 0, data: values instanceof Int32Array ? values : Int32Array.from(values as ArrayLike<number>) });
    case 'BIGINT':
      return makeData({ type: new Int64(), length: values.length, nullCount: 0, data: BigInt64Array.from(values as ArrayLike<number>, (v) => BigInt(v)) });
    case 'DOUBLE':
      return makeData({ type: new Float64(), length: values.length, nullCount: 0, data: values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>) });
  }
}

/** A table of the world as IPC stream bytes, its columns in dictionary order and type. Throws if a column is missing. */
export function tableIpc(name: string, columns: Record<string, Column>): Uint8Array {
  const spec = tableByName(name);
  const vectors: Record<string, ReturnType<typeof makeVector>> = {};
  for (const col of spec.columns) {
    const values = columns[col.name];
    if (!values) throw new Error(`table ${name} has no column ${col.name}`);
    vectors[col.name] = makeVector(columnData(values, col.type));
  }
  return tableToIPC(new Table(vectors), 'stream');
}

