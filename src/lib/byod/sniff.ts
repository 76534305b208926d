export type Format = 'csv' | 'parquet' | 'json';
export type LineEnding = 'CRLF' | 'LF' | 'CR' | 'none';

/** The file's format from its first bytes (Parquet's PAR1 magic; JSON's [ or {), else its extension, else delimited text. */
export function detectFormat(name: string, bytes: Uint8Array): Format {
  if (bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) return 'parquet';
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'parquet') return 'parquet';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x5b || bytes[i] === 0x7b) return 'json';
  if (ext === 'json' || ext === 'ndjson' || ext === 'jsonl') return 'json';
  return 'csv';
}

/** The line ending used first outside quotes: CRLF, LF, CR (old Mac exports) or none (one line). */
export function detectLineEnding(text: string): LineEnding {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\r') return text[i + 1] === '\n' ? 'CRLF' : 'CR';
    else if (!quoted && c === '\n') return 'LF';
  }
  return 'none';
}

const CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of delimited text: of comma, semicolon, tab and pipe, the one that splits the first
 * lines (quotes respected) into the same number of fields, more than one, most consistently; ties
 * go to the one with more fields, then in that order. One column of text gives ','.
 */
export function detectDelimiter(text: string, maxLines = 50): string {
  let best: string = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = fieldCounts(text, d, maxLines);
    if (counts.length === 0) continue;
    const first = counts[0];
    if (first < 2) continue;
    const same = counts.filter((c) => c === first).length / counts.length;
    const score = same * 1000 + Math.min(first, 999);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Fields per record of the first lines, with quotes respected. */
function fieldCounts(text: string, d: string, maxLines: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === d) fields++;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (!empty || fields > 1) counts.push(fields);
      fields = 1;
      empty = true;
      continue;
    }
    if (c !== ' ') empty = false;
  }
  if ((!empty || fields > 1) && counts.length < maxLines) counts.push(fields);
  return counts;
}
