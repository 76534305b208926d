/**
 * Numbers as people write them: plain and exponent notation, thousands separators, a currency sign
 * or code around the number (`$1,200.00`, `€1.200,50`, `1200 USD`), a percent sign (`3.4%` is 3.4),
 * and k/M/B suffixes (`12.5K`, `1.2M`).
 */

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
export function decideColumn(values: unknown[], fallback: DecimalMark): ColumnDecision {
  let dots = 0;
  let commas = 0;
  let example: string | undefined;
  for (const v of values) {
    const e = cellEvidence(v);
    if (e === '.') dots++;
    else if (e === ',') commas++;
    else if (e === 'ambiguous') example ??= String(v).trim();
  }
  if (dots === 0 && commas === 0) return { mark: fallback, by: 'default', ambiguous: example !== undefined, example, conflicts: 0 };
  const mark: DecimalMark = dots > commas ? '.' : commas > dots ? ',' : fallback;
  return { mark, by: 'values', ambiguous: false, conflicts: mark === '.' ? commas : dots };
}
