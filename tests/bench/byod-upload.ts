/**
 * The benchmark's "Your data" row: the 1M-row export of byod-large.ts picked on the page of the
 * production build, timed from the file input's change to the analysis shown (`data-state`
 * "loaded"), with the page's own stages (data-load-ms: parsed in the worker, then mapped, typed
 * and analysed) and the longest main-thread task meanwhile (the page must stay usable). Checks
 * that the page read the rows it was given. `node tests/bench/byod-upload.ts URL [FILE]` runs it once
 * against a server already running.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { writeLargeExport } from './byod-large.ts';

export interface UploadRun {
  /** Change of the file input → results shown, ms. */
  total: number;
  /** The page's stages, ms: parsed (read + parse in the worker, as the page waited for it) and analysed (mapping, typed columns, analysis, render). */
  parsed: number;
  analysed: number;
  /** Inside the worker: reading the bytes, and parsing them (decode, scan, checks). */
  read: number;
  parse: number;
  /** The longest main-thread task seen from the change to the results. */
  longestTask: number;
  /** Progress reports the page showed (the bar's distinct values). */
  progressSteps: number;
  rows: string;
}

/** The large file, written when missing. */
export function largeExport(path: string): string {
  if (!existsSync(path)) writeLargeExport(path);
  return path;
}

export async function measureUpload(browser: Browser, url: string, file: string): Promise<UploadRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const b: Record<string, number> = ((window as unknown as { __byod: Record<string, number> }).__byod = { longest: 0, steps: 0 });
    const seen = new Set<number>();
    document.addEventListener('change', (e) => (e.target as HTMLElement).id === 'byod-file' && (b.t0 = performance.now()), true);
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (b.t0 !== undefined && b.done === undefined && e.startTime >= b.t0) b.longest = Math.max(b.longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
    addEventListener('DOMContentLoaded', () => {
      const el = document.querySelector('byod-app')!;
      const bar = el.querySelector('progress')!;
      new MutationObserver(() => {
        if (!bar.hidden && bar.hasAttribute('value') && !seen.has(bar.value)) seen.add(bar.value), (b.steps = seen.size);
        if (b.t0 !== undefined && b.done === undefined && (el.getAttribute('data-state') === 'loaded' || el.hasAttribute('data-failed'))) b.done = performance.now();
      }).observe(el, { attributes: true, subtree: true, childList: true, characterData: true });
    });
  });
  const page = await context.newPage();
  await page.goto(`${url}your-data/`);
  await page.setInputFiles('#byod-file', file);
  await page.waitForFunction(() => (window as unknown as { __byod: { done?: number } }).__byod.done !== undefined, null, { timeout: 600_000, polling: 100 });
  const failed = await page.locator('[data-error]').isVisible();
  if (failed) throw new Error(`the large file was refused: ${await page.locator('[data-error]').textContent()}`);
  const b = await page.evaluate(() => (window as unknown as { __byod: Record<string, number> }).__byod);
  const stages = JSON.parse((await page.locator('byod-app').getAttribute('data-load-ms')) ?? '{}') as Record<string, number>;
  const rows = (await page.locator('[data-file-meta]').textContent()) ?? '';
  await context.close();
  return { total: b.done - b.t0, parsed: stages.parsed, analysed: stages.analysed, read: stages.read, parse: stages.parse, longestTask: b.longest, progressSteps: b.steps, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch } = await import('../e2e/browser.ts');
  const url = process.argv[2];
  const file = largeExport(process.argv[3] ?? new URL('../../.bench/byod-1m.csv', import.meta.url).pathname);
  const browser = await launch();
  try {
    console.log(await measureUpload(browser, url, file));
  } finally {
    await browser.close();
  }
}
