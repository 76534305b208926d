/**
 * The post-build step (`npm run build` runs it after `astro build`):
 * 1. the Content-Security-Policy: hashes of every inline style in the built pages and of the
 *    styles Observable Plot writes when it re-renders a chart in the browser; written into each
 *    page as a `<meta>` (hosts that cannot set headers) and into `_headers` (hosts that can);
 * 2. pre-compressed `.br`/`.gz` copies of the large assets.
 *
 *   node src/tools/postbuild.ts [--dir dist] [--base /sub/] [--no-compress]
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { inlineContent, policy, type InlineContent } from './csp.ts';
import { precompress } from './compress.ts';

/** The `<style>` texts Plot writes for a chart and its legends (they depend only on Plot's options, not on data). */
export function plotStyles(): string[] {
  // Plot's types leave out the `document` option that legends accept like plots do.
  const legend = Plot.legend as unknown as (options: object) => Element;
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const d = document as unknown as Document;
  const nodes = [
    Plot.plot({ document: d, marks: [Plot.dot([1, 2], { x: (v: number) => v })] }),
    Plot.plot({ document: d, color: { legend: true, domain: ['a', 'b'] }, marks: [Plot.dot(['a', 'b'], { x: (_: string, i: number) => i, fill: (v: string) => v })] }),
    legend({ document: d, color: { type: 'categorical', domain: ['a', 'b'] } }),
    legend({ document: d, color: { type: 'categorical', domain: ['a', 'b'] }, columns: 2 }),
    legend({ document: d, color: { type: 'threshold', domain: [0.5], range: ['red', 'blue'] } }),
  ];
  return nodes.flatMap((n) => Array.from((n as Element).querySelectorAll('style'), (s) => s.textContent ?? ''));
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

const META = /<meta http-equiv="content-security-policy"[^>]*>/i;

/** Write the policy into every page and into `_headers`; returns the header policy. */
export function writePolicy(dir: string, base = '/'): string {
  const files = htmlFiles(dir);
  const pages = files.map((f) => readFileSync(f, 'utf8').replace(META, ''));
  const all: InlineContent = { scripts: [], styles: plotStyles(), styleAttributes: [] };
  for (const html of pages) {
    const c = inlineContent(html);
    all.scripts.push(...c.scripts);
    all.styles.push(...c.styles);
    all.styleAttributes.push(...c.styleAttributes);
  }
  const meta = `<meta http-equiv="content-security-policy" content="${policy(all, { meta: true })}">`;
  files.forEach((file, i) => {
    const html = pages[i];
    const at = html.search(/<meta charset[^>]*>/i);
    const end = at >= 0 ? html.indexOf('>', at) + 1 : html.search(/<head[^>]*>/i) + html.match(/<head[^>]*>/i)![0].length;
    writeFileSync(file, html.slice(0, end) + meta + html.slice(end));
  });
  const header = policy(all);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  writeFileSync(
    join(dir, '_headers'),
    [
      `${prefix}*`,
      `  Content-Security-Policy: ${header}`,
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: no-referrer',
      `${prefix}_astro/*`,
      '  Cache-Control: public, max-age=31536000, immutable',
      '',
    ].join('\n'),
  );
  return header;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      base: { type: 'string', default: process.env.BASE_PATH || '/' },
      'no-compress': { type: 'boolean', default: false },
    },
  });
  const dir = values.dir!;
  const started = performance.now();
  writePolicy(dir, values.base);
  console.log(`postbuild: Content-Security-Policy written into the pages and ${join(dir, '_headers')}`);
  if (!values['no-compress']) {
    const cache = process.env.PRECOMPRESS_CACHE ?? join(process.cwd(), 'node_modules/.cache/precompress');
    const files = await precompress(dir, { cacheDir: cache === 'none' ? undefined : cache });
    const sum = (k: 'bytes' | 'br' | 'gz') => (files.reduce((s, f) => s + f[k], 0) / 1048576).toFixed(1);
    console.log(`postbuild: ${files.length} files pre-compressed, ${sum('bytes')} MB → ${sum('br')} MB brotli, ${sum('gz')} MB gzip`);
  }
  console.log(`postbuild: done in ${((performance.now() - started) / 1000).toFixed(1)} s (${relative(process.cwd(), dir) || '.'})`);
}
