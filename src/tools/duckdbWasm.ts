/**
 * The Vite plugin that ships DuckDB-WASM's module with only the exports its worker script reads
 * (wasmExports.ts): `import url from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'` (preheat.ts)
 * gives the URL of that smaller module, 27 MB rather than 34, emitted as a hashed asset by the
 * build and served from memory by the dev server. Should DuckDB's script ever read its exports in
 * a way this cannot see, the module ships whole, with a warning (and tests/unit/db/exports.test.ts
 * fails).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { duckdbKeeps, keepExports } from './wasmExports.ts';

const MODULE = '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm';
const SCRIPT = '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';
const IMPORT = /[\\/]@duckdb[\\/]duckdb-wasm[\\/]dist[\\/]duckdb-eh\.wasm\?(?:[^#]*&)?url(?:&|$)/;

/** DuckDB's module as the site ships it. */
export async function shippedDuckdbWasm(warn: (message: string) => void = console.warn): Promise<Uint8Array<ArrayBuffer>> {
  const require = createRequire(import.meta.url);
  const [wasm, script] = await Promise.all([readFile(require.resolve(MODULE)), readFile(require.resolve(SCRIPT), 'utf8')]);
  const keep = duckdbKeeps(script);
  if (!keep) {
    warn(`${SCRIPT} does not read its exports as wasmExports.NAME: its module ships with every export`);
    return wasm;
  }
  return keepExports(wasm, keep).bytes;
}

export function duckdbWasm(): Plugin {
  let bytes: Promise<Uint8Array<ArrayBuffer>> | undefined;
  const shipped = (warn: (message: string) => void) => (bytes ??= shippedDuckdbWasm(warn));
  let serving = false;
  let devUrl = '';
  return {
    name: 'influence:duckdb-wasm',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
      devUrl = `${config.base.replace(/\/?$/, '/')}@influence/duckdb-eh.wasm`;
    },
    async load(id) {
      if (!IMPORT.test(id)) return null;
      if (serving) return `export default ${JSON.stringify(devUrl)};`;
      const ref = this.emitFile({ type: 'asset', name: 'duckdb-eh.wasm', source: await shipped((m) => this.warn(m)) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== devUrl) return next();
        shipped((m) => server.config.logger.warn(m)).then((wasm) => {
          res.setHeader('content-type', 'application/wasm');
          res.end(wasm);
        }, next);
      });
    },
  };
}
