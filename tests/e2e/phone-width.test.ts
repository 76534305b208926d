import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, pressSlider, settled } from './browser.ts';

const baseURL = inject('baseURL');
const suite = browserSuite(baseURL);
const PHONE = { viewport: { width: 360, height: 740 } };

/**
 * How far the document is wider than the 360 px screen (0 when it fits), with the widest elements
 * whose overflow no scrolling box of theirs contains, to say what to fix. Chapters far from the
 * viewport skip layout (content-visibility), so this is asked after each step, where it happened.
 */
async function overflow(page: Page): Promise<{ by: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const contained = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !contained(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
    return { by: document.documentElement.scrollWidth - width, culprits };
  });
}

/** Run `steps` on a page at 360 px, checking after each that nothing is wider than the screen. */
async function check(path: string, steps: [string, (page: Page) => Promise<unknown>][]) {
  const { page, context, errors } = await suite.open(path, PHONE);
  try {
    for (const [what, step] of [['on load', async () => {}] as [string, (page: Page) => Promise<unknown>], ...steps]) {
      await step(page);
      const o = await overflow(page);
      expect(o.by, `/${path} ${what}: ${o.culprits.join(', ')}`).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Open every <details> the reader can see by clicking its summary, as a reader would (those inside a hidden box stay shut). */
async function openDetails(page: Page) {
  const summaries = page.locator('details:not([open]) > summary:visible');
  for (let n = await summaries.count(); n > 0; n = Math.min(n - 1, await summaries.count())) {
    const s = summaries.first();
    await s.scrollIntoViewIfNeeded();
    await s.click();
  }
}

/** Pick, in every <select> of `scope`, the option with the longest label (the widest it can get). */
async function longestOptions(page: Page, scope: string) {
  for (const select of await page.locator(`${scope} select`).all()) {
    const labels = await select.locator('option').allTextContents();
    const longest = labels.reduce((a, b) => (b.length > a.length ? b : a), '');
    await select.scrollIntoViewIfNeeded();
    await select.selectOption({ label: longest });
  }
}

/** Scroll through the whole page, checking at each screen (chapters lay out as they come into view). */
async function scrollThrough(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    const o = await overflow(page);
    expect(o.by, `at ${y} px down: ${o.culprits.join(', ')}`).toBeLessThanOrEqual(0);
  }
}

/** Every live figure of the page: move each of its sliders to both ends and pick its widest choices. */
async function everyFigure(page: Page) {
  for (const id of await page.locator('live-figure[id]').evaluateAll((els) => els.map((e) => e.id))) {
    const figure = `#${id}`;
    for (const [i, slider] of (await page.locator(`${figure} input[type="range"]`).all()).entries()) {
      for (const key of ['End', 'Home']) {
        await slider.scrollIntoViewIfNeeded();
        await slider.focus();
        await slider.press(key);
        expect(await settled(page, figure), `${figure} slider ${i} ${key}`).toBe('live');
        const o = await overflow(page);
        expect(o.by, `${figure} after slider ${i} ${key}: ${o.culprits.join(', ')}`).toBeLessThanOrEqual(0);
      }
    }
    if (await page.locator(`${figure} select`).count()) {
      await longestOptions(page, figure);
      await settled(page, figure);
    }
  }
}

describe('at 360 px, no page is wider than the screen, whatever the reader does', () => {
  it('the report: every figure\'s sliders and choices, every details, the whole length', async () => {
    await check('', [
      ['moving every slider and choice', everyFigure],
      ['opening every details', openDetails],
      ['scrolled through', scrollThrough],
    ]);
  }, 300_000);

  it('the data page', async () => {
    await check('data/', [
      ['opening every details', openDetails],
      ['scrolled through', scrollThrough],
    ]);
  }, 120_000);

  it('explore: filters, sorting, a wide SQL result', async () => {
    await check('explore/', [
      ['choosing the widest filters', (page) => longestOptions(page, '.filters')],
      ['sorting', (page) => page.getByRole('button', { name: /^Followers/ }).click()],
      [
        'running a query with a wide result',
        async (page) => {
          await page.fill('#sql-text', "SELECT *, repeat('wide ', 40) AS long_text FROM influencers LIMIT 20");
          await page.getByRole('button', { name: /^Run/ }).click();
          await page.waitForFunction(() => ['done', 'error', 'refused'].includes(document.querySelector('sql-cell')!.getAttribute('data-state') ?? ''), null, { timeout: 45_000 });
          expect(await page.locator('sql-cell').getAttribute('data-state')).toBe('done');
        },
      ],
      ['opening every details', openDetails],
      ['scrolled through', scrollThrough],
    ]);
  }, 120_000);

  it('your data: the template loaded as a file, the mapping and results shown', async () => {
    await check('your-data/', [
      [
        'loading the downloadable template',
        async (page) => {
          const template = await (await page.request.get(`${baseURL}your-data/template.csv`)).body();
          await page.setInputFiles('#byod-file', { name: 'influence-this-template.csv', mimeType: 'text/csv', buffer: template });
          await page.waitForFunction(() => document.querySelector('byod-app')?.getAttribute('data-state') === 'loaded', null, { timeout: 45_000 });
        },
      ],
      ['choosing the widest mappings', (page) => longestOptions(page, 'byod-app')],
      ['opening every details', openDetails],
      ['scrolled through', scrollThrough],
    ]);
  }, 120_000);

  it('the lab: sliders, the brand, a regenerated world, the SQL listing', async () => {
    await check('lab/', [
      [
        'moving the first slider',
        async (page) => {
          const slider = page.locator('lab-app input[type="range"]').first();
          await slider.focus();
          await slider.press('ArrowRight');
        },
      ],
      [
        'regenerating the world',
        async (page) => {
          await page.getByRole('button', { name: 'Regenerate the world' }).click();
          await page.waitForFunction(() => document.querySelector('lab-app')?.getAttribute('data-state') === 'live' && document.querySelector('lab-app')?.getAttribute('data-intervals') === 'done', null, { timeout: 120_000, polling: 200 });
        },
      ],
      [
        'choosing the brand with the longest name',
        async (page) => {
          await longestOptions(page, 'lab-app .lab-figure');
          expect(await settled(page, '#lab-fig-budget')).toBe('live');
        },
      ],
      ['moving the budget', async (page) => expect(await pressSlider(page, '#lab-fig-budget', 'End')).toBe('live')],
      ['opening every details', openDetails],
      ['scrolled through', scrollThrough],
    ]);
  }, 240_000);

  it('the page for a missing address', async () => {
    await check('no-such-page/', [['scrolled through', scrollThrough]]);
  });
});
