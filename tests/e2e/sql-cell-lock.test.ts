import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { browserSuite } from './browser.ts';

/**
 * The engine lock by itself, below the SQL cell and its guard: statements are sent straight to
 * the page's DuckDB worker in DuckDB-WASM's own message format (as any script on the page could).
 * On a host that can carry the CSP only as a <meta> (GitHub Pages), nothing covers that worker but
 * the lock; here the URL is on the site's own origin, which any CSP would allow anyway.
 */
const baseURL = inject('baseURL');
const suite = browserSuite(baseURL);
const dist = process.env.E2E_DIST ?? new URL('../../dist', import.meta.url).pathname;

type Answer = { type: string; error?: string; ipc?: number[] };

/** Run statements on a DuckDB worker of the page through its own message handler, on a connection of their own. */
function ask(worker: Worker, statements: string[]): Promise<Answer[]> {
  return worker.evaluate(async (statements) => {
    const scope = globalThis as unknown as { postMessage: (m: unknown, t?: unknown) => void; onmessage: (e: { data: unknown }) => void };
    const answers = new Map<number, (m: { type: string; data: unknown }) => void>();
    const post = scope.postMessage;
    // Answers to these requests stay in the worker (the page's engine would not know them).
    scope.postMessage = function (m: unknown, t?: unknown) {
      const id = (m as { requestId?: number })?.requestId ?? 0;
      if (id >= 1e9) return answers.get(id)?.(m as { type: string; data: unknown });
      return post.call(this, m, t);
    };
    let next = 1e9;
    const request = (type: string, data: unknown) => new Promise<{ type: string; data: unknown }>((resolve) => {
      const id = next++;
      answers.set(id, resolve);
      scope.onmessage({ data: { messageId: id, type, data } });
    });
    try {
      const conn = (await request('CONNECT', null)).data;
      const out: { type: string; error?: string; ipc?: number[] }[] = [];
      for (const sql of statements) {
        const r = await request('RUN_QUERY', [conn, sql]);
        out.push(r.type === 'ERROR' ? { type: r.type, error: String((r.data as { message?: string })?.message ?? r.data) } : { type: r.type, ipc: Array.from(r.data as Uint8Array) });
      }
      await request('DISCONNECT', conn);
      return out;
    } finally {
      scope.postMessage = post;
    }
  }, statements);
}

const value = (a: Answer) => tableFromIPC(new Uint8Array(a.ipc!)).getChildAt(0)?.get(0);

/** The page's DuckDB workers. */
const duckdbWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('duckdb-watched'));

/** The page's (or the lab's) DuckDB worker, once its engine has locked itself. */
async function lockedWorker(page: Page): Promise<Worker> {
  for (let tries = 0; tries < 300; tries++) {
    for (const w of duckdbWorkers(page)) {
      const [r] = await ask(w, ["SELECT current_setting('lock_configuration')"]).catch(() => [{ type: 'ERROR' }]);
      if (r.type === 'QUERY_RESULT' && value(r) === true) return w;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no locked DuckDB worker on the page');
}

/** Requests for a URL, from the page and its workers. */
function counter(context: BrowserContext, url: string) {
  let n = 0;
  context.on('request', (r) => {
    if (r.url() === url) n++;
  });
  return () => n;
}

const target = `${baseURL}your-data/template.csv`;
const templateRows = readFileSync(`${dist}/your-data/template.csv`, 'utf8').trim().split('\n').length - 1;

describe('the locked engine (no guard in front)', () => {
  it("refuses a same-origin URL read that the worker could make and the same engine, unlocked, makes", async () => {
    const { page, context } = await suite.open('explore/');
    const requests = counter(context, target);
    await page.locator('#sql-text').fill('SELECT 1');
    await page.getByRole('button', { name: /^Run/ }).click();
    const worker = await lockedWorker(page);

    // The worker itself can fetch the URL: nothing but the lock stands in the way.
    expect(await worker.evaluate((url) => fetch(url).then((r) => r.ok), target)).toBe(true);
    const fetched = requests();
    const answers = await ask(worker, [`SELECT * FROM read_csv('${target}')`, `SELECT * FROM '${target}'`, `SELECT * FROM read_text('${target}')`, `ATTACH '${target}' AS x`, 'LOAD httpfs', 'SET enable_external_access = true', 'SET lock_configuration = false']);
    expect(answers.map((a) => a.error)).toEqual([
      expect.stringMatching(/^Permission Error: Cannot access file ".*template\.csv" - file system operations are disabled by configuration/),
      expect.stringMatching(/^Permission Error: Cannot access file/),
      expect.stringMatching(/^Permission Error: Cannot access file/),
      expect.stringMatching(/^Permission Error/),
      expect.stringMatching(/^Permission Error: Loading external extensions is disabled/),
      expect.stringMatching(/configuration has been locked/),
      expect.stringMatching(/configuration has been locked/),
    ]);
    expect(requests()).toBe(fetched);

    // The same engine and URL, unlocked (a second DuckDB worker started by hand): it reads the file.
    const duckdbWorker = decodeURIComponent(new URL(worker.url()).hash.slice(1));
    // (Downloaded by the page engine's worker: the SQL cell's engine is handed that worker's compiled module.)
    const downloads = await Promise.all(duckdbWorkers(page).map((w) => w.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('.wasm')) ?? '')));
    const wasm = downloads.find(Boolean) ?? '';
    expect(wasm).toMatch(/\.wasm$/);
    const rows = await page.evaluate(
      async ([duckdbWorker, wasm, url]) => {
        const w = new Worker(duckdbWorker);
        let id = 0;
        const pending = new Map<number, (m: { type: string; data: unknown }) => void>();
        w.onmessage = (e) => e.data.type !== 'INSTANTIATE_PROGRESS' && pending.get(e.data.requestId)?.(e.data);
        const request = (type: string, data: unknown) => new Promise<{ type: string; data: unknown }>((resolve) => {
          pending.set(++id, resolve);
          w.postMessage({ messageId: id, type, data });
        });
        try {
          await request('INSTANTIATE', [wasm, null]);
          await request('OPEN', {});
          const conn = (await request('CONNECT', null)).data;
          await request('RUN_QUERY', [conn, 'SET autoload_known_extensions = false']);
          const r = await request('RUN_QUERY', [conn, `SELECT count(*)::INTEGER AS n FROM read_csv('${url}')`]);
          return r.type === 'QUERY_RESULT' ? Array.from(r.data as Uint8Array) : String((r.data as { message?: string })?.message);
        } finally {
          w.terminate();
        }
      },
      [duckdbWorker, wasm, target],
    );
    expect(typeof rows === 'string' ? rows : tableFromIPC(new Uint8Array(rows)).getChildAt(0)?.get(0)).toBe(templateRows);
    expect(requests()).toBeGreaterThan(fetched);
    await context.close();
  });

  it("the SQL cell's engine is handed the WebAssembly the page's engine compiled: one download for both, and both run", async () => {
    const session = await suite.blank();
    const { page, context } = session;
    const wasm: string[] = [];
    context.on('request', (r) => void (new URL(r.url()).pathname.endsWith('.wasm') && wasm.push(r.url())));
    await page.goto(`${baseURL}explore/`);
    // The table (the page's engine), then a statement of the cell (its own engine, in a worker of its own).
    await page.selectOption('#ex-tier', 'micro');
    await page.waitForFunction(() => document.querySelector('explore-view')?.getAttribute('data-state') === 'live', null, { timeout: 45_000 });
    await page.locator('#sql-text').fill('SELECT count(*) AS n FROM influencers');
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.waitForFunction(() => document.querySelector('sql-cell')?.getAttribute('data-state') === 'done');
    expect(Number(await page.locator('sql-cell tbody td').first().textContent())).toBeGreaterThan(0);
    expect(duckdbWorkers(page)).toHaveLength(2);
    expect(wasm).toHaveLength(1);
    await context.close();
  });

  it("the page's DuckDB worker runs a module with only the exports DuckDB's script reads (src/tools/wasmExports.ts)", async () => {
    const { page, context } = await suite.open('explore/');
    await page.locator('#sql-text').fill('SELECT 1');
    await page.getByRole('button', { name: /^Run/ }).click();
    const worker = await lockedWorker(page);
    // (Downloaded by the page engine's worker: the SQL cell's engine is handed that worker's compiled module.)
    const downloads = await Promise.all(duckdbWorkers(page).map((w) => w.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('.wasm')) ?? '')));
    const url = downloads.find(Boolean) ?? '';
    expect(url).toMatch(/\.wasm$/);
    const exports = await worker.evaluate(async (url) => WebAssembly.Module.exports(await WebAssembly.compileStreaming(fetch(url))).length, url);
    // (DuckDB-WASM's own module has 75,011.)
    expect(exports).toBeGreaterThan(50);
    expect(exports).toBeLessThan(1000);
    const [sum] = await ask(worker, ['SELECT sum(x)::INTEGER FROM range(10) t(x)']);
    expect(value(sum)).toBe(45);
    await context.close();
  });

  it("the lab's engine is locked too, and refuses the same read", async () => {
    const { page, context } = await suite.open('lab/');
    const requests = counter(context, target);
    await page.getByRole('button', { name: 'Regenerate the world' }).click();
    const worker = await lockedWorker(page);
    const [read, set] = await ask(worker, [`SELECT * FROM read_csv('${target}')`, "SET memory_limit = '4GB'"]);
    expect(read.error).toMatch(/^Permission Error: Cannot access file/);
    expect(set.error).toMatch(/configuration has been locked/);
    const [limit] = await ask(worker, ["SELECT current_setting('memory_limit')"]);
    expect(value(limit)).toBe('1.0 GiB');
    expect(requests()).toBe(0);
    await context.close();
  });
});
