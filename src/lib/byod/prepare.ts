import { ByodError, shown, where } from './errors.ts';
import type { Mapping, Role } from './mapping.ts';
import { parseNumber } from './numbers.ts';
import type { RawTable } from './table.ts';

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

/** Whether most non-blank cells (at least 80 % of them, and at least one) read as numbers. */
export function mostlyNumeric(values: unknown[], decimalComma: boolean): boolean {
  let numbers = 0;
  let filled = 0;
  const step = Math.max(1, Math.floor(values.length / 5000));
  for (let i = 0; i < values.length; i += step) {
    const { value } = parseNumber(values[i], decimalComma);
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
  const commaIn = typeof decimalComma === 'function' ? decimalComma : () => decimalComma;
  for (const role of ['reach', 'conversions'] as const) {
    if (!mapping[role]) throw new ByodError('unmapped', `Choose the column of "${t.file}" that holds ${role === 'reach' ? 'the reach (followers or audience size)' : 'the conversions (sales, sign-ups)'}: none was recognised by its name.`);
  }
  const blanks: Partial<Record<Role, number>> = {};
  const numeric = (role: Role): Float64Array | null => {
    const name = mapping[role];
    if (!name) return null;
    const j = t.names.indexOf(name);
    if (j < 0) throw new ByodError('unmapped', `"${t.file}" has no column ${shown(name)}.`);
    const col = t.columns[j];
    const comma = commaIn(name);
    const out = new Float64Array(t.rows);
    let blank = 0;
    for (let i = 0; i < t.rows; i++) {
      const { value } = parseNumber(col[i], comma);
      if (value === null) {
        out[i] = NaN;
        blank++;
        continue;
      }
      if (Number.isNaN(value)) throw new ByodError('not-a-number', `${where(t.file, i + 2, name)}: ${shown(col[i])} is not a number. The ${role} column must hold numbers only (blank cells are allowed).`);
      if (value < 0) throw new ByodError('negative', `${where(t.file, i + 2, name)}: ${shown(col[i])} is negative; ${role === 'cost' || role === 'revenue' ? 'an amount of money here' : 'a count'} cannot be.`);
      if (value > ABSURD) throw new ByodError('absurd', `${where(t.file, i + 2, name)}: ${shown(col[i])} is not a plausible ${role} value (more than ${ABSURD.toLocaleString('en-US')}).`);
      out[i] = value;
    }
    if (blank) blanks[role] = blank;
    if (blank === t.rows) throw new ByodError('all-blank', `"${t.file}", column "${name}": every cell is blank, so it cannot be used as ${role}.`);
    return out;
  };
  const text = (role: Role): string[] | null => {
    const name = mapping[role];
    if (!name) return null;
    const col = t.columns[t.names.indexOf(name)];
    return col.map((v) => (v === null || v === undefined ? '' : String(v)));
  };
  const topicsText = text('topics');
  const result: Prepared = {
    rows: t.rows,
    reach: numeric('reach')!,
    engagement: numeric('engagement'),
    cost: numeric('cost'),
    conversions: numeric('conversions')!,
    revenue: numeric('revenue'),
    topics: topicsText ? topicsText.map(splitTopics) : null,
    handle: text('handle'),
    blanks,
  };
  return result;
}

/** A cell of topics as normalised topic names: split on ; , | / and #, lower case, spaces as dashes. */
export function splitTopics(cell: string): string[] {
  return [...new Set(cell.split(/[;,|/#]+/).map((s) => s.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean))];
}
