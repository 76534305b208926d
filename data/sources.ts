import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/**
 * What generated data depends on, found rather than listed: every project file a module runs,
 * followed through its imports (static, `await import('…')` with a literal path, `?raw` text and
 * worker entries `new URL('…', import.meta.url)`), plus the files read at run time. A change to any
 * of them makes data built before it stale; no list to forget a file in.
 */

/** Files read with readFileSync rather than imported: Klout's topic data and the build SQL (data/load.ts). */
export const READ_AT_RUN_TIME = ['data/klout', 'src/sql/build'];

/** The data step's entry: it simulates, loads, writes and runs the break-even sweep (data/sweep/run.ts), so the sweep's code is in its closure. */
export const DATA_ENTRIES = ['data/build.ts'];

const SPECIFIERS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnew\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

/** The project-relative paths a module names with a relative specifier (`?raw` stripped). */
export function localImports(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out = new Set<string>();
  for (const re of SPECIFIERS) {
    for (const m of text.matchAll(re)) {
      const spec = m[1];
      if (!spec.startsWith('./') && !spec.startsWith('../')) continue;
      const path = normalize(join(dirname(file), spec.replace(/\?raw$/, '')));
      if (!existsSync(join(root, path))) throw new Error(`${file} imports ${spec}, which is not there`);
      out.add(path);
    }
  }
  return [...out];
}

/** Every project file reachable from `entries` through localImports, sorted. */
export function importClosure(root: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (/\.(ts|mjs|js)$/.test(file)) for (const next of localImports(root, file)) visit(next);
  };
  for (const e of entries) visit(normalize(e));
  return [...seen].sort();
}

/** Files under `path` (itself if a file), sorted. */
function filesUnder(root: string, path: string): string[] {
  if (!statSync(join(root, path)).isDirectory()) return [path];
  return readdirSync(join(root, path))
    .sort()
    .flatMap((name) => filesUnder(root, join(path, name)));
}

/** The files a result made from `entries` depends on: their import closure and the files read at run time, sorted, without repeats. */
export function sourcesOf(root: string, entries: readonly string[]): string[] {
  return [...new Set([...importClosure(root, entries), ...READ_AT_RUN_TIME.flatMap((p) => filesUnder(root, p))])].sort();
}

/** A SHA-256 over the files' paths and contents, in order (and `extra`, e.g. a grid). */
export function hashFiles(root: string, files: readonly string[], extra = ''): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(root, f))).update('\0');
  return hash.update(extra).digest('hex');
}

/** The hash of everything the data step's output depends on (the manifest records it; `npm run build` skips the step when it matches). */
export function dataSourceHash(root: string): string {
  return hashFiles(root, sourcesOf(root, DATA_ENTRIES));
}

/**
 * Whether the data in a folder can be reused: its manifest records these sources and this scale,
 * the DuckDB file is there, and (for the default world) the sweep's file the manifest lists is
 * there with the content it lists. Anything else, a missing manifest included, is stale.
 */
export function upToDate(o: { manifestPath: string; dbPath: string; source: string; scale: string; sweepRequired: boolean }): boolean {
  if (!existsSync(o.manifestPath) || !existsSync(o.dbPath)) return false;
  const built = JSON.parse(readFileSync(o.manifestPath, 'utf8')) as { source?: string; scale?: string; sweep?: { file: string; sha256: string } | null };
  if (built.source !== o.source || built.scale !== o.scale) return false;
  if (!o.sweepRequired) return true;
  const file = built.sweep && join(dirname(o.manifestPath), built.sweep.file);
  return !!file && existsSync(file) && createHash('sha256').update(readFileSync(file)).digest('hex') === built.sweep!.sha256;
}
