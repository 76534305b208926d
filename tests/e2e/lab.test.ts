import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Page } from 'playwright-core';
import { browserSuite } from './browser.ts';
import { ontologyFromTables } from '../../data/sim/ontology.ts';
import { simulateWorld, simulateWorldWithTruth } from '../../data/sim/world.ts';
import { calibrate } from '../../data/sim/calibration.ts';
import { times } from '../../src/lib/format.ts';
import { readWorld, worldParams } from '../../src/lib/lab/worldParams.ts';
import { worldDigest } from '../../src/lib/lab/worldDigest.ts';

const baseURL = inject('baseURL');
// Across every test of this file, nothing may be requested from anywhere but the site's origin.
const suite = browserSuite(baseURL);

/** The world Node simulates for a lab query string, from the topic tables the site ships (as the worker does). */
async function nodeDigest(search: string): Promise<string> {
  const table = (name: string) => {
    const t = tableFromIPC(readFileSync(`${process.cwd()}/dist/data/${name}.arrow`));
    return Object.fromEntries(t.schema.fields.map((f) => [f.name, Array.from(t.getChild(f.name)!.toArray() as ArrayLike<unknown>, String)]));
  };
  const world = simulateWorld(worldParams(readWorld(search)), ontologyFromTables(table('topics') as never, table('topic_edges') as never));
  return worldDigest(world as unknown as Record<string, Record<string, ArrayLike<unknown>>>);
}

/** The click-through lift per brand that Node measures in the world of a lab query string, as the lab's table shows it. */
function nodeLifts(search: string): Record<string, string> {
  const table = (name: string) => {
    const t = tableFromIPC(readFileSync(`${process.cwd()}/dist/data/${name}.arrow`));
    return Object.fromEntries(t.schema.fields.map((f) => [f.name, Array.from(t.getChild(f.name)!.toArray() as ArrayLike<unknown>, String)]));
  };
  const { world, truth } = simulateWorldWithTruth(worldParams(readWorld(search)), ontologyFromTables(table('topics') as never, table('topic_edges') as never));
  return Object.fromEntries(calibrate(world, truth).brands.map((b) => [b.brand, times(b.ctrLift)]));
}

/** The click-through lift per brand in the lab's calibration table. */
const shownLifts = (page: Page) =>
  page.$$eval('[data-calibration-view] tr[data-brand]', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-brand'), r.querySelectorAll('td')[1].textContent!.replace(/\s*\(outside.*$/, '')])));

const open = (path = '', options = {}) => suite.open(`lab/${path}`, options);

const lab = (page: Page) => page.locator('lab-app');

/** Wait until the lab shows a regenerated world (with its digest and bootstrap intervals). */
async function waitRegenerated(page: Page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('lab-app');
      if (el?.getAttribute('data-state') === 'failed') throw new Error(document.querySelector('[data-status]')?.textContent ?? 'failed');
      return el?.getAttribute('data-state') === 'live' && el.hasAttribute('data-world-digest') && el.getAttribute('data-intervals') === 'done';
    },
    null,
    { timeout: 90_000, polling: 100 },
  );
}

const liveNumbers = (page: Page) =>
  page.$$eval('.lab-figure [data-live]', (spans) => Object.fromEntries(spans.map((s) => [s.getAttribute('data-live'), s.textContent])));
const bests = (page: Page) => page.$$eval('[data-verdict] tr[data-brand]', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-brand'), r.getAttribute('data-best')])));

describe('the lab', () => {
  it('reads with JavaScript off: controls with defaults and sources, the verdict and both figures are in the HTML', async () => {
    const { page, context } = await open('', { javaScriptEnabled: false });
    const relevance = page.getByRole('slider', { name: /relevance effect on clicks/i });
    expect(await relevance.inputValue()).toBe('1.8');
    expect(await page.locator('#lab-rel-note').textContent()).toMatch(/Published default: 1\.8\. Source: calibrated \(Yan et al/);
    expect(await page.getByRole('slider', { name: /relevance effect on purchases/i }).inputValue()).toBe('1.5');
    // The published world's calibration, beside the controls.
    expect(await shownLifts(page)).toEqual(nodeLifts(''));
    expect(await page.locator('#lab-fnano-note').textContent()).toMatch(/Published default: 42%\. Source: industry reports 2021/);
    for (const name of [/^accounts$/i, /^fixed fee per post/i, /^fee per follower/i, /^trust effect/i, /^reach effect/i, /^mega accounts with bought followers/i]) {
      await expect(page.getByRole('slider', { name }).count()).resolves.toBe(1);
    }
    expect(await page.getByLabel(/random seed/i).inputValue()).toBe('20120401');
    await expect(page.locator('.lab-figure .chart svg[role="img"]').count()).resolves.toBe(2);
    expect(await page.locator('.lab-headline').textContent()).toMatch(/reach score ranks (purchases|people who recall the post|each brand’s outcome \(purchases; people who recall the post for Tuneloop\)) best for (\d of|all) 5 brands/);
    expect(await page.locator('[data-honest]').getAttribute('data-honest')).toBe('off');
    await context.close();
  });

  it('the data page shows the sources\' comparisons simulated in the published world beside the published ranges, and the realized levels', async () => {
    const { page, context } = await suite.open('data/', { javaScriptEnabled: false });
    const lifts = await page.$$eval('[data-calibration="lifts"] tr[data-brand]', (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-brand'), r.querySelectorAll('td')[1].textContent!.replace(/\s*\(outside.*$/, '')])),
    );
    expect(lifts).toEqual(nodeLifts(''));
    expect(await page.locator('[data-calibration="lifts"] tr.published').textContent()).toMatch(/up to 7\.7×.*2\.0×–4\.0×/);
    await expect(page.locator('[data-calibration="levels"] tbody tr').count()).resolves.toBe(6);
    expect(await page.locator('#shape').locator('xpath=following-sibling::ul[1]').textContent()).toMatch(/reach score doing well for Tuneloop is expected/);
    await context.close();
  });

  it('the data page writes the seed as the identifier it is (20120401), the other parameters as numbers', async () => {
    const { page, context } = await suite.open('data/', { javaScriptEnabled: false });
    // The first table after the heading: the simulated world's assumptions, by parameter path.
    const defaults = await page.evaluate(() =>
      Object.fromEntries(Array.from(document.querySelector('#world ~ .reference')!.querySelectorAll('tbody tr'), (r) => [r.querySelector('code')!.textContent, r.querySelectorAll('td')[1].textContent])),
    );
    expect(defaults.seed).toBe('20120401');
    expect(defaults.maxFollowers).toBe('50,000,000');
    await context.close();
  });

  it('regenerates the published world in a worker: identical tables to Node, and the build\'s numbers', async () => {
    const { page, context, errors } = await open();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const before = await liveNumbers(page);
    await page.getByRole('button', { name: 'Regenerate the world' }).click();
    await waitRegenerated(page);
    expect(await lab(page).getAttribute('data-sim-context')).toBe('worker');
    expect(await lab(page).getAttribute('data-world-digest')).toBe(await nodeDigest(''));
    // Same simulated tables, same account features from the same SQL: the same Spearman correlations and budget results as the build.
    expect(await liveNumbers(page)).toEqual(before);
    expect(Number(await lab(page).getAttribute('data-regen-ms'))).toBeGreaterThan(0);
    expect(JSON.parse((await lab(page).getAttribute('data-regen-stages'))!)).toHaveProperty('derive');
    // The models (bootstrap intervals included) ran in the worker, not on the page's main thread.
    expect(await lab(page).getAttribute('data-model-context')).toBe('worker');
    // The main thread drew each figure in a task of its own, one after the other (never both in one task).
    const draws = await page.evaluate(() =>
      performance.getEntriesByType('measure').filter((m) => m.name.startsWith('lab draw: ')).map((m) => ({ name: m.name, start: m.startTime, end: m.startTime + m.duration })),
    );
    expect(new Set(draws.map((d) => d.name))).toEqual(new Set(['lab draw: scoreboard', 'lab draw: budget']));
    const sorted = [...draws].sort((a, b) => a.start - b.start);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k].start).toBeGreaterThanOrEqual(sorted[k - 1].end);
    expect(await page.locator('[data-status]').textContent()).toMatch(/Regenerated in [\d.]+ s: 5,000 accounts/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a world from the URL is regenerated on load, equal to the one Node simulates with those parameters', async () => {
    const search = '?seed=7&n=2000&trust=0.5&fmega=0.2&cpf=0.02';
    const { page, context, errors } = await open(search);
    await waitRegenerated(page);
    expect(await lab(page).getAttribute('data-world-digest')).toBe(await nodeDigest(search));
    expect(await page.getByLabel(/random seed/i).inputValue()).toBe('7');
    expect(await page.getByRole('slider', { name: /^accounts$/i }).inputValue()).toBe('2000');
    expect(await page.locator('[data-status]').textContent()).toMatch(/2,000 accounts.*seed 7\./);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('garbage in the URL falls back to the published defaults', async () => {
    const { page, context } = await open('?rel=lots&n=999999&seed=-4&fnano=2&trust=0.5');
    await waitRegenerated(page);
    expect(await page.getByRole('slider', { name: /relevance effect on clicks/i }).inputValue()).toBe('1.8');
    expect(await page.getByRole('slider', { name: /^accounts$/i }).inputValue()).toBe('5000');
    expect(await page.getByLabel(/random seed/i).inputValue()).toBe('20120401');
    expect(await page.getByRole('slider', { name: /nano accounts with bought/i }).inputValue()).toBe('0.42');
    expect(await page.getByRole('slider', { name: /trust effect/i }).inputValue()).toBe('0.5');
    await context.close();
  });

  it('with relevance\'s effects at zero, the reach score wins every brand and the honest-instrument check passes', async () => {
    const { page, context, errors } = await open();
    const published = await bests(page);
    const publishedLifts = await shownLifts(page);
    for (const name of [/relevance effect on clicks/i, /relevance effect on purchases/i]) {
      const slider = page.getByRole('slider', { name });
      await slider.focus();
      await slider.press('Home');
    }
    await page.waitForFunction(() => new URL(location.href).searchParams.get('rel') === '0' && new URL(location.href).searchParams.get('relbuy') === '0');
    await expect(page.locator('[data-pending]').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Regenerate the world' }).click();
    await waitRegenerated(page);
    const after = await bests(page);
    expect(Object.keys(after)).toEqual(Object.keys(published));
    for (const best of Object.values(after)) expect(best).toBe('reach');
    expect(await page.locator('[data-honest]').getAttribute('data-honest')).toBe('pass');
    expect(await page.locator('.lab-headline').textContent()).toBe('In this world the reach score ranks each brand’s outcome (purchases; people who recall the post for Tuneloop) best for all 5 brands.');
    // The calibration table is recomputed for the regenerated world: matched people click like everyone else (up to trust).
    expect(await shownLifts(page)).toEqual(nodeLifts('?rel=0&relbuy=0'));
    expect(await shownLifts(page)).not.toEqual(publishedLifts);
    // Restoring the published defaults brings back the published verdict and clears the URL.
    await page.getByRole('button', { name: 'Restore published defaults' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('rel'));
    await waitRegenerated(page);
    expect(await bests(page)).toEqual(published);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the panel\'s check button switches relevance off and regenerates', async () => {
    const { page, context } = await open('?seed=11&n=3000');
    await waitRegenerated(page);
    await page.getByRole('button', { name: /check it: switch relevance off/i }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('rel') === '0');
    await page.waitForFunction(() => document.querySelector('[data-honest]')?.getAttribute('data-honest') !== 'off', null, { timeout: 90_000 });
    await waitRegenerated(page);
    expect(await page.locator('[data-honest]').getAttribute('data-honest')).toBe('pass');
    expect(new URL(page.url()).searchParams.get('seed')).toBe('11');
    await context.close();
  });

  it('simulates only in a Web Worker: the page\'s own scripts do not contain the simulator', async () => {
    const { page, context } = await open();
    const scripts = new Map<string, string>();
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script' || r.url().endsWith('.js')) scripts.set(r.url(), await r.text().catch(() => ''));
    });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.getByRole('button', { name: 'Regenerate the world' }).click();
    await waitRegenerated(page);
    const simulator = 'unknown community'; // a message only the simulator (data/sim/context.ts) contains
    const worker = workers.find((w) => /simulate\.worker/.test(w));
    expect(worker).toBeDefined();
    const workerSource = await (await fetch(worker!)).text();
    expect(workerSource).toContain(simulator);
    const mainScripts = [...scripts].filter(([url]) => url !== worker && !/duckdb-browser/.test(url));
    expect(mainScripts.length).toBeGreaterThan(0);
    for (const [url, text] of mainScripts) expect(text.includes(simulator), url).toBe(false);
    await context.close();
  });

  it('a brand picked before any regeneration starts one; "Regenerate" then wins, the older run is cancelled, nothing fails', async () => {
    const { page, context, errors } = await suite.blank();
    // A busy browser: the idle warm-up comes only when the test says, after the reader's first pick. Every
    // state the lab passes through is recorded.
    await page.addInitScript(() => {
      const idle: (() => void)[] = [];
      Object.assign(window, {
        requestIdleCallback: (cb: () => void) => idle.push(cb),
        idleNow: () => idle.splice(0).forEach((cb) => cb()),
        labStates: [] as string[],
      });
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          if (el.localName === 'lab-app' && r.attributeName === 'data-state') (window as unknown as { labStates: string[] }).labStates.push(el.getAttribute('data-state') ?? '');
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    await page.goto(`${baseURL}lab/`);
    // Picking a brand on the published world starts a regeneration (the figure needs the world in the lab's engine)…
    await page.getByRole('combobox', { name: 'Brand' }).selectOption('voltra');
    await page.waitForFunction(() => document.querySelector('lab-app')?.getAttribute('data-state') === 'regenerating');
    await page.evaluate(() => (window as unknown as { idleNow: () => void }).idleNow());
    // …and the reader asks for another world while it runs.
    await page.getByRole('slider', { name: /^accounts$/i }).fill('2000');
    await page.getByRole('button', { name: 'Regenerate the world' }).click();
    await waitRegenerated(page);
    expect(await page.locator('[data-status]').textContent()).toMatch(/Regenerated in [\d.]+ s: 2,000 accounts/);
    expect(await lab(page).getAttribute('data-world-digest')).toBe(await nodeDigest('?n=2000'));
    expect(await page.locator('[data-live="budget.brand"]').textContent()).toBe('Voltra');
    expect(await page.evaluate(() => (window as unknown as { labStates: string[] }).labStates)).not.toContain('failed');
    // Only the newest world was drawn: the scoreboard twice (then with its intervals), the budget test once.
    const draws = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name).filter((n) => n.startsWith('lab draw: ')));
    expect(draws.filter((n) => n === 'lab draw: scoreboard')).toHaveLength(2);
    expect(draws.filter((n) => n === 'lab draw: budget')).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the budget test follows its brand control on the regenerated world', async () => {
    const { page, context } = await open();
    await page.getByRole('button', { name: 'Regenerate the world' }).click();
    await waitRegenerated(page);
    await page.getByRole('combobox', { name: 'Brand' }).selectOption('voltra');
    await page.waitForFunction(() => document.querySelector('[data-live="budget.brand"]')?.textContent === 'Voltra');
    expect(new URL(page.url()).searchParams.get('brand')).toBe('voltra');
    await context.close();
  });
});
