import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

// Klout's topic ids are unsigned 64-bit: 10000000000000019794 (Electricity) is above 2^63, and as a
// JavaScript number it would read 10000000000000020000.
const ID = '10000000000000019794';

describe('64-bit Klout topic ids', () => {
  it('survive the browser engine (queried in the SQL cell) and the shipped file as exact text', async () => {
    const { page, context, offOrigin } = await openPage(browser, baseURL, { acceptDownloads: true });
    await page.goto(`${baseURL}explore/`);
    await page.fill('#sql-text', `SELECT topic_id, slug FROM topics WHERE topic_id = '${ID}'`);
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.waitForFunction(() => document.querySelector('sql-cell')?.getAttribute('data-state') === 'done', null, { timeout: 45_000 });
    expect(await page.locator('[data-sql-result] tbody td').allTextContents()).toEqual([ID, 'electricity']);

    await page.fill('#sql-text', `SELECT t.topic_id, count(*)::INTEGER AS mentions FROM account_topic_weeks w JOIN topics t USING (topic_id) WHERE t.slug = 'electricity' GROUP BY ALL`);
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.waitForFunction(() => document.querySelector('sql-cell')?.getAttribute('data-state') === 'done', null, { timeout: 45_000 });
    expect((await page.locator('[data-sql-result] tbody td').allTextContents())[0]).toBe(ID);

    // The shipped Arrow file, as the browser fetches it, holds the id as text.
    const arrow = await page.evaluate(async (base) => {
      const manifest = await (await fetch(`${base}data/manifest.json`)).json();
      const file = manifest.tables.find((t: { name: string }) => t.name === 'topics').file;
      const bytes = new Uint8Array(await (await fetch(`${base}data/${file}`)).arrayBuffer());
      return new TextDecoder('latin1').decode(bytes).includes('10000000000000019794');
    }, baseURL);
    expect(arrow).toBe(true);
    expect(readFileSync('public/data/topics.arrow').includes(Buffer.from(ID))).toBe(true);
    expect(offOrigin).toEqual([]);
    await context.close();
  });
});
