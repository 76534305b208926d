import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launch, openPage, pressSlider } from './browser.ts';
import { serve } from '../../src/tools/serve.ts';

/**
 * The site built with BASE_PATH=/influence-this/ (tests/run.ts builds it into .cache/dist-sub),
 * served under that folder only, as a host publishing it at https://example.org/influence-this/
 * would: every page, link and asset must work from there, and the engine must start.
 */
const BASE = '/influence-this/';
const dir = new URL('../../.cache/dist-sub', import.meta.url).pathname;
let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(`${dir}/index.html`)) throw new Error('no sub-folder build in .cache/dist-sub: run `npm test` (it builds one)');
  ({ server, url } = await serve({ dir, port: 0, base: BASE }));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
});

const PAGES = ['', 'data/', 'explore/', 'your-data/'];

/** Open a page, recording every response that failed and every request outside the sub-folder. */
async function visit(path: string) {
  const session = await openPage(browser, url);
  const failures: string[] = [];
  const outside: string[] = [];
  session.page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  session.page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && !u.pathname.startsWith(BASE)) outside.push(r.url());
  });
  const response = await session.page.goto(url + path);
  return { ...session, failures, outside, status: response?.status() };
}

describe(`published under a sub-folder (${BASE})`, () => {
  it('every page loads with its styles and scripts, and nothing is requested outside the folder', async () => {
    const lab = (await fetch(`${url}lab/`)).status === 200;
    for (const path of [...PAGES, ...(lab ? ['lab/'] : [])]) {
      const v = await visit(path);
      expect(v.status, path).toBe(200);
      await v.page.waitForLoadState('load');
      // The stylesheet applied (the site header is laid out by it), the module scripts ran.
      expect(await v.page.evaluate(() => document.styleSheets.length), path).toBeGreaterThan(0);
      expect(await v.page.evaluate(() => [...document.styleSheets].every((s) => s.cssRules.length > 0)), path).toBe(true);
      expect(v.failures, path).toEqual([]);
      expect(v.outside, path).toEqual([]);
      expect(v.offOrigin, path).toEqual([]);
      expect(v.errors, path).toEqual([]);
      await v.context.close();
    }
  });

  it('every link and asset named in the pages resolves inside the folder', async () => {
    const targets = new Set<string>();
    for (const path of PAGES) {
      const v = await visit(path);
      const refs = await v.page.evaluate(() => [
        ...[...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
        ...[...document.querySelectorAll<HTMLLinkElement>('link[href]')].map((l) => l.href),
        ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src),
        ...[...document.querySelectorAll('meta[property="og:image"]')].map((m) => new URL(m.getAttribute('content')!, location.href).href),
      ]);
      for (const r of refs) {
        const u = new URL(r);
        if (u.origin !== new URL(url).origin) continue; // the licence link to creativecommons.org is a plain link, never fetched
        u.hash = '';
        targets.add(u.href);
      }
      await v.context.close();
    }
    expect(targets.size).toBeGreaterThan(10);
    const broken: string[] = [];
    for (const t of targets) {
      if (!new URL(t).pathname.startsWith(BASE)) broken.push(`outside the folder: ${t}`);
      else {
        const r = await fetch(t);
        if (r.status !== 200) broken.push(`${r.status} ${t}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the engine starts from the folder: a slider re-renders its figure with live data', async () => {
    const v = await visit('');
    const figure = v.page.locator('live-figure').first();
    const id = await figure.getAttribute('id');
    const state = await pressSlider(v.page, `#${id}`, 'End');
    expect(await v.page.locator(`#${id} .status`).textContent()).toBe('');
    expect(state).toBe('live');
    expect(v.failures).toEqual([]);
    expect(v.outside).toEqual([]);
    await v.context.close();
  });

  it('a missing page gets the 404 page, styled, from inside the folder', async () => {
    const v = await visit('no-such-page/');
    expect(v.status).toBe(404);
    expect(await v.page.evaluate(() => [...document.styleSheets].every((s) => s.cssRules.length > 0))).toBe(true);
    expect(v.failures.filter((f) => !f.includes('no-such-page'))).toEqual([]);
    expect(v.outside).toEqual([]);
    await v.context.close();
  });
});
