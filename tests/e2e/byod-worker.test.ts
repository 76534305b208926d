/**
 * "Your data" parses files in a worker: each loaded file has a worker of its own that holds its
 * cells; a load shows its progress and can be cancelled, and a cancelled, refused or too large
 * file leaves the page and the file loaded before as they were. (How long a large file takes is
 * the benchmark's business, not a test's.)
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pickByodFile, yourDataPage } from './browser.ts';
import { writeLargeExport } from '../bench/byod-large.ts';

const opened = yourDataPage(inject('baseURL'));
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'byod-worker-'));
const large = join(dir, 'creators-100k.csv');
const tooMany = join(dir, 'too-many-rows.csv');

beforeAll(() => {
  writeLargeExport(large, 100_000);
  writeFileSync(tooMany, 'handle,followers,conversions\n' + 'a,1,2\n'.repeat(1_000_001));
  page = opened.page();
});

const N = 60;
const good = { name: 'campaign.csv', mimeType: 'text/csv', buffer: Buffer.from(['handle,followers,cost,conversions', ...Array.from({ length: N }, (_, i) => `acct_${i},${1000 * (i + 1)},${100 + (i % 5) * 20},${i % 2 ? i : 1}`)].join('\n')) };
const parseWorkers = () => page.workers().filter((w) => /parse\.worker/.test(w.url())).length;
const text = (sel: string) => page.locator(sel).textContent().then((t) => t ?? '');

describe('Your data: a worker per file', () => {
  it('parses the file in a worker, and a newly loaded file\'s worker replaces the old one', async () => {
    expect(await pickByodFile(page, good)).toEqual({ state: 'loaded', error: '' });
    expect(await page.locator('byod-app').getAttribute('data-parsed-in')).toBe('worker');
    await expect.poll(parseWorkers).toBe(1);
    expect(await pickByodFile(page, { ...good, name: 'again.csv' })).toEqual({ state: 'loaded', error: '' });
    await expect.poll(parseWorkers).toBe(1);
    // A refused file's worker ends too; the one holding the file shown stays.
    expect((await pickByodFile(page, { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('handle,followers,conversions\na,100,1\nb,200,2\nc,300,3\nd,400,twelve\ne,500,5\n') })).state).toBe('failed');
    await expect.poll(parseWorkers).toBe(1);
    expect(await text('[data-file-meta]')).toMatch(/^"again.csv": 60 rows/);
  });

  it('shows the progress of reading and parsing a large file', async () => {
    await page.evaluate(() => {
      const bar = document.querySelector<HTMLProgressElement>('byod-app [data-progress]')!;
      const w = window as unknown as { __shares: number[]; __stages: string[] };
      w.__shares = [];
      w.__stages = [];
      new MutationObserver(() => {
        if (!bar.hidden && bar.hasAttribute('value')) w.__shares.push(bar.value);
        const s = document.querySelector('byod-app [data-status]')!.textContent ?? '';
        const stage = /^(\w+) "/.exec(s)?.[1];
        if (stage && !w.__stages.includes(stage)) w.__stages.push(stage);
      }).observe(document.querySelector('byod-app')!, { subtree: true, attributes: true, childList: true, characterData: true });
    });
    expect(await pickByodFile(page, large)).toEqual({ state: 'loaded', error: '' });
    const { shares, stages } = await page.evaluate(() => ({ shares: (window as unknown as { __shares: number[] }).__shares, stages: (window as unknown as { __stages: string[] }).__stages }));
    expect(new Set(shares).size).toBeGreaterThan(10);
    expect(stages).toEqual(expect.arrayContaining(['Reading', 'Parsing', 'Analysing']));
    expect(await text('[data-file-meta]')).toMatch(/"creators-100k.csv": 100,000 rows × 10 columns/);
    expect(await page.locator('[data-progress]').isHidden()).toBe(true);
    expect(await page.locator('byod-app [data-cancel]').isHidden()).toBe(true);
  });

  it('Cancel stops a load: its worker ends, and the file loaded before and its results stay', async () => {
    await pickByodFile(page, good);
    const before = { meta: await text('[data-file-meta]'), rho: await text('[data-kpi="rho"] strong') };
    // Press Cancel as soon as it shows (before the worker can have finished).
    await page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('byod-app [data-cancel]')!;
      const obs = new MutationObserver(() => {
        if (!button.hidden) {
          obs.disconnect();
          button.click();
        }
      });
      obs.observe(button, { attributes: true, attributeFilter: ['hidden'] });
    });
    await page.setInputFiles('#byod-file', large);
    await page.waitForFunction(() => /was cancelled/.test(document.querySelector('byod-app [data-status]')?.textContent ?? ''));
    expect(await text('[data-status]')).toBe('Loading "creators-100k.csv" was cancelled; the results below are still those of "campaign.csv".');
    expect(await page.locator('byod-app').getAttribute('data-state')).toBe('loaded');
    expect(await page.locator('[data-error]').isHidden()).toBe(true);
    expect({ meta: await text('[data-file-meta]'), rho: await text('[data-kpi="rho"] strong') }).toEqual(before);
    await expect.poll(parseWorkers).toBe(1);
    // The page still works: the earlier file's worker answers a new choice of columns, and a new file loads.
    await page.selectOption('#byod-role-cost', '');
    await expect.poll(() => page.locator('[data-budget-box]').isHidden()).toBe(true);
    expect(await pickByodFile(page, { ...good, name: 'after.csv' })).toEqual({ state: 'loaded', error: '' });
  });

  it('a file past the row limit gets a clear message; the page and the file loaded before stay', async () => {
    await pickByodFile(page, good);
    const r = await pickByodFile(page, tooMany);
    expect(r.state).toBe('failed');
    expect(r.error).toBe('"too-many-rows.csv" has more than 1,000,000 rows; this page analyses at most 1,000,000 in your browser. Aggregate it to one row per account first.');
    expect(await page.locator('byod-app').getAttribute('data-state')).toBe('loaded');
    expect(await text('[data-file-meta]')).toMatch(/^"campaign.csv": 60 rows/);
    await expect.poll(parseWorkers).toBe(1);
  });
});
