import { ByodError, shown, where } from './errors.ts';
import { parseNumber } from './numbers.ts';
import { cellAt, cellText, TextColumn, type Column, type Scanned } from './delimited.ts';

export { cellAt, TextColumn, type Column };

/** A user's file as named columns of raw cells (text from CSV, typed values from Parquet/JSON). */
export interface RawTable {
  file: string;
  names: string[];
  /** columns[j]: the cells of column j, data row i (file row i + 2) at i. */
  columns: Column[];
  rows: number;
  /** What was detected (format, delimiter, line endings, encoding), for the reader. */
  detected: string[];
  /** Things the reader should know that did not stop the load. */
  notes: string[];
}

const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:|on[a-z]+\s*=/i;

/** Checks shared by every format: at least one data row, named and distinct columns, markup noted. */
export function checkTable(t: RawTable): RawTable {
  if (t.names.length === 0) throw new ByodError('empty', `"${t.file}" has no columns.`);
  t.names.forEach((name, j) => {
    if (name.trim() === '') throw new ByodError('blank-header', `${where(t.file, 1, j + 1)}: the column name is blank. Every column needs a name (e.g. followers, conversions).`);
  });
  const seen = new Map<string, number>();
  t.names.forEach((name, j) => {
    const key = name.trim().toLowerCase();
    const k = seen.get(key);
    if (k !== undefined) throw new ByodError('duplicate-header', `${where(t.file, 1)}: the column name ${shown(name.trim())} appears twice (columns ${k + 1} and ${j + 1}). Rename one of them.`);
    seen.set(key, j);
  });
  if (t.rows === 0) throw new ByodError('no-rows', `"${t.file}" has a header but no data rows.`);
  const markedNames = t.names.filter((n) => MARKUP.test(n));
  let firstCell: string | null = null;
  let cells = 0;
  for (let j = 0; j < t.columns.length; j++) {
    const col = t.columns[j];
    const rows = col instanceof TextColumn ? markupCandidates(col) : col.keys();
    for (const i of rows) {
      const v = cellAt(col, i);
      if (typeof v === 'string' && v.length > 2 && MARKUP.test(v)) {
        cells++;
        firstCell ??= `${where(t.file, i + 2, t.names[j])}`;
      }
    }
  }
  if (markedNames.length || cells) {
    const parts = [];
    if (markedNames.length) parts.push(`${markedNames.length} column ${markedNames.length === 1 ? 'name' : 'names'} (${markedNames.map((n) => shown(n)).join(', ')})`);
    if (cells) parts.push(`${cells.toLocaleString('en-US')} ${cells === 1 ? 'cell' : 'cells'} (first at ${firstCell})`);
    t.notes.push(`${parts.join(' and ')} contain HTML or script markup. It is shown as plain text and never run.`);
  }
  return t;
}

/** Cells of markup's telltale characters, by scan: found once with a native search over the whole text. */
const candidates = new WeakMap<Scanned, Map<number, number[]>>();

/**
 * The data rows of a text column that may hold markup: those with a `<`, `=` or `javascript:` in
 * them (MARKUP cannot match without one), found by searching the text, not by testing every cell.
 */
function markupCandidates(col: TextColumn): number[] {
  const s = col.scan;
  let byColumn = candidates.get(s);
  if (!byColumn) {
    byColumn = new Map();
    candidates.set(s, byColumn);
    const b = s.bounds;
    const cells = s.rowStart[s.records];
    const firstData = s.rowStart[1] ?? cells;
    const hits = /<|=|javascript:/gi;
    let last = -1;
    for (let m = hits.exec(s.text); m; m = hits.exec(s.text)) {
      // The cell whose bounds hold the hit (binary search over the starts, which only grow); a hit in a delimiter or quote falls before the next start.
      let lo = firstData;
      let hi = cells - 1;
      if (lo > hi || m.index < b[2 * lo]) continue;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (b[2 * mid] <= m.index) lo = mid;
        else hi = mid - 1;
      }
      // A quoted cell's special value may differ from its bounds: test it whenever the hit is within its record.
      if (lo === last) continue;
      last = lo;
      const row = Math.floor(lo / col.width) - 1;
      const j = lo % col.width;
      let list = byColumn.get(j);
      if (!list) byColumn.set(j, (list = []));
      list.push(row);
    }
  }
  return byColumn.get(col.index) ?? [];
}

/** A first row that is mostly numbers is data, not a header: a ByodError. */
function checkHeader(header: string[], file: string): void {
  const numeric = header.filter((h) => h !== '' && Number.isFinite(parseNumber(h, false).value)).length;
  if (numeric > 0 && numeric >= header.filter((h) => h !== '').length / 2) {
    throw new ByodError('no-header', `"${file}" has no header row: row 1 holds values (${header.slice(0, 3).map((h) => shown(h)).join(', ')}), not column names. Add a first row naming the columns (e.g. handle, followers, conversions); the template shows the format.`);
  }
}

const ragged = (file: string, row: number, fields: number, width: number) =>
  new ByodError('ragged', `${where(file, row)}: it has ${fields} ${fields === 1 ? 'field' : 'fields'} but the header has ${width}. A delimiter inside a value needs the value in double quotes.`);

/**
 * Delimited records (the first is the header) as a table. A first row that is mostly numbers is
 * data, not a header: a ByodError. Rows with another number of fields than the header are errors
 * naming the row.
 */
export function tableFromRecords(records: string[][], file: string, detected: string[], notes: string[]): RawTable {
  if (records.length === 0) throw new ByodError('empty', `"${file}" contains no data, only blank lines.`);
  const header = records[0].map((h) => h.trim());
  checkHeader(header, file);
  const width = header.length;
  const columns: string[][] = header.map(() => new Array(records.length - 1));
  for (let i = 1; i < records.length; i++) {
    const r = records[i];
    if (r.length !== width) throw ragged(file, i + 1, r.length, width);
    for (let j = 0; j < width; j++) columns[j][i - 1] = r[j];
  }
  return checkTable({ file, names: header, columns, rows: records.length - 1, detected, notes });
}

/** The scan of a delimited file as a table of text columns (the same checks and messages as tableFromRecords). */
export function tableFromScan(s: Scanned, file: string, detected: string[], notes: string[]): RawTable {
  if (s.records === 0) throw new ByodError('empty', `"${file}" contains no data, only blank lines.`);
  const header: string[] = [];
  for (let k = s.rowStart[0]; k < s.rowStart[1]; k++) header.push(cellText(s, k).trim());
  checkHeader(header, file);
  const width = header.length;
  for (let r = 1; r < s.records; r++) {
    const fields = s.rowStart[r + 1] - s.rowStart[r];
    if (fields !== width) throw ragged(file, r + 1, fields, width);
  }
  const rows = s.records - 1;
  const columns = header.map((_, j) => new TextColumn(s, j, width, rows));
  return checkTable({ file, names: header, columns, rows, detected, notes });
}

/** Objects (JSON rows, Parquet rows) as a table: the columns are the union of keys, in first-seen order. */
export function tableFromObjects(objects: Record<string, unknown>[], file: string, detected: string[], notes: string[]): RawTable {
  const names: string[] = [];
  const index = new Map<string, number>();
  objects.forEach((o, i) => {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) {
      throw new ByodError('json-shape', `"${file}", record ${i + 1}: expected an object like {"handle": "…", "followers": 1200, …}, found ${Array.isArray(o) ? 'an array' : o === null ? 'null' : typeof o}.`);
    }
    for (const k of Object.keys(o)) if (!index.has(k)) index.set(k, names.push(k) - 1);
  });
  const columns = names.map((n) => objects.map((o) => {
    const v = o[n];
    if (v === undefined) return null;
    if (typeof v === 'bigint') return Number(v);
    return v;
  }));
  return checkTable({ file, names, columns, rows: objects.length, detected, notes });
}
