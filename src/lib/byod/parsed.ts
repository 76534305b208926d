/**
 * A user's file once read, held where it was parsed (the parsing worker; the page itself only when
 * workers are unavailable): what the mapping step needs to know about it, and, for a choice of
 * columns, its typed columns and the Arrow IPC bytes of byod_rows. The raw cells never leave.
 */
import { loadFile, usesDecimalComma, type LoadOptions } from './load.ts';
import { decideColumn, type ColumnDecision, type DecimalMark } from './numbers.ts';
import { mostlyNumeric, prepare, prepareSide, sampleCells, type Prepared, type PreparedSide } from './prepare.ts';
import { NUMERIC_ROLES, type Mapping } from './mapping.ts';
import { preparedToIpc } from './toArrow.ts';
import { detectGrain, type Grain } from './grain.ts';
import type { RawTable } from './table.ts';

/** What the page learns about a loaded file. */
export interface Summary {
  file: string;
  names: string[];
  rows: number;
  detected: string[];
  notes: string[];
  /** By column: whether its cells are mostly numbers (judged on a sample, read with the mark the sample suggests). */
  numeric: boolean[];
  /** The decimal mark a column is read with when its values decide nothing (a semicolon file: ','). */
  fallback: DecimalMark;
  /** Milliseconds spent reading and parsing (read: the bytes; parse: the rest, checks included). */
  ms: { read: number; parse: number };
}

/** The answer to a choice of columns. */
export interface Chosen {
  /** The decimal mark decision of every column the choice maps to a numeric role. */
  decisions: Record<string, ColumnDecision>;
  /** The mapped columns, typed (when asked for). */
  prepared?: Prepared;
  /** Whether the handle repeats (rows per post or per ad), when the columns are typed: detectGrain of the prepared rows. */
  grain?: Grain | null;
  /** For one file of a join (a `key` given): its mapped columns with no role required, and its key column. */
  side?: PreparedSide;
  /** byod_rows as Arrow IPC stream bytes (when asked for). */
  ipc?: Uint8Array;
  ms: { decide: number; prepare: number; ipc: number };
}

export class ParsedFile {
  readonly table: RawTable;
  readonly summary: Summary;
  /** Decisions made so far, by column (each column is decided from all its values once). */
  private decided = new Map<string, ColumnDecision>();

  private constructor(table: RawTable, ms: Summary['ms']) {
    this.table = table;
    const fallback: DecimalMark = usesDecimalComma(table) ? ',' : '.';
    const numeric = table.columns.map((col) => {
      const sample = sampleCells(col);
      return mostlyNumeric(sample, decideColumn(sample, fallback).mark === ',');
    });
    this.summary = { file: table.file, names: table.names, rows: table.rows, detected: table.detected, notes: table.notes, numeric, fallback, ms };
  }

  /** Read and parse a file (throws a ByodError naming the problem). */
  static async load(file: File, options: LoadOptions = {}): Promise<ParsedFile> {
    const t0 = performance.now();
    let read = 0;
    const table = await loadFile(file, {
      ...options,
      onProgress: (stage, share) => {
        if (stage !== 'Reading' && !read) read = performance.now() - t0;
        options.onProgress?.(stage, share);
      },
    });
    read ||= performance.now() - t0;
    return new ParsedFile(table, { read, parse: performance.now() - t0 - read });
  }

  /** A column's decimal mark, decided from all its values. */
  decision(column: string): ColumnDecision {
    let d = this.decided.get(column);
    if (!d) {
      const j = this.table.names.indexOf(column);
      d = j < 0 ? { mark: this.summary.fallback, by: 'default', ambiguous: false, conflicts: 0 } : decideColumn(this.table.columns[j], this.summary.fallback);
      this.decided.set(column, d);
    }
    return d;
  }

  /**
   * A choice of columns: the decisions of its numeric columns, and (with `prepare`) the typed
   * columns read with the reader's marks where given, else the decided ones, and (with `ipc`)
   * byod_rows as Arrow IPC bytes. With `key`, the file is one of two to be joined on that column:
   * no role is required and the typed columns carry the key (PreparedSide). Throws the ByodError of
   * prepare for a bad column.
   */
  choose(mapping: Mapping, marks: Record<string, DecimalMark>, { prepare: typed = true, ipc = false, key = null as string | null } = {}): Chosen {
    const t0 = performance.now();
    const decisions: Record<string, ColumnDecision> = {};
    for (const role of NUMERIC_ROLES) {
      const column = mapping[role];
      if (column) decisions[column] = this.decision(column);
    }
    const t1 = performance.now();
    if (!typed) return { decisions, ms: { decide: t1 - t0, prepare: 0, ipc: 0 } };
    const comma = (column: string) => (marks[column] ?? this.decision(column).mark) === ',';
    if (key !== null) return { decisions, side: prepareSide(this.table, mapping, comma, key), ms: { decide: t1 - t0, prepare: performance.now() - t1, ipc: 0 } };
    const prepared = prepare(this.table, mapping, comma);
    const t2 = performance.now();
    const grain = detectGrain(prepared);
    const bytes = ipc ? preparedToIpc(prepared) : undefined;
    return { decisions, prepared, grain, ipc: bytes, ms: { decide: t1 - t0, prepare: t2 - t1, ipc: performance.now() - t2 } };
  }
}
