import type { Frame } from './frame.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A frame as RFC 4180 CSV. With `escapeFormulas` (every download), a text cell starting with
 * = + - @ tab or CR gets a leading apostrophe (OWASP CSV injection); numbers are never escaped,
 * so a negative number stays a number. null/undefined/NaN become empty cells.
 */
export function toCsv(frame: Frame, { escapeFormulas = true }: { escapeFormulas?: boolean } = {}): string {
  const lines = [frame.names.map((n) => cell(n, escapeFormulas)).join(',')];
  const cols = frame.names.map((n) => frame.columns[n]);
  for (let i = 0; i < frame.length; i++) {
    let line = '';
    for (let j = 0; j < cols.length; j++) {
      if (j) line += ',';
      line += cell(cols[j][i], escapeFormulas);
    }
    lines.push(line);
  }
  return lines.join('\r\n') + '\r\n';
}

function cell(v: unknown, escapeFormulas: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  let s = String(v);
  if (escapeFormulas && FORMULA_START.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
}
