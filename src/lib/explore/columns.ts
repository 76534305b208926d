/**
 * How the explore table shows each column: its heading, whether it is a number (right-aligned,
 * tabular) and how a value is written. Shared by the build (the pre-rendered first page) and the
 * browser, so the two render identical cells.
 */
import type { SortKey } from './state.ts';
import { count, formatNumber } from '../format.ts';

export interface ColumnView {
  name: SortKey;
  label: string;
  numeric: boolean;
  format: (v: unknown) => string;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const num = (specifier: string) => (v: unknown) => (v === null || v === undefined || v === '' ? '–' : formatNumber(Number(v), specifier));
const int = ',.0f';
const two = ',.2f';
const usd = '$,.2f';

export const COLUMN_VIEWS: ColumnView[] = [
  { name: 'brand', label: 'Brand', numeric: false, format: text },
  { name: 'handle', label: 'Handle', numeric: false, format: text },
  { name: 'influencer_id', label: 'Account id', numeric: true, format: text },
  { name: 'tier', label: 'Tier', numeric: false, format: text },
  { name: 'topic', label: 'Niche topic', numeric: false, format: text },
  { name: 'followers', label: 'Followers', numeric: true, format: num(int) },
  { name: 'reactions_per_post', label: 'Reactions / post', numeric: true, format: num(two) },
  { name: 'score', label: 'Reach score', numeric: true, format: num(two) },
  { name: 'cost', label: 'Cost of a post', numeric: true, format: num(usd) },
  { name: 'conversions', label: 'Conversions', numeric: true, format: num(int) },
  { name: 'revenue', label: 'Revenue', numeric: true, format: num(usd) },
];

/** The cells of one row of a frame-like column set, as text in COLUMN_VIEWS order. */
export function rowCells(columns: Record<string, ArrayLike<unknown>>, i: number): string[] {
  return COLUMN_VIEWS.map((c) => c.format(columns[c.name]?.[i]));
}

/** "1,234 rows match · page 2 of 25" */
export function summaryText(rows: number, page: number, pageSize: number): string {
  const pages = Math.max(1, Math.ceil(rows / pageSize));
  const first = rows === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(rows, page * pageSize);
  return rows === 0
    ? 'No rows match these filters.'
    : `${count(rows)} ${rows === 1 ? 'row matches' : 'rows match'} · showing ${count(first)}–${count(last)} · page ${count(page)} of ${count(pages)}`;
}

/**
 * The SQL that counts the rows of the explore query: the query file's own text up to its final
 * top-level ORDER BY (so the filters have one home, and counting never sorts), wrapped in count(*).
 * Bind it with the same parameters.
 */
export function countSql(text: string): string {
  const at = text.search(/^ORDER BY[\s\S]*$/m);
  if (at < 0) throw new Error('the explore query has no ORDER BY line to count up to');
  return `SELECT count(*)::DOUBLE AS n FROM (\n${text.slice(0, at).trim()}\n) AS filtered`;
}
