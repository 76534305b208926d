import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { byodMapping, pickByodFile, yourDataPage } from './browser.ts';
import { CONVENTIONS, expected, perAccount, type Convention, type Truth } from '../fixtures/byod/conventions.ts';

// Nothing but the page's own scripts is asked for while the files are loaded and analysed (yourDataPage checks it).
const opened = yourDataPage(inject('baseURL'));
let page: Page;
beforeAll(() => {
  page = opened.page();
});

const fixture = (c: Convention) => fileURLToPath(new URL(`../fixtures/byod/${c.file}`, import.meta.url));
const fixed = (v: number) => v.toFixed(2).replace('-', '−');
const usd = (v: number) => v.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
const text = (sel: string) => page.locator(sel).textContent().then((t) => t ?? '');

/** The page's numbers against an independent computation from the fixture's true values. */
async function checkAnalysis(truth: Truth, engagement: boolean) {
  const e = expected(truth, { engagement });
  expect(await text('[data-kpi="rho"] strong')).toBe(fixed(e.rho));
  expect(await text('[data-kpi="rho"] span')).toContain(`over ${e.rows.toLocaleString('en-US')} accounts`);
  if (e.budget) {
    expect(await page.locator('[data-budget-box]').isVisible()).toBe(true);
    expect(await text('[data-budget-intro]')).toContain(`(${usd(e.budget.amount)})`);
    const cells = await page.locator('[data-budget] tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual([e.budget.bought.toLocaleString('en-US'), usd(e.budget.spent), e.budget.conversions.toLocaleString('en-US')]);
  }
}

describe('Your data: real exports, no renaming', () => {
  it.each(CONVENTIONS.filter((c) => c.proxy))('$name: roles recognised, the reach proxy named, the numbers right', async (c) => {
    const r = await pickByodFile(page, fixture(c));
    expect(r).toEqual({ state: 'loaded', error: '' });
    expect(await byodMapping(page)).toEqual(c.mapping);
    expect(await page.locator('[data-reach-proxy]').getAttribute('data-proxy')).toBe(c.proxy);
    expect(await text('[data-reach-proxy]')).toContain(`(column "${c.mapping.reach}")`);
    expect(await text('[data-reach-meaning]')).toContain(c.mapping.engagement ? `ln(1 + ${c.proxy})` : `"reach" here is simply ${c.proxy === 'followers' ? 'audience size' : c.proxy}`);
    expect(await page.locator('[data-grain-box]').isVisible()).toBe(Boolean(c.perPost));
    expect(await page.locator('[data-marks-box]').isVisible()).toBe(false);
    expect(await page.locator('[data-brand-box]').isVisible()).toBe(Boolean(c.mapping.topics));
    await checkAnalysis(c.perPost ? perAccount(c.truth) : c.truth, Boolean(c.mapping.engagement));
  });

  it('the Meta export keeps its CR-only line ends and its spend is the cost, not the cost per result', async () => {
    const c = CONVENTIONS.find((x) => x.file === 'meta-ads-manager.csv')!;
    await pickByodFile(page, fixture(c));
    expect(await text('[data-file-meta]')).toMatch(/48 rows × 8 columns.*line endings: CR\b/);
    expect(await text('[data-budget-intro]')).toContain('Cost is the column "Amount spent (USD)"');
  });
});

describe('Your data: rows per post', () => {
  const c = CONVENTIONS.find((x) => x.perPost)!;
  it('says the rows are per post, shows the SQL, and analyses per account unless told not to', async () => {
    await pickByodFile(page, fixture(c));
    const accounts = perAccount(c.truth);
    expect(await text('[data-grain]')).toContain(`"Handle" repeats: ${c.truth.handle.length} rows hold ${accounts.handle.length} different values`);
    expect(await text('[data-grain-result]')).toContain(`Analysed per account: ${accounts.handle.length} accounts`);
    expect(await page.locator('[data-grain-box] [data-sql="byod_per_account"]').textContent()).toMatch(/max\(reach\)[\s\S]*sum\(conversions\)[\s\S]*GROUP BY handle/);
    await page.uncheck('[data-per-account]');
    await expect.poll(() => text('[data-grain-result]')).toContain(`each of the ${c.truth.handle.length} rows counts`);
    await checkAnalysis(c.truth, true);
    await page.check('[data-per-account]');
    await expect.poll(() => text('[data-grain-result]')).toContain('Analysed per account');
    await checkAnalysis(accounts, true);
  });
});

describe('Your data: never a dead end', () => {
  it('a file whose headers name nothing opens the mapping step with the reason, and reaches an analysis by hand; the choice is remembered', async () => {
    const c = CONVENTIONS.find((x) => x.pick)!;
    const r = await pickByodFile(page, fixture(c));
    expect(r).toEqual({ state: 'mapping', error: '' });
    expect(await text('[data-mapping-reason]')).toMatch(/Choose the columns by hand: no column of "meaningless-headers.csv" was recognised by its name as the reach .* or the conversions .* \(its columns: "Col A", "Col B", "Col C", "Col D"\)/);
    expect(await page.locator('[data-results]').isHidden()).toBe(true);
    for (const [role, column] of Object.entries(c.pick!)) await page.selectOption(`#byod-role-${role}`, column!);
    await page.waitForFunction(() => document.querySelector('byod-app')!.getAttribute('data-state') === 'loaded');
    expect(await page.locator('[data-reach-proxy]').getAttribute('data-proxy')).toBe('unnamed');
    await checkAnalysis(c.truth, false);
    // The same header again: the columns chosen last time are used at once.
    const again = await pickByodFile(page, fixture(c));
    expect(again.state).toBe('loaded');
    expect(await text('[data-mapping-reason]')).toMatch(/The columns you chose for the last file with these same column names are used again/);
    expect(await byodMapping(page)).toMatchObject(c.pick!);
    await checkAnalysis(c.truth, false);
  });

  it('a discount-code report (no reach column) opens the mapping step naming the missing reach, with the rest recognised', async () => {
    const c = CONVENTIONS.find((x) => x.file === 'shopify-sales-by-discount.csv')!;
    await pickByodFile(page, fixture(CONVENTIONS.find((x) => x.perPost)!));
    expect(await page.locator('[data-grain-box]').isVisible()).toBe(true);
    const r = await pickByodFile(page, fixture(c));
    expect(r).toEqual({ state: 'mapping', error: '' });
    expect(await byodMapping(page)).toEqual(c.mapping);
    // Nothing of the file analysed before is left showing as if it were this one's.
    for (const box of ['[data-results]', '[data-grain-box]', '[data-marks-box]']) expect(await page.locator(box).isVisible(), box).toBe(false);
    expect(await text('[data-mapping-reason]')).toMatch(/no column of "shopify-sales-by-discount.csv" was recognised by its name as the reach \(followers, reach, impressions or views\) \(its columns:/);
    expect(await page.locator('[data-results]').isHidden()).toBe(true);
  });

  it('numbers that read two ways are asked about, and the answer is applied', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `a${i},"${i + 1},${String(100 + i * 7)}",${i % 4},"${1 + (i % 3)},250"`);
    const file = { name: 'ambiguous.csv', mimeType: 'text/csv', buffer: Buffer.from(['handle,followers,conversions,fee', ...rows].join('\n')) };
    await pickByodFile(page, file);
    expect(await page.locator('[data-marks-box]').isVisible()).toBe(true);
    expect(await page.locator('select[data-mark]').count()).toBe(2);
    expect(await text('[data-marks]')).toContain('Column "fee" has values like "1,250"');
    const fees = rows.map((_, i) => 1000 * (1 + (i % 3)) + 250);
    expect(await text('[data-budget-intro]')).toContain(`(${usd(Math.round(fees.reduce((a, b) => a + b, 0) * 0.25 * 100) / 100)})`);
    await page.selectOption('select[data-mark="fee"]', ',');
    const decimals = rows.map((_, i) => 1 + (i % 3) + 0.25);
    await expect.poll(() => text('[data-budget-intro]')).toContain(`(${usd(Math.round(decimals.reduce((a, b) => a + b, 0) * 0.25 * 100) / 100)})`);
  });
});
