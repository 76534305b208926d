/**
 * Two files joined on a key the reader confirms (a discount-code sales report and a creator roster):
 * the columns of both offered as one header and a proposal for the key, which the page uses. The
 * join itself runs in the page's engine (src/sql/byod/join.sql, join_counts.sql, joined_rows.sql);
 * joinSides, joinCounts and joinedPrepared below are the same join written in TypeScript, kept only
 * as the SQL tests' independent oracle (tests/sql/byod_join.test.ts): the page never runs them.
 */
import { ByodError } from './errors.ts';
import { nameScore, normaliseName } from './mapping.ts';
import { blanksOf, type Prepared, type PreparedSide } from './prepare.ts';

const ROLE_COLUMNS = ['handle', 'reach', 'engagement', 'cost', 'conversions', 'revenue', 'topics'] as const;

/** A column of the joined header: which file (0 first, 1 second) and its name there. */
export interface Origin {
  file: 0 | 1;
  name: string;
}

/** The columns of both files as one header: the second file's names that the first also has get the file's name after them. */
export function combineNames(first: string[], second: string[], secondFile: string): { names: string[]; origin: Map<string, Origin> } {
  const origin = new Map<string, Origin>();
  const taken = new Set(first.map((n) => n.trim().toLowerCase()));
  for (const name of first) origin.set(name, { file: 0, name });
  for (const name of second) {
    let shown = taken.has(name.trim().toLowerCase()) ? `${name} (${secondFile})` : name;
    for (let k = 2; origin.has(shown); k++) shown = `${name} (${secondFile}, ${k})`;
    origin.set(shown, { file: 1, name });
  }
  return { names: [...origin.keys()], origin };
}

/**
 * The key to propose: a column name the two files share (the most key-like first: a discount code
 * or a handle by its name), else the most key-like column of each, else the first columns.
 */
export function proposeKey(first: string[], second: string[]): [string, string] {
  const keyScore = (n: string) => nameScore(n, 'handle');
  const shared = first.filter((a) => second.some((b) => normaliseName(b) === normaliseName(a)));
  if (shared.length) {
    const a = shared.reduce((best, n) => (keyScore(n) > keyScore(best) ? n : best));
    return [a, second.find((b) => normaliseName(b) === normaliseName(a))!];
  }
  const best = (names: string[]) => names.reduce((b, n) => (keyScore(n) > keyScore(b) ? n : b));
  return [best(first), best(second)];
}

/** A key as join.sql compares it: spaces around it trimmed (DuckDB's trim), case ignored; blank is no key. */
export const joinKey = (key: string | null | undefined): string | null => {
  if (key === null || key === undefined) return null;
  const k = key.replace(/^ +| +$/g, '').toLowerCase();
  return k === '' ? null : k;
};

/** The rows of join.sql: one per match and one per unmatched row, in its order. */
export interface Joined {
  side: ('both' | 'first' | 'second')[];
  /** 1-based file rows (null on the side a row does not come from). */
  firstRow: (number | null)[];
  secondRow: (number | null)[];
  key: string[];
  firstKeyRows: number[];
  secondKeyRows: number[];
  /** The role columns, row by row, taken from the file that has them. */
  columns: Pick<PreparedSide, (typeof ROLE_COLUMNS)[number]>;
  /** Indices of the rows on both sides. */
  matched: number[];
}

/** join.sql on two prepared files (each with its key column). */
export function joinSides(first: PreparedSide, second: PreparedSide): Joined {
  if (!first.key || !second.key) throw new Error('joinSides needs the key column of both files');
  const kf = first.key.map(joinKey);
  const ks = second.key.map(joinKey);
  const rowsOf = new Map<string, number[]>();
  ks.forEach((k, j) => k !== null && (rowsOf.get(k) ?? rowsOf.set(k, []).get(k)!).push(j));
  const firstCount = new Map<string, number>();
  for (const k of kf) if (k !== null) firstCount.set(k, (firstCount.get(k) ?? 0) + 1);
  const pairs: [number | null, number | null][] = [];
  kf.forEach((k, i) => {
    const js = k === null ? undefined : rowsOf.get(k);
    if (js) for (const j of js) pairs.push([i, j]);
    else pairs.push([i, null]);
  });
  ks.forEach((k, j) => (k === null || !firstCount.has(k)) && pairs.push([null, j]));
  const n = pairs.length;
  const out: Joined = { side: [], firstRow: [], secondRow: [], key: [], firstKeyRows: [], secondKeyRows: [], columns: {} as Joined['columns'], matched: [] };
  pairs.forEach(([i, j], r) => {
    out.side.push(i !== null && j !== null ? 'both' : i !== null ? 'first' : 'second');
    if (i !== null && j !== null) out.matched.push(r);
    out.firstRow.push(i === null ? null : i + 1);
    out.secondRow.push(j === null ? null : j + 1);
    out.key.push(i !== null ? first.key![i] : second.key![j!]);
    const k = i !== null ? kf[i] : ks[j!];
    out.firstKeyRows.push(k === null || i === null ? 0 : firstCount.get(k)!);
    out.secondKeyRows.push(k === null || j === null ? 0 : rowsOf.get(k)!.length);
  });
  // Each role from the file that has it (coalesce: a role's column is in one file only).
  for (const role of ROLE_COLUMNS) {
    const a = first[role];
    const b = second[role];
    if (!a && !b) {
      (out.columns as Record<string, unknown>)[role] = null;
      continue;
    }
    const pick = (r: number) => {
      const [i, j] = pairs[r];
      const fromA = i !== null && a ? a[i] : undefined;
      const fromB = j !== null && b ? b[j] : undefined;
      const blankA = fromA === undefined || (typeof fromA === 'number' && Number.isNaN(fromA));
      return blankA ? fromB : fromA;
    };
    if (role === 'handle') out.columns.handle = Array.from({ length: n }, (_, r) => (pick(r) as string | undefined) ?? '');
    else if (role === 'topics') out.columns.topics = Array.from({ length: n }, (_, r) => (pick(r) as string[] | undefined) ?? []);
    else out.columns[role] = Float64Array.from({ length: n }, (_, r) => (pick(r) as number | undefined) ?? NaN);
  }
  return out;
}

/** What the reader is told about a join: matched rows, unmatched rows on each side (with an example key), repeated keys. */
export interface JoinCounts {
  matched: number;
  unmatched: [number, number];
  /** A key of each file that found no match (blank when none, or only blank keys). */
  example: [string, string];
  /** Distinct keys of the matched rows that more than one row of each file has. */
  repeated: [number, number];
}

export function joinCounts(j: Joined): JoinCounts {
  const counts: JoinCounts = { matched: j.matched.length, unmatched: [0, 0], example: ['', ''], repeated: [0, 0] };
  const repeated: [Set<string>, Set<string>] = [new Set(), new Set()];
  j.side.forEach((side, r) => {
    if (side === 'both') {
      if (j.firstKeyRows[r] > 1) repeated[0].add(joinKey(j.key[r])!);
      if (j.secondKeyRows[r] > 1) repeated[1].add(joinKey(j.key[r])!);
      return;
    }
    const s = side === 'first' ? 0 : 1;
    counts.unmatched[s]++;
    if (!counts.example[s] && joinKey(j.key[r])) counts.example[s] = j.key[r].trim();
  });
  counts.repeated = [repeated[0].size, repeated[1].size];
  return counts;
}

/** The joined rows (those on both sides) as the prepared columns the analysis reads; a required role in neither file is the ByodError prepare gives. */
export function joinedPrepared(j: Joined, file: string): Prepared {
  for (const role of ['reach', 'conversions'] as const) {
    if (!j.columns[role]) throw new ByodError('unmapped', `Choose the column of "${file}" that holds ${role === 'reach' ? 'the reach (followers or audience size)' : 'the conversions (sales, sign-ups)'}: none was recognised by its name.`);
  }
  const rows = j.matched;
  const nums = (c: Float64Array | null) => (c ? Float64Array.from(rows, (r) => c[r]) : null);
  const p: Prepared = {
    rows: rows.length,
    handle: j.columns.handle ? rows.map((r) => j.columns.handle![r]) : null,
    reach: nums(j.columns.reach)!,
    engagement: nums(j.columns.engagement),
    cost: nums(j.columns.cost),
    conversions: nums(j.columns.conversions)!,
    revenue: nums(j.columns.revenue),
    topics: j.columns.topics ? rows.map((r) => j.columns.topics![r]) : null,
    blanks: {},
  };
  p.blanks = blanksOf(p);
  return p;
}
