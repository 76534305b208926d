import { format } from 'd3-format';

/**
 * How numbers read everywhere on the site (prose, tables, summaries, downloads' status lines):
 * d3-format's en-US locale, which writes the typographic minus (−) and drops the sign of a value
 * that rounds to zero; an en dash for "not defined" (NaN, ±Infinity).
 */
const NOT_DEFINED = '–';
const formatters = new Map<string, (v: number) => string>();

/** A finite number by a d3-format specifier (e.g. ',.2f', '.1%', '$,.0f'); an en dash otherwise. */
export function formatNumber(v: number, specifier: string): string {
  if (!Number.isFinite(v)) return NOT_DEFINED;
  let f = formatters.get(specifier);
  if (!f) formatters.set(specifier, (f = format(specifier)));
  return f(v);
}

export const fixed = (v: number, digits = 2): string => formatNumber(v, `.${digits}f`);
export const percent = (v: number, digits = 0): string => formatNumber(v, `.${digits}%`);
export const count = (v: number): string => formatNumber(v, ',.0f');
/** A value in a data table: grouped, at most three decimals, trailing zeros dropped (1,234.5; −0.352). */
export const tableValue = (v: number): string => formatNumber(v, ',.3~f');
/** Whole dollars: $1,234. */
export const usd = (v: number): string => formatNumber(v, '$,.0f');
/** Dollars and cents: $1,234.50. */
export const usdCents = (v: number): string => formatNumber(v, '$,.2f');
/** A difference with its sign always written: +0.12, −0.05. */
export const signed = (v: number, digits = 2): string => (v > 0 ? '+' : '') + fixed(v, digits);
/** A constant of the simulator as its tables show it: whole and grouped from 1,000, else four significant digits (0.0001235). */
export const constant = (v: number): string => formatNumber(v, Math.abs(v) >= 1000 ? ',.0f' : '.4~g');
/** A ratio said as a multiple: 3.2 → "3.2×", 0.5 → "0.5×", 12.4 → "12×". */
export const times = (v: number): string => (Number.isFinite(v) ? `${formatNumber(v, v >= 10 ? '.0f' : '.1f')}×` : NOT_DEFINED);
