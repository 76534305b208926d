/**
 * The benchmark's large "Your data" file: a creator-platform export with one row per account,
 * 1,000,000 rows and ten columns of text as such exports hold them (handles, follower counts, a fee
 * with a currency sign and thousands separators, quoted; promo codes, code uses, revenue, a
 * category, a country and a date), about 95 MB, under the page's 100 MB limit. Deterministic (an
 * integer hash of the row number), written in chunks; never committed and never under public/.
 * `node tests/bench/byod-large.ts [FILE] [ROWS]` writes it (default .bench/byod-1m.csv).
 */
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const HEADER = ['Handle', 'Followers', 'Avg likes', 'Fee (USD)', 'Promo code', 'Code uses', 'Revenue', 'Category', 'Country', 'Posted'];
const CATEGORIES = ['Beauty', 'Fitness; Wellness', 'Gaming', 'Food', 'Travel', 'Parenting', 'Tech', 'Fashion', 'Yoga; Wellness', 'Finance'];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'BR', 'IN', 'CA', 'AU', 'MX', 'ES'];

/** A deterministic value in [0, 1) from a row number and a salt. */
const u = (i: number, salt: number) => ((Math.imul(i + 11, 2654435761) ^ Math.imul(salt + 5, 40503)) >>> 0) / 2 ** 32;
/** 1234.5 as 1,234.50 (toLocaleString is ~20× slower over a million rows). */
const money = (v: number) => {
  const [whole, cents] = v.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
};

/** The values of row i (as numbers, before they are written as text), for a check that the page read them right. */
export function largeRow(i: number) {
  const followers = Math.round(500 * Math.exp(u(i, 1) * 9)); // 500 to ~4M, log-uniform
  const likes = Math.round(followers * (0.005 + 0.05 * u(i, 2)));
  const fee = Math.round((20 + followers * 0.01 * (0.5 + u(i, 3))) * 100) / 100;
  const uses = Math.max(0, Math.round(2 + 20 * u(i, 4) + (u(i, 5) < 0.5 ? Math.log10(1 + followers) : 0)));
  const revenue = Math.round(uses * (15 + 30 * u(i, 6)) * 100) / 100;
  return { handle: `@creator_${i + 1}`, followers, likes, fee, uses, revenue };
}

function line(i: number): string {
  const r = largeRow(i);
  const day = 1 + Math.floor(u(i, 7) * 28);
  return [r.handle, r.followers, r.likes, `"$${money(r.fee)}"`, `${(i + 1).toString(36).toUpperCase()}-SUMMER24`, r.uses, r.revenue.toFixed(2), CATEGORIES[Math.floor(u(i, 8) * 10)], COUNTRIES[Math.floor(u(i, 9) * 10)], `2024-05-${String(day).padStart(2, '0')}T${String(Math.floor(u(i, 10) * 24)).padStart(2, '0')}:00:00Z`].join(',');
}

/** Write the file; its size in bytes. */
export function writeLargeExport(path: string, rows = 1_000_000): number {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, HEADER.map((h) => (h.includes(',') ? `"${h}"` : h)).join(',') + '\r\n');
    const CHUNK = 20_000;
    for (let start = 0; start < rows; start += CHUNK) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(rows, start + CHUNK); i++) lines.push(line(i));
      writeSync(fd, lines.join('\r\n') + '\r\n');
    }
  } finally {
    closeSync(fd);
  }
  return statSync(path).size;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? new URL('../../.bench/byod-1m.csv', import.meta.url).pathname;
  const rows = Number(process.argv[3] ?? 1_000_000);
  const t = performance.now();
  const bytes = writeLargeExport(path, rows);
  console.log(`wrote ${rows.toLocaleString('en-US')} rows, ${(bytes / 1048576).toFixed(1)} MB, in ${((performance.now() - t) / 1000).toFixed(1)} s: ${path}`);
}
