import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { tableFromIPC, tableToIPC, vectorFromArray, Table, Utf8 } from 'apache-arrow';
import { browserSuite } from './browser.ts';
import { openWorld } from '../../src/lib/db/world.ts';
import { runQuery } from '../../src/lib/db/run.ts';
import { toCsv } from '../../src/lib/data/csv.ts';
import { DEFAULT_STATE, queryParams, type ExploreState } from '../../src/lib/explore/state.ts';

const baseURL = inject('baseURL');

const suite = browserSuite(baseURL);
const open = (path = 'explore/', options = {}) => suite.open(path, options);

const waitLive = (page: Page) => page.waitForFunction(() => document.querySelector('explore-view')?.getAttribute('data-state') === 'live' && !document.querySelector('explore-view')?.hasAttribute('aria-busy'), null, { timeout: 45_000 });
const column = (page: Page, n: number) => page.locator(`.explore-table tbody tr td:nth-child(${n})`).allTextContents();
const summary = (page: Page) => page.locator('[data-summary]').textContent();
const rowsMatching = async (page: Page) => Number((await summary(page))!.match(/^([\d,]+) rows? match/)?.[1].replaceAll(',', '') ?? 0);

/** The filtered rows the same SQL gives on DuckDB for Node (the build's engine) for a state. */
async function expected(state: ExploreState) {
  const db = await openWorld();
  try {
    return (await runQuery(db, 'explore_accounts', queryParams(state, { all: true }))).frame;
  } finally {
    db.close();
  }
}

async function download(page: Page, format: string) {
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }).catch(async (e) => {
      throw new Error(`no ${format} download; status: ${await page.locator('[data-download-status]').textContent()}; ${e}`);
    }),
    page.locator(`[data-download="${format}"]`).click(),
  ]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

describe('Explore page', () => {
  it('the first page of the table is in the static HTML (JavaScript off)', async () => {
    const { page, context } = await open('explore/', { javaScriptEnabled: false });
    expect(await page.locator('.explore-table tbody tr').count()).toBe(50);
    expect(await summary(page)).toMatch(/rows match · showing 1–50 · page 1 of/);
    const frame = await expected(DEFAULT_STATE);
    expect(await column(page, 2)).toEqual(Array.from(frame.columns.handle).slice(0, 50));
    await context.close();
  });

  it('filters change the rows, the count and the URL; a copied link restores the view', async () => {
    const { page, context, errors } = await open();
    const total = await rowsMatching(page);
    const brand = await page.locator('#ex-brand option').nth(1).getAttribute('value');
    const tier = await page.locator('#ex-tier option').nth(1).getAttribute('value');
    await page.selectOption('#ex-brand', brand!);
    await waitLive(page);
    await page.selectOption('#ex-tier', tier!);
    await page.waitForFunction((t) => new URL(location.href).searchParams.get('tier') === t, tier);
    await waitLive(page);
    const filtered = await rowsMatching(page);
    expect(filtered).toBeLessThan(total);
    expect(new Set(await column(page, 1))).toEqual(new Set([brand]));
    expect(new Set(await column(page, 4))).toEqual(new Set([tier]));
    await page.fill('#ex-fmin', '1000');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('fmin') === '1000');
    await waitLive(page);
    await page.getByRole('button', { name: /^Followers/ }).click(); // sort by followers, descending first
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'followers');
    await waitLive(page);
    const state: ExploreState = { ...DEFAULT_STATE, brand: brand!, tier: tier!, followersMin: 1000, sort: 'followers', descending: true };
    const frame = await expected(state);
    expect(await rowsMatching(page)).toBe(frame.length);
    expect(await column(page, 2)).toEqual(Array.from(frame.columns.handle).slice(0, 50));
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/Followers/);

    const url = page.url();
    const again = await open(url.slice(baseURL.length));
    await waitLive(again.page);
    expect(await again.page.locator('#ex-brand').inputValue()).toBe(brand);
    expect(await again.page.locator('#ex-tier').inputValue()).toBe(tier);
    expect(await again.page.locator('#ex-fmin').inputValue()).toBe('1000');
    expect(await column(again.page, 2)).toEqual(await column(page, 2));
    expect(errors).toEqual([]);
    await again.context.close();
    await context.close();
  });

  it('pages through the rows with LIMIT/OFFSET; garbage in the URL falls back to defaults', async () => {
    const { page, context } = await open('explore/?brand=<script>&tier=giga&fmin=abc&smax=1e9&sort=handle;DROP&dir=up&size=7&page=2');
    await waitLive(page);
    expect(await page.locator('#ex-brand').inputValue()).toBe('');
    expect(await page.locator('#ex-fmin').inputValue()).toBe('');
    const frame = await expected({ ...DEFAULT_STATE, page: 2 });
    expect(await summary(page)).toMatch(/showing 51–100 · page 2 of/);
    expect(await column(page, 2)).toEqual(Array.from(frame.columns.handle).slice(50, 100));
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '3');
    await waitLive(page);
    expect(await column(page, 2)).toEqual(Array.from(frame.columns.handle).slice(100, 150));
    await context.close();
  });

  it('downloads exactly the filtered rows (all pages) as CSV, Parquet, JSON and Arrow, with provenance', async () => {
    const { page, context } = await open();
    const brand = (await page.locator('#ex-brand option').nth(1).getAttribute('value'))!;
    await page.selectOption('#ex-brand', brand);
    await waitLive(page);
    await page.fill('#ex-smin', '10');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('smin') === '10');
    await waitLive(page);
    const state: ExploreState = { ...DEFAULT_STATE, brand, scoreMin: 10 };
    const frame = await expected(state);
    expect(frame.length).toBeGreaterThan(50); // more than one page
    expect(await rowsMatching(page)).toBe(frame.length);
    const stem = `influencers_brand-${brand}_score-10-max`;

    const csv = await download(page, 'csv');
    expect(csv.name).toBe(`${stem}.csv`);
    expect(csv.bytes.toString('utf8')).toBe(toCsv(frame));
    const visible = await column(page, 2);
    expect(csv.bytes.toString('utf8').split('\r\n').slice(1, 51).map((l) => l.split(',')[2])).toEqual(visible);

    const prov = await download(page, 'provenance');
    expect(prov.name).toBe(`${stem}.provenance.json`);
    const p = JSON.parse(prov.bytes.toString('utf8'));
    const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8'));
    expect(p).toMatchObject({ dataset_version: manifest.version, query: 'explore_accounts', rows: frame.length, parameters: queryParams(state, { all: true }) });
    expect(p.sql).toBe(readFileSync('src/sql/explore/accounts.sql', 'utf8').trim());
    expect(p.bound_values.length).toBe((p.bound_sql.match(/\?/g) ?? []).length);

    const parquet = await download(page, 'parquet');
    expect(parquet.name).toBe(`${stem}.parquet`);
    const buffer = parquet.bytes.buffer.slice(parquet.bytes.byteOffset, parquet.bytes.byteOffset + parquet.bytes.byteLength);
    const rows = await parquetReadObjects({ file: buffer });
    expect(rows.length).toBe(frame.length);
    for (const name of frame.names) {
      expect(rows.map((r) => (typeof r[name] === 'bigint' ? Number(r[name]) : r[name])), name).toEqual(Array.from(frame.columns[name] as ArrayLike<unknown>));
    }
    const kv = parquetMetadata(buffer).key_value_metadata!.find((k) => k.key === 'provenance')!;
    expect(JSON.parse(kv.value!)).toMatchObject({ dataset_version: manifest.version, rows: frame.length, parameters: p.parameters });

    const json = await download(page, 'json');
    expect(json.name).toBe(`${stem}.json`);
    const j = JSON.parse(json.bytes.toString('utf8'));
    expect(j.provenance).toMatchObject({ sql: p.sql, parameters: p.parameters, dataset_version: manifest.version });
    expect(j.rows.length).toBe(frame.length);
    expect(j.rows.map((r: Record<string, unknown>) => r.handle)).toEqual(Array.from(frame.columns.handle));
    expect(j.rows.map((r: Record<string, unknown>) => r.score)).toEqual(Array.from(frame.columns.score as ArrayLike<number>));

    const arrow = await download(page, 'arrow');
    expect(arrow.name).toBe(`${stem}.arrow`);
    const table = tableFromIPC(arrow.bytes);
    expect(table.numRows).toBe(frame.length);
    expect(JSON.parse(table.schema.metadata.get('provenance')!)).toMatchObject({ sql: p.sql, parameters: p.parameters });
    for (const name of frame.names) {
      expect(Array.from(table.getChild(name)!.toArray() as ArrayLike<unknown>, (v) => (typeof v === 'bigint' ? Number(v) : v)), name).toEqual(Array.from(frame.columns[name] as ArrayLike<unknown>));
    }
    await context.close();
  });

  it('a handle that looks like a formula is escaped in the CSV download (and not in the other formats)', async () => {
    const session = await suite.blank();
    // Serve the shipped influencers table with one handle turned into a spreadsheet formula.
    await session.context.route(/\/data\/influencers\.arrow/, async (route) => {
      const response = await route.fetch();
      const t = tableFromIPC(new Uint8Array(await response.body()));
      const handles = Array.from(t.getChild('handle')!.toArray() as string[]);
      handles[0] = '=HYPERLINK("http://evil.example","x")';
      const columns = Object.fromEntries(t.schema.fields.map((f) => [f.name, f.name === 'handle' ? vectorFromArray(handles, new Utf8()) : t.getChild(f.name)!]));
      await route.fulfill({ response, body: Buffer.from(tableToIPC(new Table(columns), 'stream')) });
    });
    await session.page.goto(`${baseURL}explore/`);
    await session.page.fill('#ex-handle', 'HYPERLINK');
    await session.page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'HYPERLINK');
    await waitLive(session.page);
    expect(await column(session.page, 2)).toContain('=HYPERLINK("http://evil.example","x")');
    const csv = (await download(session.page, 'csv')).bytes.toString('utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    const json = JSON.parse((await download(session.page, 'json')).bytes.toString('utf8'));
    expect(json.rows[0].handle).toBe('=HYPERLINK("http://evil.example","x")');
    await session.context.close();
  });
});
