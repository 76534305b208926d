// @ts-check
import { defineConfig } from 'astro/config';
import { duckdbWasm } from './src/tools/duckdbWasm.ts';

// The base path lets the report be published under a sub-folder (e.g. BASE_PATH=/influence-this/).
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  output: 'static',
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  vite: {
    // DuckDB-WASM's module ships with only the exports its worker script reads (src/tools/wasmExports.ts).
    plugins: [duckdbWasm()],
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: { assetsInlineLimit: 0 },
    ssr: { external: ['@duckdb/node-api'] },
  },
});
