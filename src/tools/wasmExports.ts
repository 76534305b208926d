/**
 * A WebAssembly binary with fewer exports. DuckDB-WASM's module is built to load extensions
 * (Emscripten's dynamic linking), so it exports every symbol: 75,011 exports, whose names are a
 * fifth of its 34 MB. The browser decodes each one while it compiles the module, makes each one a
 * JavaScript object when it instantiates it, and Emscripten's start-up then walks them all; the page
 * never loads an extension (lock.ts), and DuckDB's worker script reads about 150 of them. The build
 * ships the module with those only (duckdbWasm.ts): every other section is kept byte for byte.
 */

/** The names a script reads from its WebAssembly's exports, as Emscripten writes them: `wasmExports.NAME`. */
export function exportsRead(script: string): Set<string> {
  return new Set(Array.from(script.matchAll(/\bwasmExports\.([\w$]+)/g), (m) => m[1]));
}

/**
 * The exports DuckDB's worker script needs: those it names and the `dynCall_` helpers (which its
 * start-up looks up by prefix). Null when the script names too few to be the real list (a
 * DuckDB-WASM release that reads its exports another way): then every export must stay.
 */
export function duckdbKeeps(script: string): ((name: string) => boolean) | null {
  const named = exportsRead(script);
  return named.size >= 20 ? (name) => named.has(name) || name.startsWith('dynCall_') : null;
}

const EXPORT_SECTION = 7;

/** The module with only the exports `keep` accepts; throws if the bytes are not a WebAssembly module. */
export function keepExports(wasm: Uint8Array, keep: (name: string) => boolean): { bytes: Uint8Array<ArrayBuffer>; kept: number; of: number } {
  if (wasm.length < 8 || wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) throw new Error('not a WebAssembly module');
  let p = 8;
  const u32 = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (p >= wasm.length) throw new Error('truncated WebAssembly module');
      const byte = wasm[p++];
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
  };
  const parts: Uint8Array[] = [wasm.subarray(0, 8)];
  let kept = 0;
  let of = 0;
  while (p < wasm.length) {
    const start = p;
    const id = wasm[p++];
    const size = u32();
    const end = p + size;
    if (end > wasm.length) throw new Error('truncated WebAssembly module');
    if (id !== EXPORT_SECTION) {
      parts.push(wasm.subarray(start, end));
      p = end;
      continue;
    }
    of = u32();
    const entries: Uint8Array[] = [];
    const decoder = new TextDecoder();
    for (let i = 0; i < of; i++) {
      const entry = p;
      const length = u32();
      const name = decoder.decode(wasm.subarray(p, p + length));
      p += length + 1; // the name, then the kind (a byte) …
      u32(); // … and the index
      if (keep(name)) entries.push(wasm.subarray(entry, p));
    }
    if (p !== end) throw new Error('malformed export section');
    kept = entries.length;
    const body = Buffer.concat([leb128(kept), ...entries]);
    parts.push(Uint8Array.of(EXPORT_SECTION), leb128(body.length), body);
  }
  return { bytes: Buffer.concat(parts), kept, of };
}

function leb128(n: number): Uint8Array {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Uint8Array.from(out);
}
