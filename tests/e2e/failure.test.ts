import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite, pressSlider, settled } from './browser.ts';
import { liveEntries, outcomeOf } from './verdicts.ts';

const baseURL = inject('baseURL');
const suite = browserSuite(baseURL);

const figure = '#fig-score-sell';

async function open(setup: (context: BrowserContext) => Promise<unknown> = async () => {}) {
  const session = await suite.blank();
  await setup(session.context);
  await session.page.goto(baseURL);
  await session.page.locator(figure).scrollIntoViewIfNeeded();
  return session;
}

/** Move the figure's first slider one step (as a drag does) and wait for the figure to settle. */
const touch = (page: Page) => pressSlider(page, figure, 'ArrowLeft');

async function tryAgain(page: Page): Promise<string> {
  await page.locator(figure).getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction((f) => document.querySelector(f)?.getAttribute('data-state') !== 'updating', figure, { timeout: 45_000, polling: 100 });
  return settled(page, figure);
}

/** The essay is all there: the pre-rendered chart, the prose and its numbers. */
async function essayReadable(page: Page) {
  expect(await page.locator(`${figure} .chart svg[role="img"]`).count()).toBeGreaterThan(0);
  const numbers = await page.locator('#does-the-score-sell .live:not([data-live^="verdict."])').allTextContents();
  expect(numbers.length).toBeGreaterThan(0);
  for (const n of numbers) expect(n).toMatch(/\d/);
  // Its verdicts are words computed from those numbers, each in its brand's outcome (verdict.sell.SLUG).
  for (const [key, v] of await liveEntries(page, '#does-the-score-sell', 'verdict.')) expect(v, key).toMatch(new RegExp(`^ranks ${outcomeOf(key.split('.').pop()!)} `));
  expect(await page.locator('main h2').count()).toBeGreaterThan(5);
}

const notice = (page: Page) => page.locator(`${figure} .status`).textContent();

describe('graceful failure: the essay stays readable, a notice says what and why, "Try again" works once the cause is gone', () => {
  it('WebAssembly unavailable', async () => {
    const { page, context } = await open((c) =>
      c.addInitScript(() => {
        const w = window as unknown as { __wasm?: unknown; WebAssembly?: unknown };
        w.__wasm = w.WebAssembly;
        delete w.WebAssembly;
      }),
    );
    expect(await touch(page)).toBe('failed');
    expect(await notice(page)).toMatch(/Interaction is unavailable: this browser cannot run WebAssembly/);
    await essayReadable(page);
    // The cause removed (as if the setting that blocked it were lifted), retrying works.
    await page.evaluate(() => {
      const w = window as unknown as { __wasm?: unknown; WebAssembly?: unknown };
      w.WebAssembly = w.__wasm;
    });
    expect(await tryAgain(page)).toBe('live');
    await context.close();
  });

  it('the worker script fails to load (HTTP 500)', async () => {
    let broken = true;
    const { page, context } = await open((c) =>
      c.route(/duckdb-browser-(eh|mvp)\.[^/]*\.worker\.js|duckdb-browser-(eh|mvp)\.worker\.[^/]*\.js/, (route) => (broken ? route.fulfill({ status: 500, body: 'broken' }) : route.continue())),
    );
    expect(await touch(page)).toBe('failed');
    expect(await notice(page)).toMatch(/Interaction is unavailable: the live engine \(DuckDB-WASM\) stopped/);
    await essayReadable(page);
    broken = false;
    expect(await tryAgain(page)).toBe('live');
    await context.close();
  });

  it("the engine's WebAssembly download fails at the network: the notice comes at once, not after the start timeout", async () => {
    let broken = true;
    const { page, context } = await open((c) => c.route(/\.wasm(\?|$)/, (route) => (broken ? route.abort('connectionreset') : route.continue())));
    const slider = page.locator(`${figure} input[type="range"]`).first();
    await slider.scrollIntoViewIfNeeded();
    await slider.focus();
    await slider.press('ArrowLeft');
    // Within 5 s of the interaction (the engine's start timeout is a minute).
    await page.waitForFunction((f) => document.querySelector(f)?.getAttribute('data-state') === 'failed', figure, { timeout: 5_000, polling: 50 });
    expect(await notice(page)).toMatch(/Interaction is unavailable: the live engine \(DuckDB-WASM\) did not download \(Failed to fetch\)/);
    await essayReadable(page);
    broken = false;
    expect(await tryAgain(page)).toBe('live');
    await context.close();
  });

  it('the worker crashes (its script throws)', async () => {
    let broken = true;
    const { page, context } = await open((c) =>
      c.route(/duckdb-browser-(eh|mvp)\.[^/]*\.worker\.js|duckdb-browser-(eh|mvp)\.worker\.[^/]*\.js/, (route) =>
        broken ? route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("simulated crash");' }) : route.continue(),
      ),
    );
    expect(await touch(page)).toBe('failed');
    expect(await notice(page)).toMatch(/the live engine \(DuckDB-WASM\) stopped \(.*simulated crash.*\)/);
    await essayReadable(page);
    broken = false;
    expect(await tryAgain(page)).toBe('live');
    await context.close();
  });

  it('the worker runs out of memory while loading the data', async () => {
    let broken = true;
    // The real worker, wrapped so that it dies as an exhausted tab does the first time it is handed a table.
    const { page, context } = await open((c) =>
      c.route(/duckdb-browser-(eh|mvp)\.[^/]*\.worker\.js|duckdb-browser-(eh|mvp)\.worker\.[^/]*\.js/, async (route) => {
        if (!broken || route.request().url().includes('real=1')) return route.continue();
        const real = `${route.request().url()}${route.request().url().includes('?') ? '&' : '?'}real=1`;
        return route.fulfill({
          status: 200,
          contentType: 'text/javascript',
          body: `self.addEventListener('message', (e) => { if (String(e.data && e.data.type).startsWith('INSERT_ARROW')) throw new RangeError('Array buffer allocation failed'); }); importScripts(${JSON.stringify(real)});`,
        });
      }),
    );
    expect(await touch(page)).toBe('failed');
    expect(await notice(page)).toMatch(/Interaction is unavailable: the browser ran out of memory for the live engine/);
    await essayReadable(page);
    broken = false;
    expect(await tryAgain(page)).toBe('live');
    await context.close();
  });

  it('the data fails to load (HTTP 500)', async () => {
    let broken = true;
    const { page, context } = await open((c) => c.route(/\/data\/[^/]+\.arrow/, (route) => (broken ? route.fulfill({ status: 500, body: 'broken' }) : route.continue())));
    expect(await touch(page)).toBe('failed');
    expect(await notice(page)).toMatch(/Interaction is unavailable: the data did not load \(table \w+: HTTP 500\)/);
    await essayReadable(page);
    broken = false;
    expect(await tryAgain(page)).toBe('live');
    await context.close();
  });

  it('with JavaScript off, the essay reads completely and no control pretends to work', async () => {
    const session = await suite.open('', { javaScriptEnabled: false });
    await essayReadable(session.page);
    expect(await session.page.locator('noscript').count()).toBeGreaterThan(0);
    await session.context.close();
  });
});
