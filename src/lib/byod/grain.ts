/**
 * The grain of a user's rows: one row per account, or several (per post, per ad) when the handle
 * repeats; and the per-account aggregation of src/sql/byod/per_account.sql in TypeScript: the page
 * runs the SQL, and the SQL tests hold it to this independent computation.
 */
import type { Prepared } from './prepare.ts';
import { blanksOf, splitTopics } from './prepare.ts';

export interface Grain {
  /** Rows with a handle. */
  rows: number;
  /** Distinct handles among them. */
  accounts: number;
  /** The most rows one handle has, and that handle. */
  most: number;
  mostHandle: string;
  /** Rows with a blank handle (left out when aggregating). */
  blank: number;
}

const key = (h: string | undefined): string | null => (h === undefined || h.trim() === '' ? null : h);

/** How many rows each account has; null without a handle column, or when no handle repeats. */
export function detectGrain(p: Pick<Prepared, 'rows' | 'handle'>): Grain | null {
  if (!p.handle) return null;
  // One row per account, the usual case, is found with a set of the handles (about half the time of counting them).
  const seen = new Set<string>();
  let blanks = 0;
  for (const h of p.handle) {
    const k = key(h);
    if (k === null) blanks++;
    else seen.add(k);
  }
  if (seen.size + blanks === p.handle.length) return null;
  seen.clear();
  const counts = new Map<string, number>();
  let blank = 0;
  for (const h of p.handle) {
    const k = key(h);
    if (k === null) blank++;
    else counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let most = 0;
  let mostHandle = '';
  for (const [h, n] of counts) if (n > most) [most, mostHandle] = [n, h];
  if (most < 2) return null;
  return { rows: p.rows - blank, accounts: counts.size, most, mostHandle, blank };
}

/** SUM as SQL takes it: blanks (NaN) are left out, and all blanks give a blank. */
const addInto = (acc: number, v: number) => (Number.isNaN(v) ? acc : Number.isNaN(acc) ? v : acc + v);
const maxInto = (acc: number, v: number) => (Number.isNaN(v) ? acc : Number.isNaN(acc) ? v : Math.max(acc, v));

/**
 * One row per handle, in the order handles first appear: the largest reach; the sums of
 * engagement, cost, conversions and revenue; the union of topics. Rows with a blank handle are left out.
 */
export function aggregatePerAccount(p: Prepared): Prepared {
  if (!p.handle) throw new Error('aggregatePerAccount needs a handle column');
  const index = new Map<string, number>();
  const handles: string[] = [];
  const rowsOf: number[][] = [];
  p.handle.forEach((h, i) => {
    const k = key(h);
    if (k === null) return;
    let g = index.get(k);
    if (g === undefined) {
      index.set(k, (g = handles.push(k) - 1));
      rowsOf.push([]);
    }
    rowsOf[g].push(i);
  });
  const fold = (col: Float64Array | null, f: (acc: number, v: number) => number) =>
    col ? Float64Array.from(rowsOf, (rows) => rows.reduce((acc, i) => f(acc, col[i]), NaN)) : null;
  const out: Prepared = {
    rows: handles.length,
    handle: handles,
    reach: fold(p.reach, maxInto)!,
    engagement: fold(p.engagement, addInto),
    cost: fold(p.cost, addInto),
    conversions: fold(p.conversions, addInto)!,
    revenue: fold(p.revenue, addInto),
    topics: p.topics ? rowsOf.map((rows) => splitTopics(rows.flatMap((i) => p.topics![i]).join(';'))) : null,
    blanks: {},
  };
  out.blanks = blanksOf(out);
  return out;
}
