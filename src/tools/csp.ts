/**
 * The site's Content-Security-Policy: only this origin, plus `'wasm-unsafe-eval'` (DuckDB-WASM
 * compiles WebAssembly) and same-origin workers. No `'unsafe-inline'`: the inline styles that
 * Observable Plot writes (a `<style>` in each chart, a few `style` attributes) are allowed by their
 * SHA-256 hashes, collected from the built pages and from Plot's own output at build time.
 */
import { createHash } from 'node:crypto';

/** Directives every policy carries; `style-src` and `style-src-attr` get the hashes. */
const BASE: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['worker-src', "'self'"],
  ['connect-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** `'sha256-…'` source expression of a text, as browsers hash it (UTF-8). */
export const hashSource = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface InlineContent {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
}

const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'quot') return '"';
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'apos') return "'";
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : Number(k.slice(1)));
  });

/** The inline scripts, `<style>` blocks and `style` attribute values of an HTML page. */
export function inlineContent(html: string): InlineContent {
  const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/type=["']?application\/(ld\+)?json/i.test(m[0]))
    .map((m) => m[1]);
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
  const styleAttributes = [...html.matchAll(/\sstyle=(?:"([^"]*)"|'([^']*)')/gi)].map((m) => decodeEntities(m[1] ?? m[2]));
  return { scripts, styles, styleAttributes };
}

/**
 * The policy for the given inline content. `meta` leaves out what a `<meta>` policy cannot carry
 * (`frame-ancestors`; browsers log an error for it), so the same policy also works on hosts
 * that cannot set headers.
 */
export function policy(inline: InlineContent, { meta = false } = {}): string {
  const unique = (xs: string[]) => [...new Set(xs)].sort();
  const directives = new Map(BASE);
  const scripts = unique(inline.scripts.map(hashSource));
  if (scripts.length) directives.set('script-src', `${directives.get('script-src')} ${scripts.join(' ')}`);
  const styles = unique(inline.styles.map(hashSource));
  directives.set('style-src', ["'self'", ...styles].join(' '));
  const attrs = unique(inline.styleAttributes.map(hashSource));
  directives.set('style-src-attr', attrs.length ? ["'unsafe-hashes'", ...attrs].join(' ') : "'none'");
  if (!meta) directives.set('frame-ancestors', "'none'");
  return [...directives].map(([k, v]) => `${k} ${v}`).join('; ');
}

/** The default policy (no inline content at all), for a build the post-build step has not seen. */
export const STRICT_CSP = policy({ scripts: [], styles: [], styleAttributes: [] });
