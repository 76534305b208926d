import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { browserSuite } from './browser.ts';
import { ASSUMPTIONS } from '../../src/lib/sweep/assumptions.ts';
import { BRANDS } from '../../data/sim/catalog.ts';

const baseURL = inject('baseURL');
const suite = browserSuite(baseURL);
const dist = process.env.E2E_DIST ?? `${process.cwd()}/dist`;

/** The table's rows: each brand's (headed by its name) under its assumption's group, with the cells after the name. */
const tableRows = (table: Element) =>
  [...table.querySelectorAll('tbody[data-assumption]')].flatMap((group) =>
    [...group.querySelectorAll('tr')].filter((r) => r.querySelector('th[scope="row"]')).map((r) => ({
      assumption: group.getAttribute('data-assumption')!,
      brand: r.querySelector('th[scope="row"]')?.textContent ?? '',
      cells: [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  );

const sweepState = (page: Page) => page.locator('[data-lab-sweep]').getAttribute('data-state');
const waitSweep = (page: Page, states: string[], timeout = 120_000) =>
  page.waitForFunction((s) => s.includes(document.querySelector('[data-lab-sweep]')?.getAttribute('data-state') ?? ''), states, { timeout, polling: 100 });

describe('where the verdict flips', () => {
  it('is pre-rendered in dist/index.html: a chart per assumption and measure, and the table of break-even values', () => {
    const { document } = parseHTML(readFileSync(`${dist}/index.html`, 'utf8'));
    const figure = document.querySelector('#break-even')!;
    expect(figure).not.toBeNull();
    expect(figure.querySelectorAll('.chart-wide svg[role="img"]').length).toBe(ASSUMPTIONS.length * 2);
    const rows = tableRows(figure);
    // A group of rows per assumption, headed by the assumption, its default, range and source; a row per brand in each.
    expect([...figure.querySelectorAll('tbody[data-assumption]')].map((g) => g.getAttribute('data-assumption'))).toEqual(ASSUMPTIONS.map((a) => a.key));
    for (const a of ASSUMPTIONS) expect(figure.querySelector(`tbody[data-assumption="${a.key}"] th[scope="rowgroup"]`)!.textContent).toContain(a.label);
    expect(rows.length).toBe(ASSUMPTIONS.length * BRANDS.length);
    for (const r of rows) {
      expect(r.cells.length).toBe(4);
      // Break-even (ρ) and (per dollar): a value where fit and reach trade places, or the plain statement that they do not.
      for (const c of r.cells.slice(-2)) expect(c).toMatch(/^(no flip within the range|−?[\d.]+ \(fit wins (above|below)[^)]*\)(; .*)?)$/);
    }
  });

  it("is pre-rendered in the lab at both widths, the narrow one for a phone", () => {
    const { document } = parseHTML(readFileSync(`${dist}/lab/index.html`, 'utf8'));
    const chart = document.querySelector('[data-lab-sweep] [data-sweep-chart]')!;
    expect(chart.querySelector('.chart-wide svg[role="img"]')!.getAttribute('width')).toBe('720');
    expect(chart.querySelector('.chart-narrow svg[role="img"]')!.getAttribute('width')).toBe('360');
  });

  it('heads the report: "In short" gives each brand\'s verdict per dollar and where it flips, agreeing with the table', () => {
    const { document } = parseHTML(readFileSync(`${dist}/index.html`, 'utf8'));
    const items = [...document.querySelectorAll('#in-short #headline-by-brand li')].map((li) => li.textContent ?? '');
    expect(items.length).toBe(BRANDS.length);
    const rows = tableRows(document.querySelector('#break-even')!);
    for (const b of BRANDS) {
      const item = items.find((t) => t.startsWith(`${b.name}:`));
      expect(item, b.name).toBeDefined();
      // The verdict per dollar at the default is the table's, for this brand (every assumption's default row agrees on the seeds' own worlds).
      const own = rows.find((r) => r.brand === b.name && r.assumption === ASSUMPTIONS[0].key)!;
      const verdict = own.cells[1].split(':')[0];
      expect(item).toContain(verdict);
      // Every clear per-dollar flip the table lists for this brand is named in the headline, and "no flip" only when there is none.
      const clear = rows.filter((r) => r.brand === b.name && r.cells[3] !== 'no flip within the range' && !r.cells[3].includes('within the noise'));
      if (clear.length === 0) expect(item).toContain('no swept assumption flips it clearly within its range');
      for (const r of clear) expect(item).toContain(r.cells[3]);
    }
  });

  it('reads with JavaScript off on the report page', async () => {
    const { page, context } = await suite.open('', { javaScriptEnabled: false });
    await expect(page.locator('#break-even table tbody th[scope="row"]').count()).resolves.toBe(ASSUMPTIONS.length * BRANDS.length);
    await expect(page.locator('#break-even svg[role="img"]').first().getAttribute('aria-label')).resolves.toMatch(/flips at|no flip within the range/);
    await context.close();
  });

  it('in the lab: a sweep shows progress, Cancel stops it, and a full run draws the chart the data step drew for the same world', async () => {
    const { page, context, errors } = await suite.open('lab/');
    const section = page.locator('[data-lab-sweep]');
    const published = await section.locator('[data-sweep-table]').innerHTML();
    await section.locator('select[name="sweep-key"]').selectOption(ASSUMPTIONS[0].key);

    // Start, see progress, cancel.
    await section.getByRole('button', { name: 'Sweep it' }).click();
    await waitSweep(page, ['running']);
    await page.waitForFunction(() => Number(document.querySelector('[data-lab-sweep]')?.getAttribute('data-progress') ?? 0) > 0, null, { timeout: 60_000 });
    expect(await section.locator('progress').isVisible()).toBe(true);
    expect(await section.locator('[data-sweep-status]').textContent()).toMatch(/World \d+ of 10/);
    await section.getByRole('button', { name: 'Cancel' }).click();
    await waitSweep(page, ['cancelled', 'failed', 'done']);
    expect(await sweepState(page)).toBe('cancelled');
    expect(await section.locator('[data-sweep-table]').innerHTML()).toBe(published);
    expect(await section.getByRole('button', { name: 'Sweep it' }).isEnabled()).toBe(true);

    // A full run: the chart and table are redrawn, and on the published world's parameters they are the data step's own numbers.
    await section.getByRole('button', { name: 'Sweep it' }).click();
    await waitSweep(page, ['done', 'failed', 'cancelled'], 180_000);
    expect(await sweepState(page), (await section.locator('[data-sweep-status]').textContent()) ?? '').toBe('done');
    expect(Number(await section.getAttribute('data-sweep-ms'))).toBeGreaterThan(0);
    expect(await section.locator('[data-sweep-chart] svg[role="img"]').getAttribute('aria-label')).toMatch(/Relevance effect/);
    expect(await section.locator('[data-sweep-table] tbody th[scope="row"]').count()).toBe(BRANDS.length);
    expect(await section.locator('[data-sweep-table]').innerHTML()).toBe(published);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
