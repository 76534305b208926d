/**
 * "Your data" preheats the engine's worker as the pages with a live figure do: once the page has
 * loaded and painted, with nobody touching it (so the download and compile of DuckDB's
 * WebAssembly never sit on the critical path), and the first file picked is analysed by that
 * same worker, not a second one.
 */
import { describe, expect, inject, it } from 'vitest';
import { pickByodFile, yourDataPage } from './browser.ts';

const opened = yourDataPage(inject('baseURL'));
const duckdbWorkers = () => opened.page().workers().filter((w) => /duckdb-watched/.test(w.url())).length;
const campaign = { name: 'campaign.csv', mimeType: 'text/csv', buffer: Buffer.from(['handle,followers,conversions', ...Array.from({ length: 30 }, (_, i) => `a${i},${100 * (i + 1)},${i % 3}`)].join('\n')) };

describe('Your data: the engine preheats after the first paint', () => {
  it('starts the engine\'s worker after the load event, untouched, and the first file uses that worker', async () => {
    const page = opened.page();
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('influence:engine-preheat').length), { timeout: 45_000 }).toBe(1);
    const { preheat, loaded } = await page.evaluate(() => ({
      preheat: performance.getEntriesByName('influence:engine-preheat')[0].startTime,
      loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
    expect(loaded).toBeGreaterThan(0);
    expect(preheat).toBeGreaterThanOrEqual(loaded);
    await expect.poll(duckdbWorkers, { timeout: 45_000 }).toBe(1);
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('influence:engine-preheated').length), { timeout: 45_000 }).toBe(1);
    expect(await pickByodFile(page, campaign)).toEqual({ state: 'loaded', error: '' });
    expect(duckdbWorkers()).toBe(1);
  });
});
