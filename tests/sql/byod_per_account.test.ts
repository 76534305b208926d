import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine } from './engine.ts';
import { aggregatePerAccount, detectGrain } from '../../src/lib/byod/grain.ts';
import type { Prepared } from '../../src/lib/byod/prepare.ts';

const SQL = readFileSync(new URL('../../src/sql/byod/per_account.sql', import.meta.url), 'utf8');

// 300 posts by 37 accounts (a deterministic hash picks each post's account), with blank cells
// scattered, three rows without a handle, and an account whose revenue is blank on every post.
const N = 300;
const hash = (i: number, salt: number) => ((Math.imul(i + 1, 2654435761) ^ Math.imul(salt, 40503)) >>> 0) / 2 ** 32;
const handle = Array.from({ length: N }, (_, i) => (i % 101 === 7 ? '' : `acct_${Math.floor(hash(i, 1) * 37)}`));
const col = (salt: number, scale: number, blankEvery: number) => Float64Array.from({ length: N }, (_, i) => (i % blankEvery === 3 ? NaN : Math.round(hash(i, salt) * scale * 100) / 100));
const p: Prepared = {
  rows: N,
  handle,
  reach: col(2, 1e6, 41),
  engagement: col(3, 5000, 13),
  cost: col(4, 2500, 17),
  conversions: Float64Array.from(col(5, 30, 29), Math.round),
  revenue: Float64Array.from(col(6, 900, 11), (v, i) => (handle[i] === 'acct_5' ? NaN : v)),
  topics: null,
  blanks: {},
};
const sqlValue = (v: number) => (Number.isNaN(v) ? 'NULL' : String(v));
const rows = handle.map((h, i) => `(${i + 1}, ${h === '' ? "''" : `'${h}'`}, ${['reach', 'engagement', 'cost', 'conversions', 'revenue'].map((r) => sqlValue((p[r as 'reach'] as Float64Array)[i])).join(', ')}, NULL::VARCHAR[])`);
const table = `CREATE TABLE byod_rows AS SELECT * FROM (VALUES ${rows.join(', ')}) t(row, handle, reach, engagement, cost, conversions, revenue, topics)`;

let db: Awaited<ReturnType<typeof fixtureEngine>>;
beforeAll(async () => {
  db = await fixtureEngine([table], { macros: false });
});
afterAll(() => db.close());

describe('per-account aggregation: the SQL the page shows and the TypeScript it runs give the same rows', () => {
  it('same accounts, same sums and maxima (blanks left out, all-blank stays blank)', async () => {
    const r = await db.query(SQL, []);
    const ts = aggregatePerAccount(p);
    const sqlHandles = Array.from(r.columns.handle as string[]);
    expect([...ts.handle!].sort()).toEqual([...sqlHandles].sort());
    expect(sqlHandles.length).toBe(37);
    const tsIndex = new Map(ts.handle!.map((h, g) => [h, g]));
    for (const role of ['reach', 'engagement', 'cost', 'conversions', 'revenue'] as const) {
      const sqlCol = Array.from(r.columns[role] as (number | null)[]);
      sqlHandles.forEach((h, k) => {
        const t = (ts[role] as Float64Array)[tsIndex.get(h)!];
        if (sqlCol[k] === null) expect(t, `${role} of ${h}`).toBeNaN();
        else expect(t, `${role} of ${h}`).toBeCloseTo(sqlCol[k]!, 9);
      });
    }
    expect(Number.isNaN(ts.revenue![tsIndex.get('acct_5')!])).toBe(true);
    // Every row with a handle is counted once.
    expect(Array.from(r.columns.source_rows as number[]).reduce((a, b) => a + b, 0)).toBe(N - handle.filter((h) => h === '').length);
  });

  it('detects the grain: rows per account, the most-repeated handle, rows without a handle', () => {
    const g = detectGrain(p)!;
    const counts = new Map<string, number>();
    for (const h of handle) if (h) counts.set(h, (counts.get(h) ?? 0) + 1);
    expect(g).toEqual({ rows: N - 3, accounts: 37, most: Math.max(...counts.values()), mostHandle: [...counts].find(([, n]) => n === Math.max(...counts.values()))![0], blank: 3 });
    expect(detectGrain({ ...p, rows: 3, handle: ['a', 'b', 'c'] })).toBeNull();
    // Blank handles repeat without making rows per post; one real repeat does.
    expect(detectGrain({ ...p, rows: 5, handle: ['a', '', ' ', 'b', ''] })).toBeNull();
    expect(detectGrain({ ...p, rows: 5, handle: ['a', '', 'b', 'a', ''] })).toEqual({ rows: 3, accounts: 2, most: 2, mostHandle: 'a', blank: 2 });
    const many = Array.from({ length: 200_000 }, (_, i) => `@creator_${i}`);
    expect(detectGrain({ ...p, rows: many.length, handle: many })).toBeNull();
    expect(detectGrain({ ...p, rows: many.length + 1, handle: [...many, '@creator_123456'] })).toEqual({ rows: many.length + 1, accounts: many.length, most: 2, mostHandle: '@creator_123456', blank: 0 });
    expect(detectGrain({ ...p, handle: null })).toBeNull();
  });
});
