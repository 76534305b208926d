/**
 * A user's file, read in the browser into a RawTable: size limits first, then the bytes (with
 * progress), the format (Parquet, JSON/NDJSON, delimited text), the encoding, the delimiter and the
 * line endings. Nothing is sent anywhere: the file never leaves this function but as a table.
 */
import { ByodError } from './errors.ts';
import { decodeBytes } from './decode.ts';
import { detectDelimiter, detectFormat, detectLineEnding } from './sniff.ts';
import { scanDelimited } from './delimited.ts';
import { tableFromObjects, tableFromScan, type RawTable } from './table.ts';

export const MAX_BYTES = 100 * 1024 * 1024;
export const MAX_ROWS = 1_000_000;

export interface LoadOptions {
  onProgress?: (stage: string, share: number) => void;
  maxBytes?: number;
  maxRows?: number;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** The bytes of a file, read as a stream so progress can be shown. */
export async function readBytes(file: Blob, onProgress?: (share: number) => void): Promise<Uint8Array> {
  if (!file.stream) return new Uint8Array(await file.arrayBuffer());
  const out = new Uint8Array(file.size);
  let offset = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, offset);
    offset += value.length;
    onProgress?.(file.size ? offset / file.size : 1);
  }
  return out.subarray(0, offset);
}

/** Whether a parsed table uses decimal commas (semicolon-separated exports from Europe). */
export const usesDecimalComma = (t: RawTable): boolean => t.detected.includes('delimiter: semicolon');

export async function loadFile(file: File, { onProgress, maxBytes = MAX_BYTES, maxRows = MAX_ROWS }: LoadOptions = {}): Promise<RawTable> {
  const name = file.name || 'your file';
  if (file.size === 0) throw new ByodError('empty', `"${name}" is empty (0 bytes).`);
  if (file.size > maxBytes) {
    throw new ByodError('too-large', `"${name}" is ${mb(file.size)}; this page analyses files up to ${mb(maxBytes)} in your browser. Aggregate it to one row per account, or split it.`);
  }
  const bytes = await readBytes(file, (s) => onProgress?.('Reading', s));
  const format = detectFormat(name, bytes);
  if (format === 'parquet') {
    onProgress?.('Decoding Parquet', 0);
    const [{ parquetReadObjects, parquetMetadata }, { compressors }] = await Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    let rows: Record<string, unknown>[];
    try {
      const meta = parquetMetadata(buffer);
      if (Number(meta.num_rows) > maxRows) throw new ByodError('rows', `"${name}" has ${Number(meta.num_rows).toLocaleString('en-US')} rows; this page analyses at most ${maxRows.toLocaleString('en-US')} in your browser.`);
      rows = (await parquetReadObjects({ file: buffer, compressors })) as Record<string, unknown>[];
    } catch (e) {
      if (e instanceof ByodError) throw e;
      throw new ByodError('parquet', `"${name}" could not be read as Parquet: ${(e as Error).message}.`);
    }
    onProgress?.('Decoding Parquet', 1);
    if (rows.length === 0) throw new ByodError('no-rows', `"${name}" is a Parquet file with no rows.`);
    return tableFromObjects(rows, name, ['format: Parquet'], []);
  }
  const decoded = decodeBytes(bytes, name);
  const notes = decoded.note ? [decoded.note] : [];
  const encoding = `encoding: ${decoded.encoding.toUpperCase()}${decoded.bom ? ' with byte-order mark' : ''}`;
  const text = decoded.text;
  if (text.trim() === '') throw new ByodError('empty', `"${name}" contains no data, only blank space.`);
  if (format === 'json') return loadJson(text, name, encoding, notes, maxRows);
  const delimiter = detectDelimiter(text);
  const ending = detectLineEnding(text);
  const scan = scanDelimited(text, { delimiter, file: name, maxRows, onProgress: (s) => onProgress?.('Parsing', s) });
  const detected = [`format: delimited text`, `delimiter: ${DELIMITER_NAMES[delimiter]}`, `line endings: ${ending === 'none' ? 'single line' : ending}`, encoding];
  return tableFromScan(scan, name, detected, notes);
}

function loadJson(text: string, name: string, encoding: string, notes: string[], maxRows: number): RawTable {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      throw new ByodError('json', `"${name}" is not valid JSON: ${(e as Error).message}.`);
    }
    const rows = value as Record<string, unknown>[];
    if (rows.length === 0) throw new ByodError('no-rows', `"${name}" is an empty JSON array: there are no rows.`);
    if (rows.length > maxRows) throw new ByodError('rows', `"${name}" has ${rows.length.toLocaleString('en-US')} rows; this page analyses at most ${maxRows.toLocaleString('en-US')} in your browser.`);
    return tableFromObjects(rows, name, ['format: JSON (array of objects)', encoding], notes);
  }
  // One object per line (NDJSON / JSON Lines), or a single object.
  const rows: Record<string, unknown>[] = [];
  const lines = trimmed.split(/\r\n|\n|\r/);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].trim();
    if (!line) continue;
    try {
      rows.push(JSON.parse(line));
    } catch (e) {
      if (k === 0 && lines.length > 1 && !lines[1].trim().startsWith('{')) {
        throw new ByodError('json', `"${name}" is not valid JSON: ${(e as Error).message}. Use an array of objects, or one object per line.`);
      }
      throw new ByodError('json', `"${name}", line ${k + 1} is not valid JSON: ${(e as Error).message}.`);
    }
    if (rows.length > maxRows) throw new ByodError('rows', `"${name}" has more than ${maxRows.toLocaleString('en-US')} rows; this page analyses at most that many in your browser.`);
  }
  return tableFromObjects(rows, name, ['format: JSON (one object per line)', encoding], notes);
}
