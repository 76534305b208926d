import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One module owns DuckDB: outside src/lib/db/ no file imports a DuckDB package or the browser
 * engine module (the coordinator is the way in), opens or reads a connection, or reaches DuckDB's
 * raw bindings.
 */
const root = new URL('../../..', import.meta.url).pathname;
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.(ts|js|mjs|astro)$/.test(e.name) ? [path] : [];
  });
}

const FORBIDDEN: [string, RegExp][] = [
  ['imports a DuckDB package', /from\s+['"]@duckdb\/|import\(\s*['"]@duckdb\//],
  ['imports the browser engine module (use the coordinator)', /from\s+['"][./]*(?:lib\/)?db\/browser(?:\.ts)?['"]/],
  ['opens a connection', /\.connect(?:Internal)?\(\s*\)/],
  ['reads a connection', /\.connection\b|\buseUnsafe\b|\bAsyncDuckDB\b/],
  ['queries the lab engine directly (use the coordinator: queryWorld)', /\.queryIpc\(/],
  ['loads tables or installs macros on an engine directly (use the coordinator: loadWorld)', /\.(?:loadTable|installMacros|insertArrowFrom\w*)\(/],
];

/** What a file does of the forbidden things, comments left out (they may name them). */
export function violations(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return FORBIDDEN.filter(([, re]) => re.test(code)).map(([what]) => what);
}

describe('the DuckDB boundary', () => {
  it('recognises each forbidden use', () => {
    expect(violations(`import * as duckdb from '@duckdb/duckdb-wasm';`)).toEqual(['imports a DuckDB package']);
    expect(violations(`import { engine } from '../db/browser.ts';`)).toEqual(['imports the browser engine module (use the coordinator)']);
    expect(violations(`const c = await db.db.connect();`)).toEqual(['opens a connection']);
    expect(violations(`await loadWorld(db.connection, world);`)).toEqual(['reads a connection']);
    expect(violations(`// a comment may say db.connect() and @duckdb/duckdb-wasm`)).toEqual([]);
    expect(violations(`ipc[q] = await db.queryIpc(sql, bound);`)).toEqual(['queries the lab engine directly (use the coordinator: queryWorld)']);
    expect(violations(`import { query } from '../db/coordinator.ts';`)).toEqual([]);
    expect(violations(`ipc[q] = await queryWorld(db, q, values);`)).toEqual([]);
    const loading = 'loads tables or installs macros on an engine directly (use the coordinator: loadWorld)';
    expect(violations(`steps.push(this.queue(id, () => db.loadTable(m.name, ipc, m.append)));`)).toEqual([loading]);
    expect(violations(`await this.queue(id, () => db.installMacros());`)).toEqual([loading]);
    expect(violations(`await db.insertArrowFromIPCStream(ipc, { name });`)).toEqual([loading]);
    expect(violations(`const load = loadWorld(db, plan); load.table(m.name, m.ipc, m.append, m.last);`)).toEqual([]);
  });

  it('the client interface knows nothing of DuckDB: it imports nothing from src/lib/db/ (clients get their specs from the coordinator)', () => {
    const text = readFileSync(join(src, 'lib', 'client', 'client.ts'), 'utf8');
    expect(text.match(/^import .*$/gm) ?? []).toEqual([]);
  });

  it('holds in every source file outside src/lib/db/', () => {
    const found: string[] = [];
    const scanned = files(src).filter((f) => !relative(src, f).startsWith(join('lib', 'db')));
    expect(scanned.length).toBeGreaterThan(50);
    for (const file of scanned) for (const what of violations(readFileSync(file, 'utf8'))) found.push(`${relative(root, file)} ${what}`);
    expect(found).toEqual([]);
  });
});
