import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * duckdb-watched.worker.js hands DuckDB an instance with only the exports DuckDB's worker script
 * names as `wasmExports.NAME` (and the dynCall_ helpers), to spare Emscripten's start-up a walk over
 * 75,000 of them. That holds only while the script reads its exports that way: these tests fail if
 * a DuckDB-WASM upgrade reads them any other way, or names one the WebAssembly does not export.
 */
const require = createRequire(import.meta.url);
const script = readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'), 'utf8');
const named = new Set(Array.from(script.matchAll(/\bwasmExports\.([\w$]+)/g), (m) => m[1]));

describe("DuckDB's worker script reads its WebAssembly's exports by name only", () => {
  it('names them as wasmExports.NAME, enough of them to be the real list', () => {
    expect(named.size).toBeGreaterThanOrEqual(20);
    for (const must of ['duckdb_web_open', 'duckdb_web_connect', 'duckdb_web_query_run', 'malloc', 'free', '__wasm_call_ctors']) expect(named).toContain(must);
  });

  it('never by a computed name, and never through another alias of the exports object', () => {
    expect(script).not.toMatch(/\bwasmExports\s*\[/);
    // Every other read of the instance's exports is the start-up's own walk (relocateExports and the
    // like), which the filtered object makes short: one assignment from the instance, no other alias.
    expect(script.match(/\bwasmExports\s*=\s*[\w$]+\.exports\b/g)?.length).toBe(1);
    expect(script).not.toMatch(/\bModule\s*\[\s*["']asm["']\s*\]/);
  });

  it("each name it reads is an export of the WebAssembly it ships with, and a side module's GOT needs none of the rest", async () => {
    const module = await WebAssembly.compile(readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')));
    const exports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
    expect(exports.size).toBeGreaterThan(50_000);
    expect([...named].filter((name) => !exports.has(name))).toEqual([]);
    // The module's own GOT imports (resolved after instantiation) are JavaScript functions or
    // memory the script provides, not exports that the filter would hide.
    const got = WebAssembly.Module.imports(module).filter((i) => i.module.startsWith('GOT.'));
    expect(got.filter((i) => exports.has(i.name) && !named.has(i.name)).map((i) => i.name)).toEqual([]);
  }, 60_000);
});
