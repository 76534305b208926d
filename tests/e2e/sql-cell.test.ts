import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite } from './browser.ts';

const baseURL = inject('baseURL');
const suite = browserSuite(baseURL);
let page: Page;
let context: BrowserContext;
let errors: string[];

beforeAll(async () => {
  ({ page, context, errors } = await suite.open('explore/'));
});
afterAll(async () => {
  expect(errors).toEqual([]);
  await context.close();
});

/** Type a query, run it with the button and wait until the cell has answered. */
async function run(sql: string) {
  await page.fill('#sql-text', sql);
  await page.evaluate(() => document.querySelector('sql-cell')!.removeAttribute('data-state'));
  await page.getByRole('button', { name: /^Run/ }).click();
  await page.waitForFunction(() => ['done', 'error', 'refused'].includes(document.querySelector('sql-cell')!.getAttribute('data-state') ?? ''), null, { timeout: 45_000 });
  return {
    state: await page.locator('sql-cell').getAttribute('data-state'),
    error: (await page.locator('[data-sql-error]').isVisible()) ? await page.locator('[data-sql-error]').textContent() : '',
    status: await page.locator('[data-sql-status]').textContent(),
  };
}

describe('read-only SQL cell', () => {
  it('runs a SELECT over the loaded tables and shows the result as a table', async () => {
    const r = await run('SELECT slug, name FROM brands ORDER BY slug');
    expect(r.state).toBe('done');
    expect(await page.locator('[data-sql-result] th').allTextContents()).toEqual(['slug', 'name']);
    expect(await page.locator('[data-sql-result] tbody tr').count()).toBeGreaterThan(0);
    expect(r.status).toMatch(/\d+ rows? ·/);
  });

  it("reports the statement's own time, and the engine's start apart when the statement waited for it", async () => {
    const first = await suite.open('explore/');
    await first.page.fill('#sql-text', 'SELECT 42 AS answer');
    await first.page.getByRole('button', { name: /^Run/ }).click();
    await first.page.waitForFunction(() => document.querySelector('sql-cell')!.getAttribute('data-state') === 'done', null, { timeout: 45_000 });
    // The page's first statement started the cell's engine: its status says so, apart from the statement's few milliseconds.
    const cold = (await first.page.locator('[data-sql-status]').textContent())!;
    expect(cold).toMatch(/^1 row · \d+ ms \(and \d+\.\d s to start the engine first\)\.$/);
    expect(Number(/· (\d+) ms/.exec(cold)![1])).toBeLessThan(1000);
    await first.context.close();
    // On an engine already running, only the statement's time.
    const warm = await run('SELECT 42 AS answer');
    expect(warm.status).toMatch(/^1 row · \d+ ms\.$/);
  });

  it.each([
    ['DROP TABLE brands', /DROP is refused: this cell is read-only/],
    ["INSERT INTO brands SELECT * FROM brands", /INSERT is refused/],
    ["ATTACH 'x.duckdb' AS x", /ATTACH is refused/],
    ['INSTALL httpfs', /INSTALL is refused: .*downloads an extension/],
    ['LOAD json', /LOAD is refused/],
    ["SELECT * FROM read_csv('/data/manifest.json')", /read_csv\(\) is refused: it reads files/],
    ["SELECT * FROM 'https://example.com/x.parquet'", /never reaches the network/],
    ['SELECT 1; DROP TABLE brands', /Only one statement/],
    ['SET threads = 1', /SET is refused/],
  ])('refuses %s and says why', async (sql, reason) => {
    const r = await run(sql);
    expect(r.state).toBe('refused');
    expect(r.error).toMatch(reason);
  });

  it('runs a PIVOT with its values named, and says what to do when DuckDB would expand one into two statements', async () => {
    const pivot = await run("PIVOT (SELECT 'a' AS k, 2 AS v UNION ALL SELECT 'b', 3) ON k IN ('a', 'b') USING sum(v)");
    expect(pivot.state).toBe('done');
    expect(await page.locator('[data-sql-result] th').allTextContents()).toEqual(['a', 'b']);
    expect(await page.locator('[data-sql-result] tbody td').allTextContents()).toEqual(['2', '3']);
    const open = await run("PIVOT (SELECT 'a' AS k, 2 AS v) ON k USING sum(v)");
    expect(open.state).toBe('error');
    expect(open.error).toMatch(/DuckDB runs this as more than one statement, and this cell runs one at a time\. \(A PIVOT without an IN list/);
  });

  it('the tables are untouched after the refusals', async () => {
    const r = await run('SELECT count(*)::INTEGER AS n FROM brands');
    expect(r.state).toBe('done');
    expect(Number(await page.locator('[data-sql-result] tbody td').first().textContent())).toBeGreaterThan(0);
  });

  it("shows DuckDB's own error for a query that fails", async () => {
    const r = await run('SELECT no_such_column FROM brands');
    expect(r.state).toBe('error');
    expect(r.error).toMatch(/DuckDB could not run the query: .*no_such_column/);
  });

  it('caps the rows shown at 1,000 and says so', async () => {
    const r = await run('SELECT range AS i FROM range(5000)');
    expect(r.state).toBe('done');
    expect(await page.locator('[data-sql-result] tbody tr').count()).toBe(1000);
    expect(r.status).toMatch(/first 1,000 rows; the query returned more/);
  });

  it('shows markup from the data as text, never as HTML', async () => {
    const r = await run(`SELECT '<img src=x onerror="window.__pwned=1">' AS html`);
    expect(r.state).toBe('done');
    expect(await page.locator('[data-sql-result] tbody td').first().textContent()).toBe('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('[data-sql-result] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('an example query can be picked from the list, and Ctrl+Enter runs it', async () => {
    await page.selectOption('[data-example]', { label: 'Tables' });
    expect(await page.locator('#sql-text').inputValue()).toBe('SHOW TABLES');
    await page.evaluate(() => document.querySelector('sql-cell')!.removeAttribute('data-state'));
    await page.locator('#sql-text').press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('sql-cell')!.getAttribute('data-state') === 'done');
    expect(await page.locator('[data-sql-result] tbody').textContent()).toContain('influencers');
  });
});
