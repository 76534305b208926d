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

/**
 * Whether any handle (blanks aside) is on more than one row: one row per account, the usual case,
 * is found with a table of the handles' own hashes (FNV-1a of their characters), in about a quarter
 * of the time a Map of a million handles takes; handles are compared only when their hashes meet.
 */
function repeats(handles: readonly (string | undefined)[]): boolean {
  const size = 2 ** Math.ceil(Math.log2(2 * handles.length + 2));
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(size);
  for (let i = 0; i < handles.length; i++) {
    const h = handles[i];
    if (h === undefined) continue;
    const c0 = h.charCodeAt(0);
    // A handle starting with a visible ASCII character is not blank; anything else is asked the full way.
    if (!(c0 > 32 && c0 < 127) && key(h) === null) continue;
    let hash = 2166136261;
    for (let j = 0; j < h.length; j++) hash = Math.imul(hash ^ h.charCodeAt(j), 16777619);
    let slot = hash & mask;
    for (let at = slots[slot]; at !== -1; at = slots[slot]) {
      if (hashes[slot] === hash && handles[at] === h) return true;
      slot = (slot + 1) & mask;
    }
    slots[slot] = i;
    hashes[slot] = hash;
  }
  return false;
}

/** How many rows each account has; null without a handle column, or when no handle repeats. */
export function detectGrain(p: Pick<Prepared, 'rows' | 'handle'>): Grain | null {
  if (!p.handle) return null;
  if (!repeats(p.handle)) return null;
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
