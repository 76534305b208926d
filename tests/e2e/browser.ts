import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A page that records every request and fails any that leaves the origin under test, so a test
 * can assert that nothing went elsewhere.
 */
export async function openPage(browser: Browser, baseURL: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const origin = new URL(baseURL).origin;
  const offOrigin: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, offOrigin, errors };
}

/**
 * One browser for a test file: `open(path)` gives a page of the site under test that records
 * off-origin requests, and when the file's tests are done the browser closes and the check
 * runs that no page asked for anything outside the origin.
 */
export function browserSuite(baseURL: string) {
  let browser: Browser;
  const offOrigin: string[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
    expect(offOrigin).toEqual([]);
  });
  /** A recorded page that has not navigated yet (for tests that set up routes first). */
  const blank = async (options: BrowserContextOptions = {}) => {
    const session = await openPage(browser, baseURL, options);
    session.page.on('close', () => offOrigin.push(...session.offOrigin));
    return session;
  };
  return {
    blank,
    async open(path = '', options: BrowserContextOptions = {}) {
      const session = await blank(options);
      await session.page.goto(baseURL + path);
      return session;
    },
  };
}

/** Wait until a figure has settled after a change (live again, or failed with its notice); its state. */
export async function settled(page: Page, figure: string): Promise<string> {
  await page.waitForFunction((f) => ['live', 'failed'].includes(document.querySelector(f)?.getAttribute('data-state') ?? ''), figure, { timeout: 45_000 });
  return (await page.locator(figure).getAttribute('data-state'))!;
}

/** Press `key` on a figure's first slider, as a reader would, and wait until the figure has settled; its state. */
export async function pressSlider(page: Page, figure: string, key: string): Promise<string> {
  const slider = page.locator(`${figure} input[type="range"]`).first();
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();
  await slider.press(key);
  return settled(page, figure);
}

/**
 * The "Your data" page for a test file (in a browserSuite): opened before the tests; after them,
 * the checks that nothing but the page's own files was asked for while files were loaded and
 * analysed (the suite checks that nothing left the origin at all), and that no script error
 * happened. `page()` is the page.
 */
export function yourDataPage(baseURL: string): { page: () => Page } {
  const suite = browserSuite(baseURL);
  let page: Page;
  let errors: string[];
  const requests: string[] = [];
  beforeAll(async () => {
    const session = await suite.open('your-data/');
    page = session.page;
    errors = session.errors;
    page.on('request', (r) => requests.push(r.url()));
  });
  afterAll(() => {
    expect(requests.filter((u) => !/\/_astro\/|\/your-data\/|\/favicon/.test(new URL(u).pathname))).toEqual([]);
    expect(errors).toEqual([]);
  });
  return { page: () => page };
}

/**
 * On the "Your data" page, pick a file (a path, or a name, type and bytes) with the file picker and
 * wait until the page has answered: analysed ('loaded'), waiting in the mapping step ('mapping'),
 * or refused it with a message ('failed'). The state and the message shown.
 */
export async function pickByodFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<{ state: string; error: string }> {
  await page.evaluate(() => {
    const el = document.querySelector('byod-app')!;
    el.removeAttribute('data-failed');
    el.setAttribute('data-state', 'picking');
  });
  await page.setInputFiles('#byod-file', file);
  await page.waitForFunction(() => {
    const el = document.querySelector('byod-app')!;
    return el.hasAttribute('data-failed') || ['loaded', 'mapping'].includes(el.getAttribute('data-state') ?? '');
  }, null, { timeout: 45_000 });
  const el = page.locator('byod-app');
  const failed = (await el.getAttribute('data-failed')) !== null;
  return { state: failed ? 'failed' : (await el.getAttribute('data-state'))!, error: failed ? ((await page.locator('[data-error]').textContent()) ?? '') : '' };
}

/** The column chosen for each role in the "Your data" mapping step ('' for none). */
export const byodMapping = (page: Page): Promise<Record<string, string>> =>
  page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll<HTMLSelectElement>('select[data-role]'), (s) => [s.dataset.role!, s.value])));

/** Run a statement in the page's SQL cell and wait for its answer: its state, the result table's rows as text, its error. */
export async function runSqlCell(page: Page, sql: string): Promise<{ state: string; rows: string[][]; error: string }> {
  await page.fill('#sql-text', sql);
  await page.click('sql-cell [data-run]');
  await page.waitForFunction(() => ['done', 'error', 'refused'].includes(document.querySelector('sql-cell')!.getAttribute('data-state') ?? ''), null, { timeout: 45_000 });
  const state = (await page.locator('sql-cell').getAttribute('data-state'))!;
  const rows = state === 'done' ? await page.locator('sql-cell [data-sql-result] tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent ?? ''))) : [];
  await page.evaluate(() => document.querySelector('sql-cell')!.setAttribute('data-state', 'idle'));
  return { state, rows, error: (await page.locator('[data-sql-error]').textContent()) ?? '' };
}
