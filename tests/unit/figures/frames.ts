import type { Frame } from '../../../src/lib/data/frame.ts';

/** A frame from plain rows (column names from `names`, so an empty frame still has its columns). */
export function frameOf(names: string[], rows: Record<string, unknown>[]): Frame {
  return { names, columns: Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n] ?? null)])), length: rows.length };
}

/** The same frame without one column. */
export function without(frame: Frame, name: string): Frame {
  const columns = { ...frame.columns };
  delete columns[name];
  return { names: frame.names.filter((n) => n !== name), columns, length: frame.length };
}
