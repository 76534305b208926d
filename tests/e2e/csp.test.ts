import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, pressSlider } from './browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface Visit {
  page: Page;
  /** CSP violations: `securitypolicyviolation` events in the page, and "Refused to…" console errors (pages and workers). */
  violations: () => Promise<string[]>;
  offOrigin: string[];
  errors: string[];
  policies: string[];
  close: () => Promise<void>;
}

/** Open a page of the site, recording every CSP violation, every off-origin request and the policy each document came with. */
async function visit(path: string): Promise<Visit & { status: number }> {
  const session = await openPage(browser, baseURL);
  const { page, context } = session;
  const refused: string[] = [];
  const policies: string[] = [];
  const onConsole = (m: import('playwright-core').ConsoleMessage) => {
    if (/content security policy|refused to/i.test(m.text())) refused.push(m.text());
  };
  page.on('console', onConsole);
  page.on('worker', (w) => w.on('console', onConsole));
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') policies.push(r.headers()['content-security-policy'] ?? '');
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const response = await page.goto(baseURL + path);
  return {
    page,
    status: response?.status() ?? 0,
    offOrigin: session.offOrigin,
    errors: session.errors,
    policies,
    violations: async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...refused],
    close: () => context.close(),
  };
}

/** Wait until no request has been in flight for a while (after an interaction that may load the engine). */
async function settle(page: Page, quietMs = 750, timeout = 45_000) {
  let inflight = 0;
  let last = Date.now();
  const on = () => {
    inflight++;
    last = Date.now();
  };
  const off = () => {
    inflight = Math.max(0, inflight - 1);
    last = Date.now();
  };
  page.on('request', on);
  page.on('requestfinished', off);
  page.on('requestfailed', off);
  const end = Date.now() + timeout;
  while (Date.now() < end && (inflight > 0 || Date.now() - last < quietMs)) await page.waitForTimeout(100);
  page.off('request', on);
  page.off('requestfinished', off);
  page.off('requestfailed', off);
}

async function clean(v: Visit) {
  expect(await v.violations()).toEqual([]);
  expect(v.offOrigin).toEqual([]);
  for (const p of v.policies) {
    expect(p).toContain("default-src 'self'");
    expect(p).toContain("'wasm-unsafe-eval'");
    expect(p).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  }
  expect(v.policies.length).toBeGreaterThan(0);
}

describe('Content-Security-Policy: self only, no inline code, nothing off the origin', () => {
  it('every page carries the strict policy as a header and as a <meta> (for hosts that cannot set headers)', async () => {
    for (const path of ['', 'data/', 'explore/', 'your-data/', 'no-such-page/']) {
      const v = await visit(path);
      const meta = await v.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(meta, path).toBeTruthy();
      expect(v.policies[0].replace(/; frame-ancestors 'none'/, '')).toBe(meta);
      expect(meta).not.toContain("'unsafe-inline'");
      await v.close();
    }
  });

  it('the violation listener works: an inline style attribute that is not hashed is refused', async () => {
    const v = await visit('');
    await v.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: rgb(1, 2, 3)">x</p>'));
    await v.page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect((await v.violations()).join('\n')).toMatch(/style-src-attr/);
    await v.close();
  });

  it('the essay: pre-rendered figures, a slider re-rendering a chart with Plot, tables, SQL and PNG/SVG downloads', async () => {
    const v = await visit('');
    const figure = v.page.locator('live-figure').first();
    const id = await figure.getAttribute('id');
    expect(await pressSlider(v.page, `#${id}`, 'End')).toBe('live');
    await v.page.locator(`#${id} details.table summary`).click();
    await v.page.locator(`#${id} details.sql summary`).click();
    for (const kind of ['svg', 'png']) {
      const button = v.page.locator(`#${id} [data-download="${kind}"]`);
      if (await button.count()) await Promise.all([v.page.waitForEvent('download'), button.click()]);
    }
    // Scroll through the page so every figure catches up with the changed parameter.
    for (const f of await v.page.locator('live-figure').all()) await f.scrollIntoViewIfNeeded();
    await settle(v.page);
    await clean(v);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('the data page', async () => {
    const v = await visit('data/');
    await settle(v.page);
    await clean(v);
    await v.close();
  });

  it('the explore page: a filter, the table, and the SQL cell', async () => {
    const v = await visit('explore/');
    const brand = v.page.locator('#ex-brand');
    if (await brand.count()) {
      await brand.selectOption((await v.page.locator('#ex-brand option').nth(1).getAttribute('value'))!);
      await v.page.waitForFunction(() => document.querySelector('explore-view')?.getAttribute('data-state') === 'live', null, { timeout: 45_000 });
    }
    const run = v.page.getByRole('button', { name: /^Run/ });
    if (await run.count()) await run.first().click();
    await settle(v.page);
    await clean(v);
    await v.close();
  });

  it('the your-data page: a file loaded and analysed in the browser', async () => {
    const v = await visit('your-data/');
    const input = v.page.locator('input[type="file"]').first();
    if (await input.count()) {
      const rows = Array.from({ length: 40 }, (_, i) => `acct_${i},${1000 * (i + 1)},${100 + i},${i % 7},${(i % 7) * 20}`);
      await input.setInputFiles({ name: 'campaign.csv', mimeType: 'text/csv', buffer: Buffer.from(['handle,followers,cost,conversions,revenue', ...rows].join('\n')) });
    }
    await settle(v.page);
    await clean(v);
    await v.close();
  });

  it('the lab page, when there is one: its first control', async () => {
    const v = await visit('lab/');
    if (v.status === 200) {
      const control = v.page.locator('main input[type="range"], main button').first();
      if (await control.count()) {
        const type = await control.evaluate((e) => e.tagName.toLowerCase());
        if (type === 'input') {
          await control.focus();
          await control.press('ArrowRight');
        } else await control.click();
      }
    }
    await settle(v.page);
    await clean(v);
    await v.close();
  });

  it('the 404 page', async () => {
    const v = await visit('no-such-page/');
    expect(v.status).toBe(404);
    expect(await v.page.locator('h1').count()).toBeGreaterThan(0);
    await clean(v);
    await v.close();
  });
});
