import { ByodError, where } from './errors.ts';

export interface ParseOptions {
  delimiter: string;
  file: string;
  /** Stop with an error past this many records (the header included). */
  maxRows?: number;
  /** Called with the share of text parsed, between chunks. */
  onProgress?: (share: number) => void;
  /** Records parsed between two yields to the main thread. */
  chunkRows?: number;
}

/**
 * RFC 4180 records of delimited text, parsed in chunks that yield to the event loop (so the page
 * keeps responding on large files): quoted fields may hold delimiters, quotes ("") and line breaks;
 * lines end with CRLF, LF or CR; blank lines are skipped. An unclosed quote is a ByodError naming
 * the row where it opened.
 */
export async function parseDelimited(text: string, { delimiter, file, maxRows = Infinity, onProgress, chunkRows = 20000 }: ParseOptions): Promise<string[][]> {
  const rows: string[][] = [];
  const n = text.length;
  let i = 0;
  let row: string[] = [];
  let field = '';
  let sinceYield = 0;
  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // A quoted field: read to the closing quote.
      const openedAt = rows.length + 1;
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new ByodError('quote', `${where(file, openedAt)}: a quoted value opens here and is never closed (a missing " ).`);
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      field = value;
      // Text after the closing quote up to the delimiter is kept (lenient, like spreadsheets).
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      row.push(field);
      field = '';
      if (!(row.length === 1 && row[0].trim() === '')) rows.push(row);
      row = [];
      if (rows.length > maxRows) throw tooMany(file, maxRows);
      if (++sinceYield >= chunkRows) {
        sinceYield = 0;
        onProgress?.(i / n);
        await new Promise((r) => setTimeout(r, 0));
      }
      continue;
    }
    // An unquoted run: copy up to the next special character at once.
    let j = i;
    while (j < n) {
      const d = text[j];
      if (d === delimiter || d === '\n' || d === '\r') break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  row.push(field);
  if (!(row.length === 1 && row[0].trim() === '')) rows.push(row);
  if (rows.length > maxRows) throw tooMany(file, maxRows);
  onProgress?.(1);
  return rows;
}

const tooMany = (file: string, max: number) =>
  new ByodError('rows', `"${file}" has more than ${max.toLocaleString('en-US')} rows; this page analyses at most ${max.toLocaleString('en-US')} in your browser. Aggregate it to one row per account first.`);
