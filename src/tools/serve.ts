/**
 * The one static server for `npm start`, the end-to-end tests and the benchmark: serves the
 * production build on 127.0.0.1 with Range requests, the .wasm MIME type, pre-compressed
 * files (.br/.gz) when present, a strict Content-Security-Policy and an optional base path.
 *
 *   node src/tools/serve.ts [--port 4321] [--dir dist] [--base /sub/]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STRICT_CSP } from './csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The policy the post-build step wrote into `_headers` (with the hashes of Plot's inline styles);
 * without one, the strict default (a build the post-build step has not seen shows its inline styles
 * blocked, rather than a weaker policy).
 */
export function sitePolicy(dir: string): string {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return STRICT_CSP;
  const line = readFileSync(file, 'utf8').split('\n').find((l) => /^\s+content-security-policy:/i.test(l));
  return line ? line.slice(line.indexOf(':') + 1).trim() : STRICT_CSP;
}

export interface ServeOptions {
  dir: string;
  port?: number;
  base?: string;
  /** Serve .br/.gz siblings when the client accepts them (as a real host would). */
  compress?: boolean;
}

/** Start the server; resolves with it and its URL once listening (port 0 picks a free port). */
export function serve({ dir, port = 4321, base = '/', compress = true }: ServeOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const CSP = sitePolicy(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CSP });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    if (!url.pathname.startsWith(prefix) && url.pathname !== prefix.slice(0, -1)) return send(404, 'not found');
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length - 1))));
    if (!path.startsWith(root)) return send(403, 'forbidden');
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    let status = 200;
    // Host configuration is not content.
    if (!existsSync(path) || path === join(root, '_headers')) {
      path = join(root, '404.html');
      status = 404;
      if (!existsSync(path)) return send(404, 'not found');
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': path.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    const accept = String(req.headers['accept-encoding'] ?? '');
    const range = req.headers.range;
    let file = path;
    if (compress && !range) {
      if (/\bbr\b/.test(accept) && existsSync(`${path}.br`)) {
        file = `${path}.br`;
        headers['content-encoding'] = 'br';
      } else if (/\bgzip\b/.test(accept) && existsSync(`${path}.gz`)) {
        file = `${path}.gz`;
        headers['content-encoding'] = 'gzip';
      }
    }
    const size = statSync(file).size;
    headers['accept-ranges'] = headers['content-encoding'] ? 'none' : 'bytes';
    const match = range && !headers['content-encoding'] ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
    if (match) {
      const start = match[1] ? Number(match[1]) : size - Number(match[2]);
      const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
      if (!(start >= 0 && start <= end)) {
        res.writeHead(416, { 'content-range': `bytes */${size}` });
        return res.end();
      }
      res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) });
      if (req.method === 'HEAD') return res.end();
      return createReadStream(file, { start, end }).pipe(res);
    }
    res.writeHead(status, { ...headers, 'content-length': String(size) });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      done({ server, url: `http://127.0.0.1:${actual}${prefix}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4321' },
      dir: { type: 'string', default: 'dist' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
    },
  });
  const { url } = await serve({ dir: values.dir!, port: Number(values.port), base: values.base! });
  console.log(`Influence This is being served at ${url} (Ctrl+C stops it)`);
}
