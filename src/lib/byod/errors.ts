/** A problem with a user's file, worded for the reader: what is wrong, in which file, row and column. */
export class ByodError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ByodError';
    this.code = code;
  }
}

/** `"name.csv", row 4, column "followers": ` — the place a message points at (rows count the header as row 1, as a spreadsheet does). */
export function where(file: string, row?: number, column?: string | number): string {
  let s = `"${file}"`;
  if (row !== undefined) s += `, row ${row.toLocaleString('en-US')}`;
  if (column !== undefined) s += typeof column === 'number' ? `, column ${column}` : `, column "${column}"`;
  return s;
}

/** A value quoted for a message, shortened so a huge cell cannot flood the page. */
export const shown = (v: unknown): string => {
  const s = String(v);
  return `"${s.length > 40 ? s.slice(0, 40) + '…' : s}"`;
};
