import { ByodError } from './errors.ts';

export interface Decoded {
  text: string;
  /** The encoding the text was read with. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  bom: boolean;
  /** Said to the reader when the encoding was a guess (not UTF-8). */
  note?: string;
}

/**
 * Bytes of a text file as text: a BOM decides (UTF-8, UTF-16 LE/BE) and is removed; else strict
 * UTF-8; else windows-1252 (a superset of latin-1 for text), with a note. NUL bytes or many control
 * bytes without a UTF-16 BOM mean a binary file: a ByodError naming the byte. Empty input decodes to ''.
 */
export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3), file, true), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) throw new ByodError('binary', `"${file}" looks like a binary file, not text: byte ${i + 1} is a NUL (0x00) byte. Load a CSV, TSV, Parquet or JSON export.`);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.05) {
    throw new ByodError('binary', `"${file}" looks like a binary file, not text: ${controls} of its first ${sample.length} bytes are control characters. Load a CSV, TSV, Parquet or JSON export.`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      bom: false,
      note: `"${file}" is not valid UTF-8; it was read as Windows-1252 (Western European). If accents or symbols look wrong, save it as UTF-8 and load it again.`,
    };
  }
}

function utf8(bytes: Uint8Array, file: string, bom: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ByodError('encoding', `"${file}" starts with a UTF-8 byte-order mark${bom ? '' : ''} but is not valid UTF-8. Save it again as UTF-8.`);
  }
}
