/**
 * "Your data" joins two files on a key the reader confirms: a Shopify sales-by-discount-code
 * report (no reach column, so alone it opens the mapping step) and a hand-kept creator roster. The
 * page proposes the shared column as the key, says how many rows matched and how many of each
 * file did not, recognises the columns of both, and its numbers match an independent computation
 * from the fixtures' true values.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { byodMapping, pickByodFile, runSqlCell, yourDataPage } from './browser.ts';
import { expected } from '../fixtures/byod/conventions.ts';
import { JOINED, ROSTER, SALES } from '../fixtures/byod/join.ts';

const opened = yourDataPage(inject('baseURL'));
let page: Page;
beforeAll(() => {
  page = opened.page();
});

const fixture = (file: string) => fileURLToPath(new URL(`../fixtures/byod/${file}`, import.meta.url));
const text = (sel: string) => page.locator(sel).textContent().then((t) => t ?? '');
const fixed = (v: number) => v.toFixed(2).replace('-', '−');
/** How long a wait may take: the join, a mapping change or going back run in the engine, and the machine may be busy. */
const WAIT = { timeout: 45_000 };
const usd = (v: number) => v.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });

describe('Your data: two files joined on a key', () => {
  it('joins a discount-code sales report to a creator roster on the code, with the unmatched rows of each counted, and analyses the joined rows', async () => {
    expect(await pickByodFile(page, fixture(SALES.file))).toEqual({ state: 'mapping', error: '' });
    await page.locator('[data-join-box] > summary').click();
    await page.setInputFiles('#byod-file-2', fixture(ROSTER.file));
    await page.waitForSelector('[data-join-keys]:not([hidden])', WAIT);
    expect(await text('[data-status]')).toMatch(/Loaded "creator-roster.csv": 32 rows, 6 columns\. Say which column of each file holds the same key/);
    // The shared column is proposed as the key; the reader confirms it.
    expect([await page.locator('#byod-key-0').inputValue(), await page.locator('#byod-key-1').inputValue()]).toEqual([...JOINED.key]);
    await page.click('[data-join]');
    await page.waitForFunction(() => document.querySelector('byod-app')!.getAttribute('data-state') === 'loaded', null, WAIT);
    expect(await text('[data-join-result]')).toBe(
      `Joined on "Discount code" = "Discount code" (case and spaces around the keys ignored): 28 rows matched; 2 rows of "${SALES.file}" have no match (such as "CREATOR29"), 4 rows of "${ROSTER.file}" have no match (such as "CREATOR31"). Unmatched rows are left out of the analysis.`,
    );
    expect(await text('[data-file-meta]')).toMatch(new RegExp(`^"${SALES.file} \\+ ${ROSTER.file}": 28 rows × 14 columns\\. Detected "${SALES.file}" \\(format: delimited text.*\\) joined with "${ROSTER.file}" \\(.*\\) on "Discount code" = "Discount code"\\.$`));
    // The columns of both files are recognised on the joined header: reach and fee from the roster, orders and sales from the report.
    expect(await byodMapping(page)).toEqual(JOINED.mapping);
    expect(await page.locator('#byod-role-reach option').allTextContents()).toContain('Discount code (creator-roster.csv)');
    const e = expected(JOINED.truth);
    expect(await text('[data-kpi="rho"] strong')).toBe(fixed(e.rho));
    expect(await text('[data-kpi="rho"] span')).toContain(`over ${JOINED.matched} accounts`);
    expect(await text('[data-budget-intro]')).toContain(`(${usd(e.budget!.amount)})`);
    const cells = await page.locator('[data-budget] tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual([e.budget!.bought.toLocaleString('en-US'), usd(e.budget!.spent), e.budget!.conversions.toLocaleString('en-US')]);
    expect(await page.locator('[data-join-box] [data-sql="byod_join"]').textContent()).toMatch(/FULL JOIN second s ON f\.k = s\.k/);
    expect(await page.locator('byod-app').getAttribute('data-parsed-in')).toBe('worker');
    expect(page.workers().filter((w) => /parse\.worker/.test(w.url())).length).toBe(2);
  });

  it('the join ran in the engine: Show SQL lists it with its counts, and the SQL cell reads the joined rows', async () => {
    const statements = await page.locator('[data-sql-log] > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.statement ?? ''));
    // (After the macros the scores call, which have no statement name.)
    expect(statements.filter((s) => s !== '').slice(0, 3)).toEqual(['join', 'join_counts', 'joined_rows']);
    expect(statements.slice(0, statements.indexOf('join'))).toEqual(['', '', '']);
    expect(await page.locator('[data-sql-log] [data-statement="join"] code').textContent()).toMatch(/^CREATE OR REPLACE TABLE byod_join AS\n[\s\S]*FULL JOIN second s ON f\.k = s\.k/);
    expect(await page.locator('[data-sql-log] [data-statement="joined_rows"] code').textContent()).toMatch(/^CREATE OR REPLACE TABLE byod_rows AS\n[\s\S]*WHERE side = 'both'/);
    // The counts shown are those of the rows the engine joined.
    expect((await runSqlCell(page, "SELECT side, count(*) AS n FROM byod_join GROUP BY side ORDER BY side")).rows).toEqual([['both', String(JOINED.matched)], ['first', String(JOINED.unmatched[0])], ['second', String(JOINED.unmatched[1])]]);
    expect((await runSqlCell(page, 'SELECT count(*) AS n FROM byod_rows')).rows).toEqual([[String(JOINED.matched)]]);
  });

  it('a mapping change on the joined header is answered by both files\' workers', async () => {
    await page.selectOption('#byod-role-cost', '');
    await expect.poll(() => page.locator('[data-budget-box]').isHidden(), WAIT).toBe(true);
    await page.selectOption('#byod-role-cost', 'Fee (USD)');
    await expect.poll(() => page.locator('[data-budget-box]').isVisible(), WAIT).toBe(true);
  });

  it('keys that match nothing are refused with a message, and the join shown stays', async () => {
    await page.selectOption('#byod-key-1', 'Followers');
    await page.click('[data-join]');
    await page.waitForSelector('[data-error]:not([hidden])', WAIT);
    expect(await text('[data-error]')).toBe(`No row of "${SALES.file}" has a "Discount code" that a row of "${ROSTER.file}" has in "Followers" (keys are compared ignoring case and spaces around them). Choose other key columns. The files are not joined.`);
    expect(await text('[data-file-meta]')).toMatch(/: 28 rows × 14 columns/);
  });

  it('goes back to the first file alone, whose second file\'s worker ends', async () => {
    await page.click('[data-unjoin]');
    await page.waitForFunction(() => document.querySelector('byod-app')!.getAttribute('data-state') === 'mapping', null, WAIT);
    expect(await text('[data-file-meta]')).toMatch(new RegExp(`^"${SALES.file}": 30 rows × 8 columns`));
    expect(await text('[data-join-result]')).toBe('');
    expect(await page.locator('[data-results]').isHidden()).toBe(true);
    await expect.poll(() => page.workers().filter((w) => /parse\.worker/.test(w.url())).length, WAIT).toBe(1);
  });
});
