// The DuckDB-WASM worker, started through this classic script so that a failed download or compile
// of its WebAssembly is reported at once. DuckDB-WASM 1.32 leaves that rejection unhandled inside
// its worker: the page's start request is never answered and waits for the start timeout. Here the
// failure is thrown from the worker's top level, which the page sees as the Worker's `error` event.
// The DuckDB worker script's URL comes as this script's fragment (it carries Vite's content hash).
'use strict';

const failLoudly = (error) => {
  const detail = error && error.message ? error.message : String(error);
  setTimeout(() => {
    throw new Error(`DuckDB's WebAssembly did not load (${detail})`);
  });
};

for (const name of ['instantiateStreaming', 'instantiate']) {
  const original = WebAssembly[name];
  if (typeof original !== 'function') continue;
  WebAssembly[name] = function (...args) {
    const result = original.apply(this, args);
    result.catch(failLoudly);
    return result;
  };
}

importScripts(decodeURIComponent(self.location.hash.slice(1)));
