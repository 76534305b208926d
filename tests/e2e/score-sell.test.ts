import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { browserSuite } from './browser.ts';
import { liveEntries, outcomeOf } from './verdicts.ts';
import { openWorld } from '../../src/lib/db/world.ts';
import { toCsv } from '../../src/lib/data/csv.ts';

const baseURL = inject('baseURL');

const figure = '#fig-score-sell';

/**
 * The download's reference, written as one SQL join here (the page matches two queries' results by
 * account in TypeScript): every placement with its account's rounded score, by brand, score (highest
 * first) and placement.
 */
const REFERENCE = `
  WITH scores AS (SELECT * FROM reach_score(1, 0.5, 1.25))
  SELECT p.brand_id, b.slug AS brand, b.name AS brand_name, b.goal, p.placement_id, p.influencer_id, i.handle,
         i.followers::DOUBLE AS followers, round(s.score, 2) AS score, p.cost, p.conversions::DOUBLE AS conversions,
         p.recalled::DOUBLE AS recalled, (CASE b.goal WHEN 'awareness' THEN p.recalled ELSE p.conversions END)::DOUBLE AS outcome, p.revenue
  FROM placements p JOIN scores s USING (influencer_id) JOIN influencers i USING (influencer_id) JOIN brands b USING (brand_id)
  ORDER BY p.brand_id, round(s.score, 2) DESC, p.placement_id`;

const suite = browserSuite(baseURL);

/** Open the page and scroll to the chapter's figure (figures start their work as they near the viewport). */
async function open(path = '', options = {}) {
  const session = await suite.open(path, options);
  await session.page.locator(figure).scrollIntoViewIfNeeded();
  return session;
}

const waitLive = (page: import('playwright-core').Page) =>
  page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-state') === 'live', figure, { timeout: 45_000 });

describe('"Does the score sell?" chapter', () => {
  it('reads completely with JavaScript off: chart SVG, prose and live numbers are in the HTML', async () => {
    const { page, context } = await open('', { javaScriptEnabled: false });
    await expect(page.locator(`${figure} .chart-wide svg[role="img"]`).count()).resolves.toBe(1);
    const dots = await page.locator(`${figure} .chart-wide svg g.dots`).evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-dots'))));
    expect(dots.length).toBe(5);
    for (const n of dots) expect(n).toBeGreaterThan(100);
    const numbers = await page.locator('#does-the-score-sell .live:not([data-live^="verdict."])').allTextContents();
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(n).toMatch(/\d/);
    // The chapter's verdicts are words computed from the same numbers (checked against them in essay.test.ts).
    const verdicts = await liveEntries(page, '#does-the-score-sell', 'verdict.');
    expect(verdicts.length).toBeGreaterThan(0);
    // Each in its brand's outcome (verdict.sell.SLUG): purchases, or for the awareness brand the people who recall the post.
    for (const [key, v] of verdicts) {
      expect(v, key).toMatch(new RegExp(`^ranks ${outcomeOf(key.split('.').pop()!)} (well|moderately well|only a little better than chance|no better than chance|worse than chance)$`));
    }
    expect(verdicts.map(([, v]) => v).some((v) => v.includes('people who recall the post'))).toBe(true);
    await context.close();
  });

  it('a weight slider re-runs the SQL in the browser and changes the chart, the numbers and the URL', async () => {
    const { page, context, errors } = await open();
    const before = await page.locator('#does-the-score-sell .live').allTextContents();
    const svgBefore = await page.locator(`${figure} .chart`).innerHTML();
    const slider = page.locator(figure).getByRole('slider', { name: /weight of followers/i });
    await slider.focus();
    await slider.press('Home'); // followers weight 0: the score becomes engagement only
    await waitLive(page);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('wf') === '0');
    const after = await page.locator('#does-the-score-sell .live').allTextContents();
    expect(after).not.toEqual(before);
    expect(await page.locator(`${figure} .chart`).innerHTML()).not.toEqual(svgBefore);
    expect(await page.locator(`${figure} [data-params="account_scores"]`).textContent()).toContain('"w_followers": 0');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a copied link restores the controls and the view; garbage falls back to defaults', async () => {
    const { page, context } = await open('?wf=0.2&wr=nonsense&wu=7');
    await waitLive(page);
    expect(await page.locator(figure).getByRole('slider', { name: /weight of followers/i }).inputValue()).toBe('0.2');
    expect(await page.locator(figure).getByRole('slider', { name: /reactions per post/i }).inputValue()).toBe('0.5');
    expect(await page.locator(figure).getByRole('slider', { name: /selective/i }).inputValue()).toBe('0.5');
    expect(await page.locator(`${figure} [data-params="account_scores"]`).textContent()).toContain('"w_followers": 0.2');
    await context.close();
  });

  it('downloads exactly the rows of the current view as CSV, equal to the same SQL run by DuckDB on Node', async () => {
    const { page, context } = await open('?wu=1.25');
    await waitLive(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(figure).getByRole('button', { name: /^rows \(csv\)$/i }).click()]);
    expect(download.suggestedFilename()).toMatch(/^score-sell_.*wu1\.25.*\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');

    const db = await openWorld();
    const expected = await db.query(REFERENCE);
    db.close();
    expect(csv.split('\r\n').length).toBe(expected.length + 2);
    expect(csv).toBe(toCsv(expected));
    await context.close();
  });
});
