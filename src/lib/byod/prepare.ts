import { ByodError, shown, where } from './errors.ts';
import type { Mapping, Role } from './mapping.ts';
import { parseNumber, plainNumber } from './numbers.ts';
import { cellAt, TextColumn, type Column, type RawTable } from './table.ts';

/** Counts larger than this are not plausible (more than the people on Earth). */
export const ABSURD = 1e10;

/** The mapped columns as numbers (NaN where a cell is blank), topics as lists, handles as text. */
export interface Prepared {
  rows: number;
  reach: Float64Array;
  engagement: Float64Array | null;
  cost: Float64Array | null;
  conversions: Float64Array;
  revenue: Float64Array | null;
  topics: string[][] | null;
  handle: string[] | null;
  /** Blank cells per mapped numeric column (those rows are left out of the statistics that need the column). */
  blanks: Partial<Record<Role, number>>;
}

/** The mapped columns of one of two files to be joined: any role may be in the other file (null here); `key` is the join key column as text. */
export interface PreparedSide extends Omit<Prepared, 'reach' | 'conversions'> {
  reach: Float64Array | null;
  conversions: Float64Array | null;
  key: string[] | null;
}

/** Blank cells (NaN) per numeric column of prepared columns. */
export function blanksOf(p: Pick<Prepared, 'reach' | 'engagement' | 'cost' | 'conversions' | 'revenue'>): Prepared['blanks'] {
  const blanks: Prepared['blanks'] = {};
  for (const role of ['reach', 'engagement', 'cost', 'conversions', 'revenue'] as const) {
    const col = p[role];
    const n = col ? col.reduce((a, v) => a + (Number.isNaN(v) ? 1 : 0), 0) : 0;
    if (n) blanks[role] = n;
  }
  return blanks;
}

/** Every k-th cell of a column, at most `max` of them (to judge a column of a large file quickly). */
export function sampleCells(col: Column, max = 5000): unknown[] {
  const step = Math.max(1, Math.ceil(col.length / max));
  const out: unknown[] = [];
  for (let i = 0; i < col.length; i += step) out.push(cellAt(col, i));
  return out;
}

/** Whether most non-blank cells (at least 80 % of them, and at least one) read as numbers. */
export function mostlyNumeric(values: Column, decimalComma: boolean): boolean {
  let numbers = 0;
  let filled = 0;
  const step = Math.max(1, Math.floor(values.length / 5000));
  for (let i = 0; i < values.length; i += step) {
    const { value } = parseNumber(cellAt(values, i), decimalComma);
    if (value === null) continue;
    filled++;
    if (!Number.isNaN(value)) numbers++;
  }
  return filled > 0 && numbers / filled >= 0.8;
}

/**
 * Read the mapped columns of a table, each numeric column with its decimal mark (`decimalComma`: for all
 * columns, or per column). Errors (ByodError) name the file, row and column: a missing
 * required mapping, text in a numeric column, a negative or absurd count. Blank cells are missing
 * values, counted in `blanks`.
 */
export function prepare(t: RawTable, mapping: Mapping, decimalComma: boolean | ((column: string) => boolean)): Prepared {
  for (const role of ['reach', 'conversions'] as const) {
    if (!mapping[role]) throw new ByodError('unmapped', `Choose the column of "${t.file}" that holds ${role === 'reach' ? 'the reach (followers or audience size)' : 'the conversions (sales, sign-ups)'}: none was recognised by its name.`);
  }
  const { key: _, ...side } = prepareSide(t, mapping, decimalComma);
  return side as Prepared;
}

/** The mapped columns of a table as prepare reads them, with no role required, and the `key` column as text (for a join). */
export function prepareSide(t: RawTable, mapping: Mapping, decimalComma: boolean | ((column: string) => boolean), key: string | null = null): PreparedSide {
  const commaIn = typeof decimalComma === 'function' ? decimalComma : () => decimalComma;
  const blanks: Partial<Record<Role, number>> = {};
  const fail = (role: Role, name: string, i: number, cell: unknown, value: number): never => {
    if (Number.isNaN(value)) throw new ByodError('not-a-number', `${where(t.file, i + 2, name)}: ${shown(cell)} is not a number. The ${role} column must hold numbers only (blank cells are allowed).`);
    if (value < 0) throw new ByodError('negative', `${where(t.file, i + 2, name)}: ${shown(cell)} is negative; ${role === 'cost' || role === 'revenue' ? 'an amount of money here' : 'a count'} cannot be.`);
    throw new ByodError('absurd', `${where(t.file, i + 2, name)}: ${shown(cell)} is not a plausible ${role} value (more than ${ABSURD.toLocaleString('en-US')}).`);
  };
  const numeric = (role: Role): Float64Array | null => {
    const name = mapping[role];
    if (!name) return null;
    const j = t.names.indexOf(name);
    if (j < 0) throw new ByodError('unmapped', `"${t.file}" has no column ${shown(name)}.`);
    const col = t.columns[j];
    const comma = commaIn(name);
    const out = new Float64Array(t.rows);
    const scan = col instanceof TextColumn ? col.scan : null;
    let blank = 0;
    for (let i = 0; i < t.rows; i++) {
      // Plain digits are read straight from the text; anything else (and every typed cell) the full way.
      let value: number | null | undefined;
      if (scan) {
        const k = (col as TextColumn).cell(i);
        if (!scan.special.size || !scan.special.has(k)) value = plainNumber(scan.text, scan.bounds[2 * k], scan.bounds[2 * k + 1], comma);
      }
      if (value === undefined) value = parseNumber(cellAt(col, i), comma).value;
      if (value === null) {
        out[i] = NaN;
        blank++;
        continue;
      }
      if (value > ABSURD || value < 0 || Number.isNaN(value)) fail(role, name, i, cellAt(col, i), value);
      out[i] = value;
    }
    if (blank) blanks[role] = blank;
    if (blank === t.rows) throw new ByodError('all-blank', `"${t.file}", column "${name}": every cell is blank, so it cannot be used as ${role}.`);
    return out;
  };
  const text = (name: string | null): string[] | null => {
    if (!name) return null;
    const j = t.names.indexOf(name);
    if (j < 0) throw new ByodError('unmapped', `"${t.file}" has no column ${shown(name)}.`);
    const col = t.columns[j];
    const out = new Array<string>(t.rows);
    for (let i = 0; i < t.rows; i++) {
      const v = cellAt(col, i);
      out[i] = v === null || v === undefined ? '' : String(v);
    }
    return out;
  };
  const topicsText = text(mapping.topics);
  // Topic cells repeat (a category per account): each distinct cell is split once, and its list shared.
  const topicLists = new Map<string, string[]>();
  const topicsOf = (cell: string) => topicLists.get(cell) ?? topicLists.set(cell, splitTopics(cell)).get(cell)!;
  return {
    rows: t.rows,
    reach: numeric('reach'),
    engagement: numeric('engagement'),
    cost: numeric('cost'),
    conversions: numeric('conversions'),
    revenue: numeric('revenue'),
    topics: topicsText ? topicsText.map(topicsOf) : null,
    handle: text(mapping.handle),
    key: text(key),
    blanks,
  };
}

/** A cell of topics as normalised topic names: split on ; , | / and #, lower case, spaces as dashes. */
export function splitTopics(cell: string): string[] {
  return [...new Set(cell.split(/[;,|/#]+/).map((s) => s.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean))];
}
