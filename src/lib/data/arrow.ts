import { Bool, Float64, Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import type { ColumnType, Table as TableSpec } from './dictionary.ts';
import type { Frame } from './frame.ts';

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  VARCHAR: () => new Utf8(),
  INTEGER: () => new Int32(),
  BIGINT: () => new Int64(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
};

/** Values of one column in the form apache-arrow's builders take for the given type. */
function arrowValues(values: ArrayLike<unknown>, type: ColumnType): unknown[] {
  const out = Array.from(values as ArrayLike<unknown>);
  if (type === 'BIGINT') return out.map((v) => (v === null || v === undefined ? null : BigInt(v as number)));
  if (type === 'BOOLEAN') return out.map((v) => (v === null || v === undefined ? null : Boolean(v)));
  if (type === 'VARCHAR') return out.map((v) => (v === null || v === undefined ? null : String(v)));
  return out.map((v) => (v === null || v === undefined ? null : Number(v)));
}

/** A frame as an Arrow table typed by its dictionary entry (column order and types from the spec). */
export function toArrowTable(frame: Frame, spec: Pick<TableSpec, 'columns'>): Table {
  const vectors: Record<string, ReturnType<typeof vectorFromArray>> = {};
  for (const col of spec.columns) {
    const values = frame.columns[col.name];
    if (!values) throw new Error(`column ${col.name} missing`);
    vectors[col.name] = vectorFromArray(arrowValues(values, col.type), ARROW_TYPES[col.type]() as never);
  }
  return new Table(vectors);
}

/** A frame as Arrow IPC stream bytes: deterministic for the same input. */
export function toArrowIpc(frame: Frame, spec: Pick<TableSpec, 'columns'>): Uint8Array {
  return tableToIPC(toArrowTable(frame, spec), 'stream');
}
