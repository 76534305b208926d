/**
 * "Your data": Cancel stops the engine's SQL passes too, not only reading and parsing the file. A
 * load stopped in its first pass leaves the file shown before, its results and its tables in the
 * engine as they were; stopped in its second pass, the new file's point estimates stay and the
 * page says the intervals were cancelled. Either way a new file is then analysed.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pickByodFile, runSqlCell, yourDataPage } from './browser.ts';
import { writeLargeExport } from '../bench/byod-large.ts';

const opened = yourDataPage(inject('baseURL'));
let page: Page;
const large = join(mkdtempSync(join(tmpdir(), 'byod-cancel-')), 'creators-100k.csv');
const N = 60;
const good = { name: 'campaign.csv', mimeType: 'text/csv', buffer: Buffer.from(['handle,followers,cost,conversions', ...Array.from({ length: N }, (_, i) => `acct_${i},${1000 * (i + 1)},${100 + (i % 5) * 20},${i % 2 ? i : 1}`)].join('\n')) };
const text = (sel: string) => page.locator(sel).textContent().then((t) => t ?? '');
const WAIT = { timeout: 45_000 };

beforeAll(() => {
  writeLargeExport(large, 100_000);
  page = opened.page();
});

/**
 * Press the load's Cancel once the engine works on the large file: in the first pass as soon as its
 * tables are in (the judging queries have just been sent), or in the second pass as soon as it starts.
 */
function cancelDuring(pass: 'first' | 'second') {
  return page.evaluate((pass) => {
    const app = document.querySelector<HTMLElement>('byod-app')!;
    const press = () => app.querySelector<HTMLButtonElement>('[data-cancel]')!.click();
    if (pass === 'first') {
      const seen = new PerformanceObserver((list) => {
        if (!list.getEntries().some((e) => e.name === 'byod:load')) return;
        seen.disconnect();
        press();
      });
      seen.observe({ type: 'measure' });
      return;
    }
    const obs = new MutationObserver(() => {
      if (app.hasAttribute('data-sql-running') && /^"creators-100k\.csv"/.test(app.querySelector('[data-file-meta]')?.textContent ?? '')) {
        obs.disconnect();
        press();
      }
    });
    obs.observe(app, { subtree: true, attributes: true, childList: true, characterData: true });
  }, pass);
}

describe('Your data: Cancel during the SQL passes', () => {
  it('in the first pass: the file shown before, its results and its tables stay, and a new file is then analysed', async () => {
    expect(await pickByodFile(page, good)).toEqual({ state: 'loaded', error: '' });
    const before = { meta: await text('[data-file-meta]'), rho: await text('[data-kpi="rho"] strong'), sql: await text('[data-sql-log]') };
    await cancelDuring('first');
    await page.setInputFiles('#byod-file', large);
    await page.waitForFunction(() => /was cancelled/.test(document.querySelector('byod-app [data-status]')?.textContent ?? ''), null, WAIT);
    expect(await text('byod-app [data-status]')).toBe('Loading "creators-100k.csv" was cancelled; the results below are still those of "campaign.csv".');
    expect(await page.locator('byod-app').getAttribute('data-state')).toBe('loaded');
    expect(await page.locator('byod-app [data-error]').isHidden()).toBe(true);
    expect(await page.locator('byod-app [data-cancel]').isHidden()).toBe(true);
    expect({ meta: await text('[data-file-meta]'), rho: await text('[data-kpi="rho"] strong'), sql: await text('[data-sql-log]') }).toEqual(before);
    // The large file's tables had gone into the engine: the file shown is put back (the SQL cell reads it).
    await page.waitForFunction(() => !document.querySelector('byod-app')!.hasAttribute('data-sql-running'), null, WAIT);
    expect((await runSqlCell(page, 'SELECT count(*) AS n FROM byod_accounts')).rows).toEqual([[String(N)]]);
    expect(await pickByodFile(page, { ...good, name: 'after.csv' })).toEqual({ state: 'loaded', error: '' });
    expect(await text('[data-file-meta]')).toMatch(/^"after.csv": 60 rows/);
  });

  it('in the second pass: the new file\'s point estimates stay, the page says what was cancelled, and a new file is then analysed', async () => {
    expect(await pickByodFile(page, good)).toEqual({ state: 'loaded', error: '' });
    await cancelDuring('second');
    await page.setInputFiles('#byod-file', large);
    await page.waitForFunction(() => /were cancelled/.test(document.querySelector('byod-app [data-status]')?.textContent ?? ''), null, WAIT);
    expect(await text('byod-app [data-status]')).toBe('The intervals and the random orders of "creators-100k.csv" were cancelled: the numbers shown are its point estimates, without their intervals and without the random orders of the budget test. Load the file again for them.');
    await expect.poll(() => page.locator('byod-app').getAttribute('data-state'), WAIT).toBe('loaded');
    expect(await page.locator('byod-app [data-error]').isHidden()).toBe(true);
    expect(await page.locator('byod-app [data-cancel]').isHidden()).toBe(true);
    expect(await text('[data-file-meta]')).toMatch(/^"creators-100k.csv": 100,000 rows/);
    expect(await text('[data-kpi="rho"] strong')).toMatch(/^-?\d\.\d\d$/);
    expect((await runSqlCell(page, 'SELECT count(*) AS n FROM byod_accounts')).rows).toEqual([['100000']]);
    expect(await pickByodFile(page, { ...good, name: 'after.csv' })).toEqual({ state: 'loaded', error: '' });
    expect(await text('[data-file-meta]')).toMatch(/^"after.csv": 60 rows/);
  });
});
