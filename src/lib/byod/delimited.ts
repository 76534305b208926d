import { ByodError, where } from './errors.ts';

export interface ParseOptions {
  delimiter: string;
  file: string;
  /** Stop with an error past this many records after the first (the header). */
  maxRows?: number;
  /** Called with the share of text parsed, every `chunkRows` records. */
  onProgress?: (share: number) => void;
  /** Records parsed between two progress reports. */
  chunkRows?: number;
}

/**
 * Delimited text cut into cells without making a string per cell: the text, and where each cell's
 * value lies in it. Cells are numbered row-major over the records (the header is record 0); cell
 * k's value is `text.slice(bounds[2k], bounds[2k + 1])`, except for the few cells in `special`
 * (a quoted value with doubled quotes inside, or text after its closing quote), whose value is kept
 * there as a string.
 */
export interface Scanned {
  text: string;
  bounds: Int32Array;
  /** The first cell of each record; `rowStart[records]` is the number of cells. */
  rowStart: Int32Array;
  records: number;
  special: Map<number, string>;
}

/** The value of cell k of a scan. */
export const cellText = (s: Scanned, k: number): string => (s.special.size && s.special.has(k) ? s.special.get(k)! : s.text.slice(s.bounds[2 * k], s.bounds[2 * k + 1]));

/**
 * A column of a delimited file, read from the scan of its text (no string is made per cell until a
 * cell is asked for): data row i is record i + 1 of the scan.
 */
export class TextColumn {
  readonly scan: Scanned;
  /** The column's position in each record. */
  readonly index: number;
  readonly width: number;
  readonly length: number;
  constructor(scan: Scanned, index: number, width: number, length: number) {
    this.scan = scan;
    this.index = index;
    this.width = width;
    this.length = length;
  }
  /** The cell index in the scan of data row i. */
  cell(i: number): number {
    return (i + 1) * this.width + this.index;
  }
  get(i: number): string {
    return cellText(this.scan, this.cell(i));
  }
}

/** A column of raw cells: text read from a delimited file's scan, or typed values (Parquet, JSON). */
export type Column = unknown[] | TextColumn;

/** The cell of data row i of a column. */
export const cellAt = (c: Column, i: number): unknown => (c instanceof TextColumn ? c.get(i) : c[i]);

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A growable Int32Array. */
function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}

/**
 * RFC 4180 records of delimited text, as cell bounds (see Scanned): quoted fields may hold
 * delimiters, quotes ("") and line breaks; lines end with CRLF, LF or CR; blank lines are skipped;
 * text after a closing quote up to the delimiter is kept (lenient, like spreadsheets). An unclosed
 * quote is a ByodError naming the row where it opened; past `maxRows` data records, a ByodError too.
 * Unquoted runs are found with indexOf (native string search), not character by character.
 */
export function scanDelimited(text: string, { delimiter, file, maxRows = Infinity, onProgress, chunkRows = 20000 }: ParseOptions): Scanned {
  const n = text.length;
  // Room for the cells the text probably holds (from the first lines), grown when it is short.
  const head = text.slice(0, 65536);
  const lines = Math.max(1, head.split('\n').length - 1 || head.split('\r').length - 1);
  const perLine = head.split(delimiter).length / lines;
  const estimate = Math.ceil((n / Math.max(1, head.length)) * lines * Math.max(1, perLine) * 1.05) + 64;
  let bounds = new Int32Array(2 * Math.min(estimate, 1 << 26));
  let rowStart = new Int32Array(Math.min(Math.ceil(estimate / Math.max(1, perLine)), 1 << 24) + 2);
  const special = new Map<number, string>();
  let cells = 0;
  let records = 0;
  let rowFirst = 0;
  let sinceReport = 0;
  // The next delimiter, LF and CR at or after the cursor (n when there is none), searched again only once passed.
  let nd = -1;
  let nl = -1;
  let nc = -1;
  const next = (ch: string, at: number, cached: number) => (cached >= at ? cached : (cached = text.indexOf(ch, at)) < 0 ? n : cached);
  let i = 0;
  const endRecord = () => {
    // A record of one blank cell is a blank line: dropped.
    if (cells - rowFirst === 1 && (special.get(rowFirst) ?? text.slice(bounds[2 * rowFirst], bounds[2 * rowFirst + 1])).trim() === '') {
      special.delete(rowFirst);
      cells = rowFirst;
      return;
    }
    rowStart = grow(rowStart, records + 2);
    rowStart[records++] = rowFirst;
    rowFirst = cells;
    if (records > maxRows + 1) throw tooMany(file, maxRows);
    if (++sinceReport >= chunkRows) {
      sinceReport = 0;
      onProgress?.(i / n);
    }
  };
  if (n === 0) return { text, bounds, rowStart: new Int32Array(1), records: 0, special };
  for (;;) {
    // One cell starts at i.
    if (2 * cells + 2 > bounds.length) bounds = grow(bounds, 2 * cells + 2);
    let end: number;
    if (text.charCodeAt(i) === QUOTE) {
      // A quoted field: read to the closing quote.
      let j = i + 1;
      let value: string | null = null;
      let q: number;
      for (;;) {
        q = text.indexOf('"', j);
        if (q < 0) throw new ByodError('quote', `${where(file, records + 1)}: a quoted value opens here and is never closed (a missing " ).`);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value = (value ?? '') + text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        break;
      }
      const closed = q + 1;
      nd = next(delimiter, closed, nd);
      nl = next('\n', closed, nl);
      nc = next('\r', closed, nc);
      end = Math.min(nd, nl, nc);
      if (value !== null || end > closed) special.set(cells, (value ?? '') + text.slice(j, q) + text.slice(closed, end));
      bounds[2 * cells] = i + 1;
      bounds[2 * cells + 1] = q;
    } else {
      nd = next(delimiter, i, nd);
      nl = next('\n', i, nl);
      nc = next('\r', i, nc);
      end = Math.min(nd, nl, nc);
      bounds[2 * cells] = i;
      bounds[2 * cells + 1] = end;
    }
    cells++;
    if (end >= n) {
      endRecord();
      break;
    }
    const c = text.charCodeAt(end);
    if (c === LF || c === CR) {
      i = end + (c === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
      endRecord();
      if (i >= n) break;
    } else i = end + 1; // a delimiter: the next cell of the record
  }
  rowStart = grow(rowStart, records + 1);
  rowStart[records] = cells;
  onProgress?.(1);
  return { text, bounds, rowStart, records, special };
}

/** The records of a scan as arrays of strings (for small files and tests; large ones stay as a scan). */
export function scanRecords(s: Scanned): string[][] {
  const rows: string[][] = [];
  for (let r = 0; r < s.records; r++) {
    const row: string[] = [];
    for (let k = s.rowStart[r]; k < s.rowStart[r + 1]; k++) row.push(cellText(s, k));
    rows.push(row);
  }
  return rows;
}

/** RFC 4180 records of delimited text as arrays of strings (see scanDelimited). */
export async function parseDelimited(text: string, options: ParseOptions): Promise<string[][]> {
  return scanRecords(scanDelimited(text, options));
}

const tooMany = (file: string, max: number) =>
  new ByodError('rows', `"${file}" has more than ${max.toLocaleString('en-US')} rows; this page analyses at most ${max.toLocaleString('en-US')} in your browser. Aggregate it to one row per account first.`);
