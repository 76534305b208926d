/**
 * The one static server for `npm start`, the end-to-end tests and the benchmark: serves the
 * production build on 127.0.0.1 with Range requests, the .wasm MIME type, pre-compressed
 * files (.br/.gz) when present, a strict Content-Security-Policy and an optional base path.
 *
 *   node src/tools/serve.ts [--port 4321] [--dir dist] [--base /sub/]
 */
import { closeSync, createReadStream, existsSync, fstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
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

/** Where a request's target leads: a file or folder under the root, or the status that refuses it. */
export type Target = { path: string } | { status: 400 | 403 | 404 };

/**
 * Map a request target (`req.url`) to a path under `root` (absolute, resolved) for the site
 * published at `prefix` (ends with '/'). Anything that is not a path (`*`, an absolute URL), a
 * malformed percent-escape or a NUL byte is a bad request (400); a path that lands outside the
 * root once decoded and normalised, a sibling folder whose name starts like the root's included,
 * is forbidden (403).
 */
export function resolveTarget(root: string, prefix: string, target: string): Target {
  if (!target.startsWith('/')) return { status: 400 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(target.split('?', 1)[0]);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0')) return { status: 400 };
  if (!pathname.startsWith(prefix) && pathname !== prefix.slice(0, -1)) return { status: 404 };
  const path = normalize(join(root, pathname.slice(prefix.length - 1)));
  return within(root, path) ? { path } : { status: 403 };
}

/** Whether `path` is `root` or below it (a separator must follow the root's name). */
const within = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/** A path's status, or undefined when there is nothing readable there (missing, a file in place of a folder, no permission). */
function stat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The file a target is answered with (a folder's index.html, else the site's 404 page); null when there is none. */
function findFile(root: string, path: string): { file: string; status: 200 | 404 } | null {
  const file = stat(path)?.isDirectory() ? join(path, 'index.html') : path;
  // Host configuration is not content; and a link inside the folder must not lead out of it.
  if (file !== join(root, '_headers') && stat(file)?.isFile() && within(realpathSync(root), realpathSync(file))) {
    return { file, status: 200 };
  }
  const notFound = join(root, '404.html');
  return existsSync(notFound) ? { file: notFound, status: 404 } : null;
}

/** Start the server; resolves with it and its URL once listening (port 0 picks a free port). */
export function serve({ dir, port = 4321, base = '/', compress = true }: ServeOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const CSP = sitePolicy(root);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CSP, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', { allow: 'GET, HEAD' });
    const target = resolveTarget(root, prefix, req.url ?? '');
    if ('status' in target) return send(target.status, { 400: 'bad request', 403: 'forbidden', 404: 'not found' }[target.status]);
    const found = findFile(root, target.path);
    if (!found) return send(404, 'not found');
    const { file: path, status } = found;
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
    // Open before answering: an unreadable file is a 403 with nothing sent yet, not a broken 200.
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return send(403, 'forbidden');
    }
    const size = fstatSync(fd).size;
    headers['accept-ranges'] = headers['content-encoding'] ? 'none' : 'bytes';
    const match = range && !headers['content-encoding'] ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
    let start = 0;
    let end = size - 1;
    if (match) {
      start = match[1] ? Number(match[1]) : size - Number(match[2]);
      end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
      if (!(start >= 0 && start <= end && (match[1] || match[2]))) {
        closeSync(fd);
        res.writeHead(416, { 'content-range': `bytes */${size}`, 'content-security-policy': CSP });
        return res.end();
      }
      res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) });
    } else {
      res.writeHead(status, { ...headers, 'content-length': String(size) });
    }
    if (req.method === 'HEAD' || size === 0) {
      closeSync(fd);
      return res.end();
    }
    // pipeline closes the file when the client goes away mid-file, and ends the response on a read error.
    pipeline(createReadStream('', { fd, start, end }), res, () => {});
  };
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      // The server keeps serving whatever one request does; the request gets a 500 (or is cut if it had started).
      console.error(`serve: ${req.method} ${req.url}: ${(error as Error).message}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CSP });
        res.end('internal error');
      } else res.destroy();
    }
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
