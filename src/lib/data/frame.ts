/** A query result or table held column by column: what both DuckDB adapters return. */
export interface Frame {
  names: string[];
  columns: Record<string, ArrayLike<unknown>>;
  length: number;
}

/** One column of a frame as numbers (null and non-numeric values become NaN). */
export function numbers(frame: Frame, name: string): Float64Array {
  const col = frame.columns[name];
  if (!col) throw new Error(`no column ${name}`);
  if (col instanceof Float64Array) return col;
  const out = new Float64Array(frame.length);
  for (let i = 0; i < frame.length; i++) {
    const v = col[i];
    out[i] = v === null || v === undefined ? NaN : Number(v);
  }
  return out;
}

/** One row of a frame as a plain object (for tables and downloads, not for hot paths). */
export function row(frame: Frame, i: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of frame.names) out[n] = frame.columns[n][i];
  return out;
}

/** The rows of a frame as plain objects. */
export function rows(frame: Frame): Record<string, unknown>[] {
  return Array.from({ length: frame.length }, (_, i) => row(frame, i));
}

/** Normalise a value coming out of an engine: BigInt becomes a number when exact, else its decimal text. */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  return v;
}
