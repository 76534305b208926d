import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite } from './browser.ts';
import { CORPUS, FINGERPRINT_SQL, ISSUE_13 } from './sql-cell-corpus.ts';
import { openWorld } from '../../src/lib/db/world.ts';
import { runQuery } from '../../src/lib/db/run.ts';
import { DEFAULT_STATE, queryParams } from '../../src/lib/explore/state.ts';

const baseURL = inject('baseURL');
const suite = browserSuite(baseURL);

/** Type a statement into the real cell, run it with the button, and wait for its answer. */
async function run(page: Page, sql: string) {
  await page.fill('#sql-text', sql);
  await page.evaluate(() => document.querySelector('sql-cell')!.removeAttribute('data-state'));
  await page.getByRole('button', { name: /^Run/ }).click();
  await page.waitForFunction(() => ['done', 'error', 'refused'].includes(document.querySelector('sql-cell')!.getAttribute('data-state') ?? ''), null, { timeout: 60_000 });
  return page.evaluate(() => ({
    state: document.querySelector('sql-cell')!.getAttribute('data-state')!,
    error: document.querySelector<HTMLElement>('[data-sql-error]')!.hidden ? '' : document.querySelector('[data-sql-error]')!.textContent!,
    status: document.querySelector('[data-sql-status]')!.textContent!,
    rows: [...document.querySelectorAll('[data-sql-result] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  }));
}

/** The fingerprint (tables, rows, reach score, macros, databases, settings) as the page's engine sees it. */
async function fingerprint(page: Page) {
  const r = await run(page, FINGERPRINT_SQL);
  expect(r.state, r.error).toBe('done');
  return r.rows[0];
}

/** Rows of the explore table for the default view with one tier, computed on DuckDB for Node. */
async function expectedRows(tier: string) {
  const db = await openWorld();
  try {
    return (await runQuery(db, 'explore_accounts', queryParams({ ...DEFAULT_STATE, tier }, { all: true }))).frame.length;
  } finally {
    db.close();
  }
}

/** Change the explore view's filter and wait until it shows the new rows: the page's other queries still run. */
async function filterStillWorks(page: Page) {
  const tier = (await page.locator('#ex-tier option').nth(2).getAttribute('value'))!;
  await page.selectOption('#ex-tier', tier);
  await page.waitForFunction(() => document.querySelector('explore-view')?.getAttribute('data-state') === 'live' && !document.querySelector('explore-view')?.hasAttribute('aria-busy'), null, { timeout: 45_000 });
  const shown = Number((await page.locator('[data-summary]').textContent())!.match(/^([\d,]+) rows? match/)![1].replaceAll(',', ''));
  expect(shown).toBe(await expectedRows(tier));
}

describe('the read-only SQL cell against hostile statements', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  beforeAll(async () => {
    ({ page, context, errors } = await suite.open('explore/'));
  });
  afterAll(() => context.close());

  it('refuses or rolls back every statement of the corpus; the tables, rows, macros and settings are intact after each', async () => {
    const before = await fingerprint(page);
    // Independently: the rows and the reach score over all accounts on DuckDB for Node.
    const native = await openWorld();
    try {
      const n = (await native.query('SELECT count(*)::INTEGER AS n, round(sum(score), 6)::DOUBLE AS reach FROM reach_score(1, 0.5, 0.5)')).columns;
      expect(Number(before[0])).toBe(n.n[0]);
      expect(Number(before[1])).toBeCloseTo(n.reach[0] as number, 4);
    } finally {
      native.close();
    }
    const outcomes: Record<string, string[]> = { refused: [], error: [], done: [] };
    for (const sql of CORPUS) {
      const r = await run(page, sql);
      outcomes[r.state].push(sql);
      if (r.state !== 'done') expect(r.error, sql).toMatch(/\S/);
      expect(await fingerprint(page), sql).toEqual(before);
    }
    // The guard explains most refusals before DuckDB sees them; the one statement it lets through is capped.
    expect(outcomes.done).toEqual(["SELECT repeat('x', 200000000) AS s"]);
    expect(outcomes.refused.length + outcomes.error.length).toBe(CORPUS.length - 1);
    expect(errors).toEqual([]);
  }, 300_000);

  it("names the reason for each of issue 13's statements", async () => {
    const [readText, dropTable, replaceMacro, enableLogging, repeat] = ISSUE_13;
    expect((await run(page, readText)).error).toMatch(/read_text\(\) is refused: it reads files/);
    expect((await run(page, dropTable)).error).toMatch(/Only one statement can run at a time/);
    expect((await run(page, replaceMacro)).error).toMatch(/Only one statement can run at a time/);
    expect((await run(page, enableLogging)).error).toMatch(/enable_logging\(\) is refused: it changes the engine's settings/);
    const big = await run(page, repeat);
    expect(big.state).toBe('done');
    expect(big.rows).toEqual([]);
    expect(big.status).toMatch(/Showing the first 0 rows: the result is larger than 8 MB/);
  });

  it('caps a result in bytes as well as rows: wide rows stop at the byte cap', async () => {
    const r = await run(page, "SELECT range AS i, repeat('x', 10000) AS s FROM range(5000)");
    expect(r.state).toBe('done');
    expect(r.status).toMatch(/the result is larger than 8 MB/);
    // 8 MiB of 10,000-byte rows is at most 838 rows; a chunk's mean row size decides how many of its rows fit.
    expect(r.rows.length).toBeGreaterThan(400);
    expect(r.rows.length).toBeLessThanOrEqual(838);
    expect(r.rows.map((row) => Number(row[0]))).toEqual(r.rows.map((_, i) => i));
  });

  it('Cancel stops a long query, and the next query runs', async () => {
    await page.fill('#sql-text', 'SELECT count(*) FROM range(1000000000000) a');
    await page.evaluate(() => document.querySelector('sql-cell')!.removeAttribute('data-state'));
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.waitForFunction(() => document.querySelector('sql-cell')!.getAttribute('data-state') === 'running');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.querySelector('sql-cell')!.getAttribute('data-state') === 'error', null, { timeout: 10_000 });
    expect(await page.locator('[data-sql-error]').textContent()).toBe('The query was cancelled.');
    expect((await run(page, 'SELECT 42 AS x')).rows).toEqual([['42']]);
  });

  it('a query past its time limit is stopped, and says so', async () => {
    await page.evaluate(() => document.querySelector<HTMLElement>('sql-cell')!.setAttribute('data-timeout-ms', '1000'));
    try {
      const r = await run(page, 'SELECT count(*) FROM range(1000000000000) a');
      expect(r.error).toBe('The query was stopped after 1 s. Add a LIMIT or a filter to make it quicker.');
    } finally {
      await page.evaluate(() => document.querySelector<HTMLElement>('sql-cell')!.setAttribute('data-timeout-ms', '30000'));
    }
    expect((await run(page, 'SELECT 43 AS x')).rows).toEqual([['43']]);
  });

  it('after all of it the page is alive: the explore table still follows its filters', async () => {
    await filterStillWorks(page);
    expect(errors).toEqual([]);
  });
});

/** The page's DuckDB worker, wrapped so that a statement with a marker makes it crash (throw) or hang (never answer again). */
async function sabotaged() {
  const session = await suite.blank();
  await session.context.route(/duckdb-browser-eh\.[^/]*\.js/, async (route) => {
    const url = route.request().url();
    if (url.includes('real=1')) return route.continue();
    return route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      body: `self.addEventListener('message', (e) => {
        const sql = String(e.data && e.data.type === 'START_PENDING_QUERY' ? e.data.data[1] : '');
        if (sql.includes('crash_the_worker')) throw new Error('simulated crash');
        if (sql.includes('hang_the_worker')) for (;;) {}
      });
      importScripts(${JSON.stringify(`${url}${url.includes('?') ? '&' : '?'}real=1`)});`,
    });
  });
  await session.page.goto(`${baseURL}explore/`);
  return session;
}

describe('the SQL cell recovers from a dead engine', () => {
  it('a worker that crashes mid-query: a clear message, not "Running…", and the next query gets a fresh engine', async () => {
    const { page, context, errors } = await sabotaged();
    expect((await run(page, 'SELECT 1 AS warm')).state).toBe('done');
    const r = await run(page, "SELECT 'crash_the_worker' AS x");
    expect(r.state).toBe('error');
    expect(r.error).toMatch(/^The query stopped the engine: the live engine \(DuckDB-WASM\) stopped \(.*simulated crash.*\)\. A fresh engine starts with the next query\.$/);
    expect((await run(page, 'SELECT 44 AS x')).rows).toEqual([['44']]);
    await filterStillWorks(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a worker that stops answering: Cancel gives it up after a grace period, and the next query gets a fresh engine', async () => {
    const { page, context, errors } = await sabotaged();
    expect((await run(page, 'SELECT 1 AS warm')).state).toBe('done');
    await page.fill('#sql-text', "SELECT 'hang_the_worker' AS x");
    await page.evaluate(() => document.querySelector('sql-cell')!.removeAttribute('data-state'));
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.waitForFunction(() => document.querySelector('sql-cell')!.getAttribute('data-state') === 'running');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.querySelector('sql-cell')!.getAttribute('data-state') === 'error', null, { timeout: 15_000 });
    expect(await page.locator('[data-sql-error]').textContent()).toMatch(/^The query was cancelled\. The engine did not answer, so it was restarted/);
    expect((await run(page, 'SELECT 45 AS x')).rows).toEqual([['45']]);
    await filterStillWorks(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
