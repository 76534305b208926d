/**
 * Numbers as people write them: plain and exponent notation, thousands separators, a currency sign
 * or code around the number (`$1,200.00`, `€1.200,50`, `1200 USD`), a percent sign (`3.4%` is 3.4),
 * and k/M/B suffixes (`12.5K`, `1.2M`).
 */
import { cellAt, TextColumn, type Column } from './delimited.ts';

/** Which character separates the decimals of a column: '.' (1,200.50) or ',' (1.200,50). */
export type DecimalMark = '.' | ',';

const CURRENCY = /^[$€£¥]|[$€£¥%]$|^(usd|eur|gbp|cad|aud)(?=[\d.,+-])|(usd|eur|gbp|cad|aud)$/gi;
const SUFFIX = /([kmb])$/i;
const SIMPLE = /^(\d+)([.,])(\d+)$/;
const SCALE = { k: 3, m: 6, b: 9 } as const; // powers of ten

/** A cell's text with blanks, currency, percent and suffix removed: the sign, digits and separators, and the suffix's power of ten. */
function strip(v: string): { s: string; scale: number } | null {
  let s = v.trim().replace(/[\u00a0\u202f ]/g, '');
  if (s === '' || /^(na|n\/a|null|none|-|–)$/i.test(s)) return null;
  s = s.replace(CURRENCY, '');
  let scale = 0;
  const suffix = SUFFIX.exec(s);
  if (suffix) {
    scale = SCALE[suffix[1].toLowerCase() as keyof typeof SCALE];
    s = s.slice(0, -1);
  }
  return { s, scale };
}

/**
 * A number from a cell, read with the column's decimal mark (`decimalComma`: true for ','). Blank
 * cells, null and undefined are missing (value null); anything else that is not a number gives
 * NaN. Typed numbers pass through (booleans are not numbers).
 */
export function parseNumber(v: unknown, decimalComma: boolean): { value: number | null } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : NaN };
  if (typeof v === 'bigint') return { value: Number(v) };
  if (typeof v !== 'string') return { value: NaN };
  const stripped = strip(v);
  if (!stripped) return { value: null };
  let { s } = stripped;
  if (decimalComma) {
    if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    else if (/^[+-]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  } else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { value: NaN };
  // 560.8K is read as the decimal 560.8e3 (exactly 560800), not 560.8 × 1000 (560800.0000000001).
  return { value: stripped.scale && !/e/i.test(s) ? Number(`${s}e${stripped.scale}`) : Number(s) * 10 ** stripped.scale };
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact up to 1e22

/** A currency sign that may lead a number ($, €, £, ¥). */
const isSign = (c: number) => c === 36 || c === 8364 || c === 163 || c === 165;

/**
 * The number written in text[start, end) when it is written plainly (most cells of large exports):
 * digits with a decimal mark, thousands groups of three (',' with a decimal point) and a leading
 * currency sign, read from the character codes without making a string. Null for a blank cell,
 * undefined when the cell needs the full reading (parseNumber); otherwise exactly parseNumber's
 * value: an integer mantissa below 2^53 divided by an exact power of ten is the correctly rounded
 * double of the decimal, as Number() gives.
 */
export function plainNumber(text: string, start: number, end: number, decimalComma: boolean): number | null | undefined {
  if (start === end) return null;
  let p = isSign(text.charCodeAt(start)) ? start + 1 : start;
  const point = decimalComma ? 44 : 46;
  const group = decimalComma ? -1 : 44; // with a decimal comma, '.' groups: left to parseNumber
  let m = 0;
  let digits = 0;
  let frac = -1;
  let run = 0;
  let groups = 0;
  for (; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      run++;
      if (frac >= 0) frac++;
    } else if (c === point && frac < 0) {
      if (groups && run !== 3) return undefined;
      frac = 0;
      run = 0;
    } else if (c === group && frac < 0) {
      if (groups ? run !== 3 : run < 1 || run > 3) return undefined;
      groups++;
      run = 0;
    } else return undefined;
  }
  if (groups && (frac < 0 ? run !== 3 : frac === 0)) return undefined; // 1,23 or 1,234.
  if (decimalComma && frac === 0) return undefined; // 12, is not a number
  if (digits === 0 || m >= 9007199254740992 || frac > 22) return undefined;
  return frac > 0 ? m / POW10[frac] : m;
}

/**
 * What the cell text[start, end) says about its column's decimal mark, read from the character
 * codes for cells of digits and separators (with a leading currency sign); undefined when the cell
 * needs cellEvidence. The same answer as cellEvidence.
 */
export function plainEvidence(text: string, start: number, end: number): DecimalMark | 'ambiguous' | null | undefined {
  const from = isSign(text.charCodeAt(start)) ? start + 1 : start;
  let dots = 0;
  let commas = 0;
  let last = -1;
  for (let p = from; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 46) dots++;
    else if (c === 44) commas++;
    else if (c < 48 || c > 57) return undefined;
    else continue;
    last = p;
  }
  if (dots + commas === 0) return null;
  if (dots && commas) return text.charCodeAt(last) === 46 ? '.' : ','; // 1,200.50 or 1.200,50: the last one is the decimal mark
  const mark: DecimalMark = dots ? '.' : ',';
  const sep = dots ? 46 : 44;
  // The lengths of the digit groups between the separators.
  let first = -1;
  let run = 0;
  let threes = true;
  for (let p = from; p <= end; p++) {
    if (p === end || text.charCodeAt(p) === sep) {
      if (first < 0) first = run;
      else if (run !== 3) threes = false;
      run = 0;
    } else run++;
  }
  if (dots + commas > 1) return first >= 1 && first <= 3 && threes ? (mark === '.' ? ',' : '.') : null; // 1,200,000: thousands
  const lastRun = end - last - 1;
  if (first >= 1 && first <= 3 && lastRun === 3 && !(first === 1 && text.charCodeAt(from) === 48)) return 'ambiguous'; // 1,200 or 1.200
  return lastRun >= 1 ? mark : null; // 80,5 or 0.125 or 12.50: a decimal mark
}

/** What one cell says about its column's decimal mark: decisive for one mark, ambiguous (`1,200`, `1.200`), or nothing. */
export function cellEvidence(v: unknown): DecimalMark | 'ambiguous' | null {
  if (typeof v !== 'string') return null;
  // Fast paths for the common cells of large exports: no separator at all, or digits with one separator.
  if (v.indexOf('.') < 0 && v.indexOf(',') < 0) return null;
  const simple = SIMPLE.exec(v);
  if (simple) return simple[1].length <= 3 && simple[3].length === 3 && simple[1] !== '0' ? 'ambiguous' : (simple[2] as DecimalMark);
  const stripped = strip(v);
  if (!stripped) return null;
  const s = stripped.s.replace(/^[+-]/, '');
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ','; // 1,200.50 or 1.200,50: the last one is the decimal mark
  const mark = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (!mark) return null;
  const other: DecimalMark = mark === '.' ? ',' : '.';
  const groups = s.split(mark);
  if (groups.length > 2) return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g)) ? other : null; // 1,200,000: thousands
  if (stripped.scale !== 0) return mark; // 12.5K, 1,2M: a suffix follows a decimal, never a thousands group
  if (/^\d{1,3}$/.test(groups[0]) && /^\d{3}$/.test(groups[1]) && groups[0] !== '0') return 'ambiguous'; // 1,200 or 1.200
  return /^\d*$/.test(groups[0]) && /^\d+$/.test(groups[1]) ? mark : null; // 80,5 or 0.125 or 12.50: a decimal mark
}

export interface ColumnDecision {
  /** The decimal mark the column is read with. */
  mark: DecimalMark;
  /** How it was decided: by its values, or (no value decided it) by the file's delimiter. */
  by: 'values' | 'default';
  /** Whether values like `1,200` were seen that read differently under the two marks, and none decided. */
  ambiguous: boolean;
  /** A value that shows the ambiguity, for the question put to the reader. */
  example?: string;
  /** Cells that contradict the decision (a column mixing both conventions). */
  conflicts: number;
}

/**
 * The decimal mark of a column, from all its values: every cell that can only be read one way
 * (1,200.50; 1.200,50; 80,5; 1,200,000; 12.5K) votes, and the majority decides. When no cell
 * decides, the file's convention decides (a semicolon file: decimal comma) and, if some cells read
 * differently under the two marks (`1,200`: 1200 or 1.2), the column is ambiguous: ask the reader.
 */
export function decideColumn(values: Column, fallback: DecimalMark): ColumnDecision {
  let dots = 0;
  let commas = 0;
  let example: string | undefined;
  const text = values instanceof TextColumn ? values.scan : null;
  for (let i = 0; i < values.length; i++) {
    let e: DecimalMark | 'ambiguous' | null | undefined;
    if (text) {
      const k = (values as TextColumn).cell(i);
      if (!text.special.size || !text.special.has(k)) e = plainEvidence(text.text, text.bounds[2 * k], text.bounds[2 * k + 1]);
    }
    const v = e === undefined || e === 'ambiguous' ? cellAt(values, i) : null;
    if (e === undefined) e = cellEvidence(v);
    if (e === '.') dots++;
    else if (e === ',') commas++;
    else if (e === 'ambiguous') example ??= String(v).trim();
  }
  if (dots === 0 && commas === 0) return { mark: fallback, by: 'default', ambiguous: example !== undefined, example, conflicts: 0 };
  const mark: DecimalMark = dots > commas ? '.' : commas > dots ? ',' : fallback;
  return { mark, by: 'values', ambiguous: false, conflicts: mark === '.' ? commas : dots };
}
