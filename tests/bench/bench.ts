/**
 * `npm run bench [-- --runs N] [--json FILE] [--skip-build] [--no-lighthouse] [--only GROUPS]`: the benchmark of
 * QUALITY.md. Builds the data and the site (timed: the full build), builds the 100k-account /
 * 1M-placement world into .bench/ (never shipped), serves the production build with its
 * pre-compressed copies through src/tools/serve.ts on 127.0.0.1, drives headless Chromium over
 * several runs, and prints one table of medians and 95th percentiles. Not a test: timings on a
 * shared machine are noisy, so they are reported, not asserted. `--only` takes a comma-separated
 * list of the groups to run (sweep, load, sql-cell, touch, sql, lab, byod, lighthouse; default all), for
 * measuring one part while changing it; rows of the other groups print as n/a.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../e2e/browser.ts';
import { precompress } from '../../src/tools/compress.ts';
import '../../data/rawImports.ts';
import { bindSql, parameterNames } from '../../src/sql/bind.ts';
import { DEFAULTS } from '../../src/lib/state/params.ts';
import { figureRows, median, p95, printTable, type Row } from './report.ts';
import { profileSummary } from './profile.ts';
import { firstTouchStages } from './first-touch.ts';

const root = new URL('../..', import.meta.url).pathname;
process.chdir(root);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    json: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number(args.runs) || 5);
const GROUPS = ['sweep', 'load', 'sql-cell', 'touch', 'sql', 'lab', 'byod', 'lighthouse'] as const;
const only = args.only ? new Set(args.only.split(',').map((g) => g.trim())) : null;
for (const g of only ?? []) if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`bench: unknown group "${g}" (--only takes ${GROUPS.join(', ')})`);
/** Whether a group of rows is measured in this run. */
const wanted = (group: (typeof GROUPS)[number]) => (only === null || only.has(group)) && !(group === 'lighthouse' && args['no-lighthouse']);
const BENCH = join(root, '.bench');
const DIST = join(BENCH, 'dist');
const LARGE_DATA = join(BENCH, 'large');
const DIST_LARGE = join(BENCH, 'dist-large');
const WORLD_DB = join(BENCH, 'world.duckdb');

// Lighthouse is the benchmark's own dependency (tests/bench/package.json: ~110 packages that the
// root install leaves out), installed on first use.
const LIGHTHOUSE = join(root, 'tests/bench/node_modules/lighthouse/cli/index.js');
if (wanted('lighthouse') && !existsSync(LIGHTHOUSE)) {
  console.log('bench: installing Lighthouse into tests/bench/node_modules (first use)');
  if (spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: join(root, 'tests/bench'), stdio: 'inherit' }).status !== 0) {
    console.error('bench: could not install Lighthouse (npm ci in tests/bench failed); run with -- --no-lighthouse to skip it');
    process.exit(1);
  }
}
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const log = (...a: unknown[]) => console.error('bench:', ...a);
mkdirSync(BENCH, { recursive: true });

function run(what: string, command: string, argv: string[], env: Record<string, string> = {}): number {
  const t = performance.now();
  const r = spawnSync(command, argv, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${what} failed (exit ${r.status})`);
  }
  const ms = performance.now() - t;
  log(`${what}: ${(ms / 1000).toFixed(1)} s`);
  return ms;
}

// 1. The full build, as a fresh clone does it (data + site + post-build, compression cache cold).
let buildMs: number | null = null;
if (!args['skip-build'] || !existsSync(join(DIST, 'index.html'))) {
  const cache = join(BENCH, 'precompress-cold');
  rmSync(cache, { recursive: true, force: true });
  buildMs =
    run('data', process.execPath, ['data/build.ts', '--db', WORLD_DB]) +
    run('astro build', process.execPath, [bin('astro'), 'build', '--outDir', DIST], { WORLD_DB }) +
    run('post-build', process.execPath, ['src/tools/postbuild.ts', '--dir', DIST], { PRECOMPRESS_CACHE: cache });
  rmSync(cache, { recursive: true, force: true });
}

// 2. The large world (rebuilt only when the simulator or the build SQL changed: its manifest records their hash).
run('large world (100k accounts, 1M placements)', process.execPath, ['data/build.ts', '--scale', 'large', '--out', LARGE_DATA, '--if-stale']);

// 3. The bench-only harness page (the site's engine module, for SQL and Parquet timings), and a copy of
//    the build with the large world's data in place of the default.
const HARNESS = join(BENCH, 'harness');
{
  const { build } = await import('vite');
  await build({
    root: join(root, 'tests/bench/page'),
    base: '/',
    logLevel: 'warn',
    configFile: false,
    build: { outDir: HARNESS, emptyOutDir: true, assetsDir: '__bench', assetsInlineLimit: 0, modulePreload: false },
  });
}
rmSync(DIST_LARGE, { recursive: true, force: true });
cpSync(DIST, DIST_LARGE, { recursive: true, filter: (src) => !src.startsWith(join(DIST, 'data')) });
mkdirSync(join(DIST_LARGE, 'data'));
for (const f of readdirSync(LARGE_DATA)) if (f.endsWith('.arrow') || f === 'manifest.json') cpSync(join(LARGE_DATA, f), join(DIST_LARGE, 'data', f));
for (const dist of [DIST, DIST_LARGE]) {
  cpSync(join(HARNESS, 'index.html'), join(dist, '__bench', 'index.html'));
  cpSync(join(HARNESS, '__bench'), join(dist, '__bench'), { recursive: true });
}
await precompress(join(DIST_LARGE, 'data'));
await precompress(join(DIST, '__bench'), { cacheDir: join(root, 'node_modules/.cache/precompress') });
await precompress(join(DIST_LARGE, '__bench'), { cacheDir: join(root, 'node_modules/.cache/precompress') });
// The front page without the pre-rendered dots, to see what the scatter plots cost the first paint.
{
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  mkdirSync(join(DIST, '__bench', 'no-dots'), { recursive: true });
  writeFileSync(join(DIST, '__bench', 'no-dots', 'index.html'), html.replace(/<circle\b[^>]*>(<\/circle>)?/g, '').replace(/(<g\b[^>]*class="dots"[^>]*>)[\s\S]*?<\/g>/g, '$1</g>'));
  await precompress(join(DIST, '__bench', 'no-dots'));
}

// 4. Serve both builds from their own processes (Lighthouse deadlocks against a server in its own process).
function startServer(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['src/tools/serve.ts', '--dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.on('data', (b) => {
      out += b;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) done({ url: m[1], child });
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code})`)));
  });
}
const site = await startServer(DIST);
const large = await startServer(DIST_LARGE);
const stop = () => {
  site.child.kill();
  large.child.kill();
};
process.on('exit', stop);

const results = new Map<string, number[]>();
const note = (name: string, v: number | null | undefined) => {
  if (v === null || v === undefined || !Number.isFinite(v)) return;
  results.set(name, [...(results.get(name) ?? []), v]);
};
const notes: string[] = [];
/** The first touch's stages per world: ms after the touch, per run. */
const firstTouch: Record<'default' | 'large', Record<string, number[]>> = { default: {}, large: {} };

// The data step's break-even sweep on its own: uncached (an empty cache folder), then from that cache.
if (wanted('sweep')) {
  const { sweepStep } = await import('../../data/sweep/run.ts');
  const cacheDir = join(BENCH, 'sweep-cache');
  const out = join(BENCH, 'sweep-out');
  for (let i = 0; i < Math.min(2, RUNS); i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const cold = await sweepStep(root, out, cacheDir);
    const warm = await sweepStep(root, out, cacheDir);
    log(`break-even sweep: ${(cold.ms / 1000).toFixed(1)} s uncached, ${(warm.ms / 1000).toFixed(2)} s cached`);
    note('break-even sweep in the data step (uncached)', cold.ms / 1000);
    note('break-even sweep in the data step (cached)', warm.ms / 1000);
  }
}

let browser: Browser = await launch();

/** A cold page: fresh context (empty cache), paint observers installed before the document exists. */
async function coldPage(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const b: Record<string, number> = ((window as unknown as { __bench: Record<string, number> }).__bench = {});
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((l) => {
      const es = l.getEntries();
      b.lcp = es[es.length - 1].startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // The first pre-rendered chart is painted in the first frame produced after it is in the DOM.
    const poll = () => {
      if (document.querySelector('live-figure .chart svg, .chart svg')) {
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => (b.chart ??= performance.now());
          ch.port2.postMessage(0);
        });
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    document.addEventListener('keydown', () => (b.firstKey ??= performance.now()), true);
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const bench = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);

/** Move a slider of a figure through distinct values, timing each move from the value change to the frame after the figure is live again (a drag's next step may have been prefetched by then; a jump's cannot). */
async function sliderMoves(page: Page, figure: string, moves: number, event: 'input' | 'change' = 'input', { slider = 0, from = 0, jump = false } = {}): Promise<number[]> {
  return page.evaluate(
    async ({ figure, moves, event, slider, from, jump }) => {
      const el = document.querySelector<HTMLElement>(figure)!;
      const input = el.querySelectorAll<HTMLInputElement>('input[type="range"]')[slider];
      const min = Number(input.min);
      const max = Number(input.max);
      const step = Number(input.step) || (max - min) / 20;
      const values: number[] = [];
      for (let v = min + from * step; v <= max + 1e-9; v += step) values.push(Number(v.toFixed(6)));
      // A jump goes to a value far from the last (alternately from the two halves of the range, every
      // other step): never the step a drag's prefetch would have run ahead.
      if (jump) {
        const half = values.length >> 1;
        const every2 = (from: number, to: number) => values.slice(from, to).filter((_, i) => i % 2 === 0);
        const [low, high] = [every2(0, half), every2(half, values.length)];
        values.splice(0, values.length, ...low.flatMap((v, i) => (i < high.length ? [v, high[i]] : [v])));
      }
      values.splice(moves);
      const out: number[] = [];
      for (const [i, v] of values.entries()) {
        if (String(v) === input.value) continue;
        // Each move starts at another point of the display's 16.7 ms frame, as a reader's key press or
        // click would. Moves started straight after the previous one's frame are phase-locked to it:
        // any update ready before the next frame then measures one whole frame interval (~16.7 ms),
        // whatever the code does.
        await new Promise((r) => setTimeout(r, 20 + ((i * 7) % 17)));
        const t0 = performance.now();
        const done = new Promise<number>((resolve) => {
          const obs = new MutationObserver(() => {
            if (el.dataset.state === 'live' || el.dataset.state === 'failed') {
              obs.disconnect();
              requestAnimationFrame(() => {
                const ch = new MessageChannel();
                ch.port1.onmessage = () => resolve(performance.now() - t0);
                ch.port2.postMessage(0);
              });
            }
          });
          obs.observe(el, { attributes: true, attributeFilter: ['data-state'] });
        });
        input.value = String(v);
        input.dispatchEvent(new Event(event, { bubbles: true }));
        out.push(await done);
        if (el.dataset.state === 'failed') throw new Error(`figure failed: ${el.querySelector('.status')?.textContent}`);
      }
      return out;
    },
    { figure, moves, event, slider, from, jump },
  );
}

const FIGURE = '#fig-score-sell';
const jsGzip = new Map<string, number>();
const gzipOf = (path: string) => {
  if (!jsGzip.has(path)) jsGzip.set(path, gzipSync(readFileSync(path), { level: 9 }).length);
  return jsGzip.get(path)!;
};

/**
 * Open the front page cold and make the first interaction as early as possible (the first step of a
 * drag on the weight slider: an `input` event; a release would also recompute bootstrap intervals).
 */
async function interactive(url: string, label: 'default' | 'large') {
  const page = await coldPage(url);
  await page.locator(FIGURE).scrollIntoViewIfNeeded();
  const t0 = await page.evaluate((f) => {
    const el = document.querySelector<HTMLElement>(f)!;
    // The moment the figure says it is live (or failed), taken in the page as it happens: polling for it would add up to a polling interval.
    const w = window as unknown as { __live?: number };
    new MutationObserver((_, observer) => {
      if (!['live', 'failed'].includes(el.getAttribute('data-state') ?? '')) return;
      w.__live = performance.now();
      observer.disconnect();
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
    const input = el.querySelector<HTMLInputElement>('input[type="range"]')!;
    input.focus();
    const t = performance.now();
    input.value = String(Number(input.value) - (Number(input.step) || 0.05));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return t;
  }, FIGURE);
  const live = (await (await page.waitForFunction(() => (window as unknown as { __live?: number }).__live ?? false, null, { timeout: 300_000, polling: 50 })).jsonValue()) as number;
  const state = await page.locator(FIGURE).getAttribute('data-state');
  if (state !== 'live') throw new Error(`${label}: the figure failed: ${await page.locator(`${FIGURE} .status`).textContent()}`);
  // The engine's setup finishes after the first chart (its remaining tables and the lock): wait for it.
  const engineMark = await page
    .waitForFunction(() => performance.getEntriesByName('influence:engine-ready')[0]?.startTime ?? false, null, { timeout: 120_000, polling: 50 })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => null);
  const stages = await firstTouchStages(page, t0, (await page.locator(FIGURE).getAttribute('data-figure'))!);
  for (const [stage, ms] of Object.entries(stages)) (firstTouch[label][stage] ??= []).push(ms);
  return { page, firstInteraction: live - t0, engineReadyMark: engineMark, key: t0 };
}

for (let r = 0; r < RUNS; r++) {
  log(`run ${r + 1} of ${RUNS}`);
  // Cold load of the front page: first chart, first paint, critical-path JavaScript.
  if (wanted('load')) {
    const page = await coldPage(site.url);
    await page.waitForFunction(() => (window as unknown as { __bench: { chart?: number } }).__bench.chart !== undefined);
    const b = await bench(page);
    note('first chart painted', b.chart);
    note('first contentful paint', b.fcp);
    note('largest contentful paint', b.lcp);
    const critical = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= nav.domContentLoadedEventEnd && /\.m?js(\?|$)/.test(e.name))
        .map((e) => new URL(e.name).pathname);
    });
    const total = critical.reduce((s, p) => s + gzipOf(join(DIST, p)), 0);
    note('critical-path JavaScript (gzip)', total / 1024);
    if (r === 0) notes.push(`critical path JS: ${critical.map((p) => `${p.split('/').pop()} ${(gzipOf(join(DIST, p)) / 1024).toFixed(1)} KB`).join(', ')}`);
    await page.context().close();
    const lite = await coldPage(`${site.url}__bench/no-dots/`);
    await lite.waitForFunction(() => (window as unknown as { __bench: { chart?: number } }).__bench.chart !== undefined);
    const bl = await bench(lite);
    note('first chart painted, HTML without the scatter dots', bl.chart);
    note('first contentful paint, HTML without the scatter dots', bl.fcp);
    await lite.context().close();
  }
  // A long SQL-cell query must not hold up the page's other queries: on the explore page (where the
  // cell shares the engine with the explore table), start a query that runs about 5 s (240M rows
  // joined and filtered; about 1.6 s per 80M here), then move a
  // weight slider of the table while it runs; moves that ended after the query are not counted.
  if (wanted('sql-cell')) {
    const page = await coldPage(`${site.url}explore/`);
    const EXPLORE = 'explore-view';
    await page.locator(EXPLORE).scrollIntoViewIfNeeded();
    for (const m of await sliderMoves(page, EXPLORE, 8)) note('slider → updated table (explore), nothing else running', m);
    await page.evaluate(() => {
      const cell = document.querySelector('sql-cell')!;
      cell.querySelector('textarea')!.value = 'SELECT count(*) FROM range(600000) a(x), range(400) b(y) WHERE (x * 7 + y * 13) % 1000003 = 0';
      cell.querySelector('form')!.requestSubmit();
    });
    await page.waitForFunction(() => document.querySelector('sql-cell')?.getAttribute('data-state') === 'running');
    const started = Date.now();
    const moves = await sliderMoves(page, EXPLORE, 12, 'input', { from: 3 });
    const movesMs = Date.now() - started;
    await page.waitForFunction(() => document.querySelector('sql-cell')?.getAttribute('data-state') !== 'running', null, { timeout: 60_000 });
    const cellMs = Date.now() - started;
    if (cellMs > movesMs) for (const m of moves) note('slider → updated table while a 5 s SQL-cell query runs', m);
    if (r === 0) notes.push(`SQL cell under the slider moves: ran ${(cellMs / 1000).toFixed(1)} s from the first move (${(movesMs / 1000).toFixed(1)} s of moves), ended "${await page.locator('sql-cell').getAttribute('data-state')}"`);
    await page.context().close();
  }
  // First interaction at the earliest moment, then slider moves, on the default data and on the large world.
  for (const [label, server] of wanted('touch')
    ? ([
        ['default', site],
        ['large', large],
      ] as const)
    : []) {
    const { page, firstInteraction, engineReadyMark, key } = await interactive(server.url, label);
    if (label === 'default') {
      note('engine ready after first interaction', engineReadyMark !== null ? Math.max(0, engineReadyMark - key) : firstInteraction);
      note('first interaction → first live chart', firstInteraction);
    } else note('first interaction → first live chart, large world', firstInteraction);
    const moves = await sliderMoves(page, FIGURE, label === 'default' ? 12 : 6);
    for (const m of moves) note(label === 'default' ? 'slider → updated chart and prose' : 'slider → updated chart, 100k accounts / 1M placements', m);
    // Jumps (a click on the track, a link): the query for the new value cannot have been run ahead of the move.
    for (const m of await sliderMoves(page, FIGURE, 8, 'input', { slider: 2, jump: true })) note(label === 'default' ? 'slider jump → updated chart and prose' : 'slider jump → updated chart, 1M placements', m);
    // A release also recomputes the intervals (a 1,000-resample bootstrap; Fisher z above 5,000 placements a brand).
    for (const m of await sliderMoves(page, FIGURE, 4, 'change', { from: 13 })) note(label === 'default' ? 'slider released → chart, prose and intervals' : 'slider released → chart and intervals, 1M placements', m);
    if (r === 0) {
      const n = label === 'default' ? 10 : 2;
      // Another slider of the figure, so that no result comes from the query cache.
      const profile = await profileSummary(page, () => sliderMoves(page, FIGURE, n, 'input', { slider: 1 }).then(() => {}), n);
      notes.push(`where a slider move's main-thread time goes (${label} data, self time per move): ${profile}`);
    }
    await page.context().close();
  }
}

// The scoring SQL: DuckDB-WASM in Chromium against DuckDB on Node, same text, same data; then the 1M-row Parquet download.
async function harness(url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}__bench/`);
  await page.waitForFunction(() => document.body.hasAttribute('data-ready'));
  await page.evaluate(() => (window as unknown as { harness: { ready(): Promise<number> } }).harness.ready());
  return page;
}
async function nodeSql(dbPath: string, runs: number): Promise<number[]> {
  // The SQL catalog imports its files with `?raw`: loaded after data/rawImports.ts has registered its hook.
  const { openWorld } = await import('../../src/lib/db/world.ts');
  const { QUERIES } = await import('../../src/sql/catalog.ts');
  const db = await openWorld(dbPath);
  const text = QUERIES.account_scores;
  const params = Object.fromEntries(parameterNames(text).map((p) => [p, (DEFAULTS as Record<string, unknown>)[p]]));
  const { sql, values } = bindSql(text, params as never);
  const ms: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    await db.query(sql, values);
    if (i > 0) ms.push(performance.now() - t); // the first run warms the file cache
  }
  db.close();
  return ms;
}
for (const [label, server, db] of wanted('sql')
  ? ([
      ['default', site, WORLD_DB],
      ['large', large, join(LARGE_DATA, 'world.duckdb')],
    ] as const)
  : []) {
  const page = await harness(server.url);
  const wasm = await page.evaluate((runs) => (window as unknown as { harness: { sql(n: string, r: number): Promise<{ ms: number[] }> } }).harness.sql('account_scores', runs), RUNS * 2 + 1);
  wasm.ms.shift();
  const native = await nodeSql(db, RUNS * 2);
  const name = label === 'default' ? 'scoring SQL, DuckDB-WASM ÷ DuckDB on Node' : 'scoring SQL, WASM ÷ Node, 1M placements';
  results.set(name, [median(wasm.ms) / median(native), p95(wasm.ms) / p95(native)]);
  notes.push(`scoring SQL (${label}): DuckDB-WASM median ${median(wasm.ms).toFixed(1)} ms, DuckDB on Node ${median(native).toFixed(1)} ms`);
  if (label === 'large') {
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const p = await page.evaluate(() => (window as unknown as { harness: { parquet(): Promise<{ ms: number; queryMs: number; rows: number; bytes: number }> } }).harness.parquet());
      note('download of 1M filtered rows to Parquet', p.ms);
      if (i === 0) notes.push(`Parquet download: ${p.rows.toLocaleString('en-US')} rows, ${(p.bytes / 1048576).toFixed(1)} MB, of which the query ${p.queryMs.toFixed(0)} ms`);
    }
  }
  await page.context().close();
}

// The lab's regeneration, as the lab page reports it: the default world regenerated several times
// once the lab has warmed up (as it does while a reader reads), each to the end of its bootstrap
// intervals; with the longest main-thread task the page's own long-task observer saw meanwhile.
if (wanted('lab')) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const response = await page.goto(`${site.url}lab/`);
  const lab = page.locator('lab-app');
  const button = page.getByRole('button', { name: 'Regenerate the world' });
  /** One regeneration: its total, its stages and the longest main-thread task (null if the page has none of these). */
  const regenerate = async () => {
    await page.evaluate(() => {
      const el = document.querySelector('lab-app');
      for (const a of ['data-regen-ms', 'data-longest-task-ms']) el?.removeAttribute(a);
    });
    await button.click();
    await page.waitForFunction(
      () => {
        const el = document.querySelector('lab-app');
        if (el?.getAttribute('data-state') === 'failed') throw new Error(document.querySelector('[data-status]')?.textContent ?? 'failed');
        return el?.getAttribute('data-regen-ms') && el.getAttribute('data-intervals') === 'done' && el.hasAttribute('data-world-digest');
      },
      null,
      { timeout: 120_000, polling: 50 },
    );
    return {
      ms: Number(await lab.getAttribute('data-regen-ms')),
      longest: Number(await lab.getAttribute('data-longest-task-ms')),
      stages: (await lab.getAttribute('data-regen-stages')) ?? '',
    };
  };
  if (response?.status() === 200 && (await button.count())) {
    await page.waitForFunction(() => document.querySelector('lab-app')?.getAttribute('data-warm') === 'done', null, { timeout: 120_000 }).catch(() => {});
    const runs = Math.max(3, RUNS);
    for (let i = 0; i < runs; i++) {
      const r = await regenerate().catch((error: Error) => {
        notes.push(`lab regeneration failed: ${error.message}`);
        return null;
      });
      if (!r) break;
      note('lab: regenerate the world', r.ms);
      note('lab: longest main-thread task during a regeneration', r.longest);
      notes.push(`lab regeneration ${i + 1}: ${r.ms} ms, longest main-thread task ${r.longest} ms, stages (ms; loading and deriving overlap the simulation) ${r.stages}`);
    }
  }
  if (!results.has('lab: regenerate the world')) notes.push('lab regeneration: n/a (no /lab/ page with a data-regen-ms attribute)');

  // The lab's break-even sweep of one assumption (the relevance effect: ten worlds regenerated, each judged at every grid point).
  const sweep = page.locator('[data-lab-sweep]');
  if (await sweep.count()) {
    for (let i = 0; i < Math.min(2, RUNS); i++) {
      await sweep.locator('select[name="sweep-key"]').selectOption('relevance');
      await sweep.getByRole('button', { name: 'Sweep it' }).click();
      const ok = await page
        .waitForFunction(() => ['done', 'failed'].includes(document.querySelector('[data-lab-sweep]')?.getAttribute('data-state') ?? ''), null, { timeout: 300_000, polling: 100 })
        .then(() => sweep.getAttribute('data-state'))
        .catch(() => 'timeout');
      if (ok !== 'done') {
        notes.push(`lab sweep: ${ok}`);
        break;
      }
      note('lab: sweep one assumption (relevance effect, 10 worlds)', Number(await sweep.getAttribute('data-sweep-ms')) / 1000);
    }
  }
  await context.close();
}
// Your data: the 1M-row, ~100 MB export (tests/bench/byod-large.ts, written into .bench/ on first
// use) picked on the page, read and parsed in its worker, mapped, typed and analysed (byod-upload.ts).
if (wanted('byod')) {
  const { largeExport, measureUpload } = await import('./byod-upload.ts');
  const file = largeExport(join(BENCH, 'byod-1m.csv'));
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const r = await measureUpload(browser, site.url, file).catch((error: Error) => {
      notes.push(`your data, 1M rows: failed (${error.message})`);
      return null;
    });
    if (!r) break;
    note('your data: a 1M-row, ~100 MB export loaded, mapped and analysed', r.total / 1000);
    note('your data: 1M rows read and parsed in the worker', r.parsed / 1000);
    note('your data: 1M rows mapped, typed and analysed', r.analysed / 1000);
    note('your data: longest main-thread task during the 1M-row load', r.longestTask);
    if (i === 0) notes.push(`your data, 1M rows (${r.rows.replace(/ Detected.*/, '')}): inside the worker, read ${r.read} ms and parse ${r.parse} ms; ${r.progressSteps} progress steps shown`);
  }
}
await browser.close();

// Lighthouse, mobile (its default: emulated phone, throttled) and desktop, on the front page.
if (wanted('lighthouse')) {
  for (const preset of ['mobile', 'desktop'] as const) {
    const out = join(BENCH, `lighthouse-${preset}.json`);
    const lh = spawnSync(
      process.execPath,
      [
        LIGHTHOUSE,
        site.url,
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        '--only-categories=performance,accessibility,best-practices,seo',
        '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, encoding: 'utf8', timeout: 300_000 },
    );
    if (lh.status !== 0 || !existsSync(out)) {
      notes.push(`lighthouse ${preset}: failed (${(lh.stderr || '').trim().split('\n').pop()})`);
      continue;
    }
    const report = JSON.parse(readFileSync(out, 'utf8')) as { categories: Record<string, { score: number | null }>; audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }> };
    for (const [key, label] of [
      ['performance', 'performance'],
      ['accessibility', 'accessibility'],
      ['best-practices', 'best practices'],
      ['seo', 'SEO'],
    ]) {
      const score = report.categories[key]?.score;
      if (score !== null && score !== undefined) results.set(`Lighthouse ${preset}: ${label}`, [Math.round(score * 100)]);
    }
    const failing = Object.entries(report.audits)
      .filter(([, a]) => a.score !== null && a.score < 0.9 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map(([id]) => id);
    if (failing.length) notes.push(`lighthouse ${preset}: audits below 0.9: ${failing.join(', ')}`);
  }
}
stop();

if (buildMs !== null) results.set('full build (data + site)', [buildMs / 1000]);
const rows: Row[] = figureRows(results);
for (const label of wanted('touch') ? (['default', 'large'] as const) : []) {
  const stages = Object.entries(firstTouch[label]).filter(([, v]) => v.every(Number.isFinite));
  notes.push(`first touch, ${label} world (median ms after the touch): ${stages.map(([k, v]) => `${k} ${Math.round(median(v))}`).join(', ')}`);
}
printTable(rows, RUNS);
for (const n of notes) console.log(`- ${n}`);
if (args.json) {
  writeFileSync(args.json, JSON.stringify({ figures: rows.map(({ name, unit, median, p95, goal }) => ({ name, unit, median, p95, goal })) }, null, 2) + '\n');
  log(`wrote ${relative(root, args.json) || args.json}`);
}
process.exit(0);
