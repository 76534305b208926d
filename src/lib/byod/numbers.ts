/**
 * A number from a cell: plain and exponent notation, thousands separators, a currency sign or a
 * percent sign around it, and k/M/B suffixes (12.5k); with `decimalComma` (semicolon-separated
 * exports) "1.234,5" is 1234.5. Blank cells, null and undefined are missing (value null); anything
 * else that is not a number gives NaN. Typed numbers pass through (booleans are not numbers).
 */
export function parseNumber(v: unknown, decimalComma: boolean): { value: number | null } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : NaN };
  if (typeof v === 'bigint') return { value: Number(v) };
  if (typeof v !== 'string') return { value: NaN };
  let s = v.trim().replace(/[\u00a0\u202f ]/g, '');
  if (s === '' || /^(na|n\/a|null|none|-|–)$/i.test(s)) return { value: null };
  s = s.replace(/^[$€£¥]|[$€£¥%]$|(usd|eur|gbp)$/gi, '');
  let scale = 1;
  const suffix = /([kmb])$/i.exec(s);
  if (suffix) {
    scale = { k: 1e3, m: 1e6, b: 1e9 }[suffix[1].toLowerCase() as 'k'];
    s = s.slice(0, -1);
  }
  if (decimalComma) {
    if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    else if (/^[+-]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  } else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { value: NaN };
  return { value: Number(s) * scale };
}
