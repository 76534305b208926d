/**
 * "Your data"'s gain chart labels its curves directly: on a phone (360 px wide) as on a desktop,
 * no two labels overlap and each stays inside the chart (their boxes as the browser laid them out).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, pickByodFile } from './browser.ts';

const suite = browserSuite(inject('baseURL'));
const N = 60;
const rows = Array.from({ length: N }, (_, i) => [`acct_${i}`, 1000 * (i + 1), 100 + (i % 5) * 20, i % 2 ? i : 1, (i % 2 ? i : 1) * 25, i % 2 ? 'yoga; wellness' : 'gaming'].join(','));
const campaign = { name: 'campaign.csv', mimeType: 'text/csv', buffer: Buffer.from(['handle,followers,cost,conversions,revenue,topics', ...rows].join('\n')) };
const LABELS = /^(Ranked by reach|Ranked by relevance|Random order|Best possible( \(oracle\))?)$/;

type Box = { text: string; x: number; y: number; width: number; height: number };

/** The chart's curve labels and the chart's own box, as laid out. */
async function labelBoxes(page: Page): Promise<{ labels: Box[]; chart: Box }> {
  return page.evaluate((pattern) => {
    const svg = document.querySelector<SVGSVGElement>('[data-chart] svg')!;
    const box = (el: Element, text = '') => {
      const r = el.getBoundingClientRect();
      return { text, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const labels = Array.from(svg.querySelectorAll('text'))
      .filter((t) => new RegExp(pattern).test(t.textContent ?? ''))
      .map((t) => box(t, t.textContent ?? ''));
    return { labels, chart: box(svg) };
  }, LABELS.source);
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('Your data: the gain chart\'s labels', () => {
  for (const width of [360, 1280]) {
    describe(`${width} px wide`, () => {
      let page: Page;
      beforeAll(async () => {
        page = (await suite.open('your-data/', { viewport: { width, height: 900 } })).page;
      });
      afterAll(() => page.close());

      it('the four curves are labelled, and no two labels overlap', async () => {
        expect(await pickByodFile(page, campaign)).toEqual({ state: 'loaded', error: '' });
        await page.fill('#byod-brand-topics', 'Yoga, wellness');
        await page.waitForFunction(() => /Ranked by relevance/.test(document.querySelector('[data-chart] svg')?.textContent ?? ''), null, { timeout: 45_000 });
        const { labels, chart } = await labelBoxes(page);
        expect(labels.map((l) => l.text.replace(/ \(oracle\)$/, '')).sort()).toEqual(['Best possible', 'Random order', 'Ranked by reach', 'Ranked by relevance']);
        for (const [i, a] of labels.entries()) {
          for (const b of labels.slice(i + 1)) expect(overlap(a, b), `"${a.text}" overlaps "${b.text}"`).toBe(false);
          expect(a.x >= chart.x && a.x + a.width <= chart.x + chart.width + 1 && a.y >= chart.y && a.y + a.height <= chart.y + chart.height, `"${a.text}" is inside the chart`).toBe(true);
        }
      });
    });
  }
});
