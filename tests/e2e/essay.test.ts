import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSuite } from './browser.ts';
import { FIGURES } from '../../src/lib/figures/registry.ts';
import { BRAND_CHOICES, PARAMS, isChoice, type ParamSpec } from '../../src/lib/state/params.ts';
import { budgetVerdicts, celebrityLeader, fitVsReach, liveTexts, outcomeOf, parse, purchasesSaidOf, sellStrength, tableRows, ungroup } from './verdicts.ts';
import { BRANDS } from '../../data/sim/catalog.ts';

const baseURL = inject('baseURL');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const { open } = browserSuite(baseURL);

const waitLive = (page: Page, id: string) =>
  page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-state') === 'live', `#${id}`, { timeout: 45_000 });

/** The text of every live number in the chapter that holds a figure. */
const chapterNumbers = (page: Page, id: string) =>
  page.locator(`section.chapter:has(#${id}) .live`).allTextContents();

async function axe(page: Page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * Every verdict phrase on the page against the numbers in the data table of the figure it comes
 * from (the rules re-derived in verdicts.ts), and the numbers quoted beside it against the same table.
 */
async function expectVerdictsMatchTables(page: Page) {
  const live = await liveTexts(page);
  const verdicts = Object.keys(live).filter((k) => k.startsWith('verdict.'));
  expect(verdicts.length).toBeGreaterThan(10);
  const brands = BRAND_CHOICES.map((b) => ({ slug: b.value, name: b.label.replace(/ \(.*/, '') }));
  const board = await tableRows(page, 'scoreboard');
  const grouped = ungroup(live['verdict.fit-vs-reach.by-brand']);
  expect(Object.keys(grouped).sort()).toEqual(brands.map((b) => b.name).sort());
  for (const b of brands) {
    expect(fitVsReach(board, b.name), b.slug).toContain(grouped[b.name]);
    const key = `verdict.fit-vs-reach.${b.slug}`;
    if (key in live) expect(fitVsReach(board, b.name), key).toContain(live[key]);
    const fitRow = board.find((r) => r[0] === b.name && /^Fit/.test(r[1]))!;
    if (`board.fit.${b.slug}` in live) expect(live[`board.fit.${b.slug}`], b.slug).toBe(fitRow[2]);
  }
  const sell = await tableRows(page, 'score-sell');
  for (const b of brands) {
    const key = `verdict.sell.${b.slug}`;
    if (key in live) expect(sellStrength(sell, b.name), key).toContain(live[key]);
    if (`rho.${b.slug}` in live) expect(live[`rho.${b.slug}`]).toBe(sell.find((r) => r[0] === b.name)![2]);
  }
  const budget = await tableRows(page, 'budget');
  const bought = outcomeOf(live['budget.brand']);
  expect(budgetVerdicts(budget, /^Fit/, 'hiring by fit', /^Reach score/, 'hiring by reach score', bought)).toContain(live['verdict.budget.fit-vs-reach']);
  expect(budgetVerdicts(budget, /^Reach score/, 'hiring by reach score', /^Random/, 'hiring at random', bought)).toContain(live['verdict.budget.reach-vs-random']);
  expect(budgetVerdicts(budget, /^Fit per dollar/, 'hiring by fit per dollar', /^Reach score per dollar/, 'hiring by reach score per dollar', bought)).toContain(live['verdict.budget.per-dollar']);
  expect(live['budget.fit.conversions']).toBe(budget.find((r) => /^Fit/.test(r[0]))![3]);
  expect(live['budget.reach.conversions']).toBe(budget.find((r) => /^Reach score/.test(r[0]))![3]);
  expect(live['verdict.celeb.perDollar'].startsWith(celebrityLeader(await tableRows(page, 'celebrity')))).toBe(true);
  const r2 = parse((await tableRows(page, 'score-size'))[0][1]);
  expect(live['verdict.size']).toBe(r2 > 0.5 ? 'mostly' : r2 > 0.1 ? 'partly' : 'hardly');
}

describe('the essay', () => {
  it('has every chapter, a table of contents that links to them, and every figure pre-rendered with JavaScript off', async () => {
    const { page, context } = await open('', { javaScriptEnabled: false });
    const chapters = await page.locator('section.chapter').evaluateAll((s) => s.map((e) => e.id));
    expect(chapters.length).toBe(11);
    const toc = await page.locator('nav.toc a').evaluateAll((a) => a.map((e) => e.getAttribute('href')));
    expect(toc).toEqual(chapters.map((id) => `#${id}`));
    for (const name of Object.keys(FIGURES)) {
      expect(await page.locator(`#fig-${name} .chart-wide svg[role="img"]`).count(), name).toBe(1);
      expect(await page.locator(`#fig-${name} details.table tbody tr`).count(), name).toBeGreaterThan(0);
      expect(await page.locator(`#fig-${name} code[data-sql]`).count(), name).toBeGreaterThan(0);
    }
    for (const text of await page.locator('.live').allTextContents()) expect(text.trim()).not.toBe('');
    await context.close();
  });

  it('leaves no {{…}} placeholder unrendered on any page, with JavaScript off', async () => {
    for (const path of ['', 'data/', 'explore/', 'your-data/', 'lab/']) {
      const { page, context } = await open(path, { javaScriptEnabled: false });
      expect(await page.content(), path || 'report').not.toMatch(/\{\{|\}\}/);
      await context.close();
    }
  });

  it('never says purchases of a brand judged on recall (Tuneloop), pre-rendered and with the budget test on it', async () => {
    // The awareness brands by name and by what they are ("Tuneloop (music app, awareness)" → Tuneloop, music app).
    const names = BRAND_CHOICES.filter((c) => BRANDS.find((b) => b.slug === c.value)?.goal === 'awareness').flatMap((c) => {
      const [, name, what] = /^(.*?) \((.*?),/.exec(c.label)!;
      return [name, what];
    });
    expect(names).toEqual(['Tuneloop', 'music app']);
    for (const path of ['', 'data/', 'lab/']) {
      const { page, context } = await open(path, { javaScriptEnabled: false });
      expect(await purchasesSaidOf(page, names), path || 'report').toEqual([]);
      await context.close();
    }
    const { page, context, errors } = await open();
    await page.locator('#fig-budget').scrollIntoViewIfNeeded();
    await page.locator('#fig-budget [name="brand"]').selectOption('tuneloop');
    await waitLive(page, 'fig-budget');
    const live = await liveTexts(page);
    expect(live['budget.brand']).toBe('Tuneloop');
    expect(live['budget.outcome']).toBe('people who recall the post');
    expect(live['verdict.budget.fit-vs-reach']).toContain('people who recall the post');
    expect(await purchasesSaidOf(page, names)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('states each verdict as the numbers of its figure say, pre-rendered and after the controls move', async () => {
    const off = await open('', { javaScriptEnabled: false });
    await expectVerdictsMatchTables(off.page);
    const before = await liveTexts(off.page);
    await off.context.close();

    const { page, context, errors } = await open();
    // Another brand for the budget test, then another weighting for every score.
    await page.locator('#fig-budget').scrollIntoViewIfNeeded();
    await page.locator('#fig-budget [name="brand"]').selectOption('voltra');
    await waitLive(page, 'fig-budget');
    await page.locator('#fig-scoreboard').scrollIntoViewIfNeeded();
    const slider = page.locator('#fig-scoreboard [name="w_followers"]');
    await slider.focus();
    await slider.press('Home');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('wf') === '0');
    await waitLive(page, 'fig-scoreboard');
    // The bootstrap intervals follow once the move is over.
    await page.waitForFunction(() => ![...document.querySelectorAll('#fig-scoreboard details.table td')].some((td) => td.textContent === '– to –'), null, { timeout: 45_000 });
    for (const id of ['fig-score-sell', 'fig-budget', 'fig-celebrity', 'fig-score-size']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await waitLive(page, id);
    }
    // A figure scrolled into view may start catching up a moment later: let it, then wait until none is updating.
    await page.waitForTimeout(300);
    await page.waitForFunction(() => !document.querySelector('live-figure[data-state="updating"]'));
    await page.waitForFunction(() => ![...document.querySelectorAll('#fig-score-sell details.table td')].some((td) => td.textContent === '– to –'), null, { timeout: 45_000 });
    const after = await liveTexts(page);
    expect(after['budget.brand']).toBe('Voltra');
    expect(after['verdict.fit-vs-reach.by-brand']).not.toBe('');
    expect(after['board.reach.silver-lotus']).not.toBe(before['board.reach.silver-lotus']);
    await expectVerdictsMatchTables(page);
    expect(await page.locator('body').innerText()).not.toMatch(/\{\{|\}\}/);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [name, figure] of Object.entries(FIGURES)) {
    if (figure.params.length === 0) continue;
    it(`"${figure.title}": a control changes the chart, the numbers in its chapter and the URL; the link restores it`, async () => {
      const { page, context, errors } = await open();
      const id = `fig-${name}`;
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const svgBefore = await page.locator(`#${id} .chart`).innerHTML();
      const numbersBefore = await chapterNumbers(page, id);
      const param = figure.params[0];
      const spec: ParamSpec = PARAMS[param];
      const control = page.locator(`#${id} [name="${param}"]`);
      let expected: string;
      if (isChoice(spec)) {
        expected = spec.choices.find((c) => c.value !== spec.default)!.value;
        await control.selectOption(expected);
      } else {
        // The far end of the range from the default.
        const toMax = spec.max - spec.default > spec.default - spec.min;
        await control.focus();
        await control.press(toMax ? 'End' : 'Home');
        expected = String(toMax ? spec.max : spec.min);
      }
      await page.waitForFunction(([key, value]) => new URL(location.href).searchParams.get(key) === value, [spec.key, expected] as const);
      await waitLive(page, id);
      expect(await page.locator(`#${id} .chart`).innerHTML()).not.toEqual(svgBefore);
      // The scale's anchors are fixed by design: whatever the weights, the median stays 20 and 5% score above 50.
      if (name === 'score-distribution') expect(await chapterNumbers(page, id)).toEqual(['20', '5.0%']);
      else expect(await chapterNumbers(page, id)).not.toEqual(numbersBefore);
      const url = page.url();
      const numbersAfter = await chapterNumbers(page, id);
      expect(errors).toEqual([]);
      await context.close();

      // A copied link restores the control and the numbers.
      const restored = await open(url.slice(baseURL.length));
      await restored.page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await waitLive(restored.page, id);
      expect(await restored.page.locator(`#${id} [name="${param}"]`).inputValue()).toBe(expected);
      await restored.page.waitForFunction(() => !document.querySelector('live-figure[data-state="updating"]'));
      expect(await chapterNumbers(restored.page, id)).toEqual(numbersAfter);
      await restored.context.close();
    });
  }

  it('has no axe violations, in light and in dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      // bypassCSP only lets the test inject axe itself; the page is unchanged.
      const { page, context } = await open('', { colorScheme, bypassCSP: true });
      expect(await axe(page), colorScheme).toEqual([]);
      await context.close();
    }
  });

  it('fits a 360 px wide phone without horizontal scrolling', async () => {
    const { page, context } = await open('', { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('downloads a chart as SVG and PNG, and its rows as JSON with the SQL that made them', async () => {
    const { page, context } = await open();
    const id = 'fig-budget';
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const get = async (label: RegExp) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#${id}`).getByRole('button', { name: label }).click()]);
      return { name: download.suggestedFilename(), body: readFileSync(await download.path()) };
    };
    const svg = await get(/chart \(svg\)/i);
    expect(svg.name).toBe('budget.svg');
    expect(svg.body.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await get(/chart \(png\)/i);
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    const json = JSON.parse((await get(/rows \(json\)/i)).body.toString());
    expect(json.provenance[0].query).toBe('brand_offers.sql');
    expect(json.provenance[0].parameters).toMatchObject({ brand: 'silver-lotus', w_followers: 1 });
    expect(json.rows.length).toBe(5000);
    await context.close();
  });
});
