import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Byte budgets of the production build (sizes, not timings: deterministic). `npm test` builds
 * before it runs this suite. The critical path of a page is what it loads before the reader
 * interacts: its module scripts and their static imports, its stylesheets and the HTML itself.
 */
const dist = process.env.BUDGET_DIST ?? new URL('../../../dist/', import.meta.url).pathname;
const KB = 1024;
const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Budgets in gzip bytes; the JavaScript budget of every page is QUALITY.md's 50 KB, the front page's is much tighter. */
const BUDGETS = {
  frontPageJs: 8 * KB,
  anyPageJs: 50 * KB,
  css: 12 * KB,
  frontPageHtml: 110 * KB,
  otherPageHtml: 40 * KB,
};

const pages = () => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('no production build in dist/: run `npm test` (it builds first)');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.html')) out.push(join(dir, e.name));
    }
  };
  walk(dist);
  return out.map((f) => f.slice(dist.length));
};

const fileOf = (url: string) => join(dist, url.replace(/^\/+/, '').replace(/^(?:[^_][^/]*\/)*?(?=_astro\/)/, ''));

/** A page's module scripts and modulepreloads, then every static import they make (dynamic `import()` is not followed). */
function criticalScripts(html: string): string[] {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\stype="module"[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => fileOf(m[1]));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`; not `import("./a.js")`.
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) queue.push(join(dirname(file), m[1]));
  }
  return [...seen];
}

const stylesheets = (html: string) => [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => fileOf(m[1]));

describe('byte budgets of the production build (gzip)', () => {
  const all = pages();
  const read = (page: string) => readFileSync(join(dist, page), 'utf8');

  it('the build has the pages it should', () => {
    for (const p of ['index.html', '404.html', 'data/index.html', 'explore/index.html', 'your-data/index.html']) expect(all).toContain(p);
  });

  it(`the front page's critical-path JavaScript is at most ${BUDGETS.frontPageJs / KB} KB, and holds no engine, Plot or data`, () => {
    const scripts = criticalScripts(read('index.html'));
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((s, f) => s + gz(readFileSync(f)), 0);
    expect(total).toBeLessThanOrEqual(BUDGETS.frontPageJs);
    for (const f of scripts) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/AsyncDuckDB|instantiateStreaming|plot-d6a7b5|\.arrow\b/);
    }
  });

  it(`every page's critical-path JavaScript is at most ${BUDGETS.anyPageJs / KB} KB`, () => {
    for (const page of all) {
      const total = criticalScripts(read(page)).reduce((s, f) => s + gz(readFileSync(f)), 0);
      expect(total, page).toBeLessThanOrEqual(BUDGETS.anyPageJs);
    }
  });

  it('no page preloads the wasm, the worker or the data (they load on interaction or when idle)', () => {
    for (const page of all) {
      const links = [...read(page).matchAll(/<link[^>]*>/g)].map((m) => m[0]);
      for (const l of links) expect(l, page).not.toMatch(/\.wasm|\.arrow|worker|manifest\.json/);
      expect(read(page), page).not.toMatch(/<script[^>]*src="[^"]*duckdb/);
    }
  });

  it(`every page's CSS is at most ${BUDGETS.css / KB} KB`, () => {
    for (const page of all) {
      const total = stylesheets(read(page)).reduce((s, f) => s + gz(readFileSync(f)), 0);
      expect(total, page).toBeLessThanOrEqual(BUDGETS.css);
    }
  });

  it(`the front page's HTML (every chart pre-rendered) is at most ${BUDGETS.frontPageHtml / KB} KB, the others ${BUDGETS.otherPageHtml / KB} KB`, () => {
    for (const page of all) {
      const budget = page === 'index.html' ? BUDGETS.frontPageHtml : BUDGETS.otherPageHtml;
      expect(gz(read(page)), page).toBeLessThanOrEqual(budget);
    }
  });

  it('the budget walker finds static imports and ignores dynamic ones', () => {
    const code = `import{t as e}from"./preload-helper.js";import "./side.js";export*from"./re.js";const r=()=>import("./lazy.js");`;
    const found = [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    expect(found).toEqual(['./preload-helper.js', './side.js', './re.js']);
  });
});
