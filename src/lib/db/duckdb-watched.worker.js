// The DuckDB-WASM worker, started through this classic script so that a failed download or compile
// of its WebAssembly is reported at once. DuckDB-WASM 1.32 leaves that rejection unhandled inside
// its worker: the page's start request is never answered and waits for the start timeout. Here the
// failure is thrown from the worker's top level, which the page sees as the Worker's `error` event.
// The DuckDB worker script's URL comes as this script's fragment (it carries Vite's content hash).
//
// The WebAssembly's URL comes as the worker's name: its download and compile start here, at once,
// while the DuckDB worker script below loads and before the page's start request arrives (DuckDB
// only fetches it then). DuckDB's own fetch of that URL is answered with an empty response and its
// instantiation uses the module compiled here, so the file is downloaded once.
//
// The module is DuckDB's with only the exports its worker script reads (the build trims the rest:
// src/tools/wasmExports.ts), so instantiating it and Emscripten's start-up walk about 150 exports, not 75,000.
'use strict';

const failLoudly = (error) => {
  const detail = error && error.message ? error.message : String(error);
  setTimeout(() => {
    throw new Error(`DuckDB's WebAssembly did not load (${detail})`);
  });
};

const { instantiate, instantiateStreaming } = WebAssembly;
const streaming = typeof WebAssembly.compileStreaming === 'function' && typeof instantiateStreaming === 'function';
// The compiled module DuckDB is instantiated from, and its URL: compiled here from the URL the
// worker is named by, or handed over by the page (another engine's, see below).
let wasm = null;
let early = null;
if (streaming && self.name) {
  wasm = new URL(self.name, self.location.href).href;
  early = WebAssembly.compileStreaming(fetch(wasm, { credentials: 'same-origin' }));
  early.catch(() => {}); // reported when DuckDB asks for the module, below
}

// The page's own messages, which DuckDB never sees. `influence:module` (sent before DuckDB's start
// request) hands over a module another engine's worker compiled, with its URL: a second engine then
// downloads and compiles nothing, and V8 shares the code compiled for one instance of a module with
// the others. `influence:share-module` asks for this worker's compiled module, on a port (null if none).
self.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || typeof m.type !== 'string' || !m.type.startsWith('influence:')) return;
  event.stopImmediatePropagation();
  if (m.type === 'influence:module' && streaming && !early && m.module instanceof WebAssembly.Module) {
    wasm = new URL(m.url, self.location.href).href;
    early = Promise.resolve(m.module);
  } else if (m.type === 'influence:share-module' && m.port) {
    (early || Promise.reject(new Error('no module'))).then(
      (module) => m.port.postMessage(module),
      () => m.port.postMessage(null),
    );
  }
});

// DuckDB's own fetch of the module's URL is answered with an empty response (its instantiation, below, uses the module above).
if (streaming) {
  const fetchOriginal = self.fetch;
  let answered = false;
  self.fetch = function (input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
    if (answered || !early || url !== wasm) return fetchOriginal.call(self, input, init);
    answered = true;
    return Promise.resolve(new Response(new Uint8Array(0), { status: 200, headers: { 'content-type': 'application/wasm' } }));
  };
}

let claimed = false;
if (typeof instantiateStreaming === 'function') WebAssembly.instantiateStreaming = function (source, imports) {
  let result;
  if (early && !claimed) {
    claimed = true;
    Promise.resolve(source)
      .then((response) => response.body && response.body.cancel())
      .catch(() => {});
    // (WebAssembly.instantiate of a compiled Module gives the Instance alone.)
    result = early.then((module) => instantiate.call(WebAssembly, module, imports).then((instance) => ({ module, instance })));
  } else result = instantiateStreaming.call(WebAssembly, source, imports);
  result.catch(failLoudly);
  return result;
};
if (typeof instantiate === 'function') WebAssembly.instantiate = function (...args) {
  const result = instantiate.apply(WebAssembly, args);
  result.catch(failLoudly);
  return result;
};

const duckdbScript = decodeURIComponent(self.location.hash.slice(1));
importScripts(duckdbScript);
