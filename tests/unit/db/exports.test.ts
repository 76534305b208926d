import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { duckdbKeeps, exportsRead, keepExports } from '../../../src/tools/wasmExports.ts';
import { shippedDuckdbWasm } from '../../../src/tools/duckdbWasm.ts';

/**
 * The site ships DuckDB's WebAssembly with only the exports DuckDB's worker script names as
 * `wasmExports.NAME` (and the dynCall_ helpers), sparing the browser and Emscripten's start-up
 * 75,000 of them (src/tools/wasmExports.ts). That holds only while the script reads its exports
 * that way: these tests fail if a DuckDB-WASM upgrade reads them any other way, or names one the
 * WebAssembly does not export.
 */
const require = createRequire(import.meta.url);
const script = readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'), 'utf8');
const named = exportsRead(script);
const original = readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

describe("DuckDB's worker script reads its WebAssembly's exports by name only", () => {
  it('names them as wasmExports.NAME, enough of them to be the real list', () => {
    expect(named.size).toBeGreaterThanOrEqual(20);
    for (const must of ['duckdb_web_open', 'duckdb_web_connect', 'duckdb_web_query_run', 'malloc', 'free', '__wasm_call_ctors']) expect(named).toContain(must);
  });

  it('never by a computed name, and never through another alias of the exports object', () => {
    expect(script).not.toMatch(/\bwasmExports\s*\[/);
    // Every other read of the instance's exports is the start-up's own walk (relocateExports and the
    // like), which a short list makes short: one assignment from the instance, no other alias.
    expect(script.match(/\bwasmExports\s*=\s*[\w$]+\.exports\b/g)?.length).toBe(1);
    expect(script).not.toMatch(/\bModule\s*\[\s*["']asm["']\s*\]/);
  });

  it("each name it reads is an export of the WebAssembly it ships with, and a side module's GOT needs none of the rest", async () => {
    const module = await WebAssembly.compile(original);
    const exports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
    expect(exports.size).toBeGreaterThan(50_000);
    expect([...named].filter((name) => !exports.has(name))).toEqual([]);
    // The module's own GOT imports (resolved after instantiation) are JavaScript functions or
    // memory the script provides, not exports that the trimming would remove.
    const got = WebAssembly.Module.imports(module).filter((i) => i.module.startsWith('GOT.'));
    expect(got.filter((i) => exports.has(i.name) && !named.has(i.name)).map((i) => i.name)).toEqual([]);
  }, 60_000);
});

/** A module of three empty functions exported as `a`, `b` and `dynCall_v`, written out by hand. */
const TINY = Uint8Array.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00], // types: () -> ()
  ...[0x03, 0x04, 0x03, 0x00, 0x00, 0x00], // three functions of that type
  ...[0x07, 0x15, 0x03, 0x01, 0x61, 0x00, 0x00, 0x01, 0x62, 0x00, 0x01, 0x09, ...new TextEncoder().encode('dynCall_v'), 0x00, 0x02],
  ...[0x0a, 0x0a, 0x03, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b], // their (empty) bodies
]);
const exportNames = (bytes: Uint8Array<ArrayBuffer>) => WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);

describe('keepExports', () => {
  it.each([
    ['every export', () => true, ['a', 'b', 'dynCall_v']],
    ['none', () => false, []],
    ['one by name', (n: string) => n === 'b', ['b']],
    ["DuckDB's rule: named ones and dynCall_", duckdbKeeps('wasmExports.a;' + Array.from({ length: 20 }, (_, i) => `wasmExports.x${i};`).join(''))!, ['a', 'dynCall_v']],
  ])('keeps %s, and the module stays valid', (_, keep, expected) => {
    const { bytes, kept, of } = keepExports(TINY, keep);
    expect(exportNames(bytes)).toEqual(expected);
    expect([kept, of]).toEqual([expected.length, 3]);
  });

  it('refuses what is not a module, or is cut short', () => {
    expect(() => keepExports(new TextEncoder().encode('<!doctype html>'), () => true)).toThrow(/not a WebAssembly module/);
    expect(() => keepExports(TINY.subarray(0, 30), () => true)).toThrow(/truncated/);
  });

  it('keeps nothing back when the script names too few exports to be the real list', () => {
    expect(duckdbKeeps('wasmExports.a; wasmExports.b')).toBeNull();
  });
});

describe("DuckDB's module as the site ships it", () => {
  it('has exactly the exports the script names and the dynCall_ helpers, every other byte as DuckDB built it, and compiles (the end-to-end tests run it)', async () => {
    const shipped = await shippedDuckdbWasm();
    const module = await WebAssembly.compile(shipped);
    const all = WebAssembly.Module.exports(await WebAssembly.compile(original)).map((e) => e.name);
    const kept = WebAssembly.Module.exports(module).map((e) => e.name);
    expect(kept).toEqual(all.filter((n) => named.has(n) || n.startsWith('dynCall_')));
    expect(kept.length).toBeLessThan(1000);
    expect(WebAssembly.Module.imports(module)).toEqual(WebAssembly.Module.imports(await WebAssembly.compile(original)));
    // Every section but the exports, byte for byte: the export section is the only one removed from.
    const { bytes: none } = keepExports(original, () => false);
    const { bytes: noneOfShipped } = keepExports(shipped, () => false);
    expect(Buffer.from(noneOfShipped).equals(Buffer.from(none))).toBe(true);
    expect(original.length - shipped.length).toBeGreaterThan(5_000_000);
  }, 120_000);
});
