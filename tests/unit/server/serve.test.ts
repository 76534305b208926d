import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTarget } from '../../../src/tools/serve.ts';

/**
 * The static server of `npm start`, the end-to-end tests and the benchmark, run as its own process
 * (as `npm start` runs it, and as a user that cannot read everything) on a folder made here, with a
 * sibling folder whose name starts like it. Loopback only; every loop is bounded.
 */
const tmp = mkdtempSync(join(tmpdir(), 'serve-test-'));
const site = join(tmp, 'site');
const SECRET = 'the sibling folder must never be served';
const BIG = 4 * 1024 * 1024;
const INDEX = '<!doctype html><title>index</title>';
let server: ChildProcess;
let port = 0;
let stderr = '';

beforeAll(async () => {
  mkdirSync(join(site, 'data'), { recursive: true });
  mkdirSync(join(site, '_astro'));
  mkdirSync(join(tmp, 'site-old'));
  writeFileSync(join(tmp, 'site-old', 'secret.txt'), SECRET);
  writeFileSync(join(tmp, 'secret.txt'), SECRET);
  writeFileSync(join(site, 'index.html'), INDEX);
  writeFileSync(join(site, '404.html'), 'not here');
  writeFileSync(join(site, '_headers'), '/*\n  content-security-policy: default-src \'self\'\n');
  writeFileSync(join(site, 'data', 'table.arrow'), 'arrow bytes');
  writeFileSync(join(site, '_astro', 'engine.wasm'), Buffer.alloc(BIG, 7));
  writeFileSync(join(site, '_astro', 'engine.wasm.br'), 'brotli bytes');
  writeFileSync(join(site, 'locked.txt'), 'nobody may read this');
  chmodSync(join(site, 'locked.txt'), 0o000);
  // As root every file is readable: the server then runs as `nobody`, so an unreadable file really
  // is one. nobody may not reach the repository (a clone under /root), so it runs from a copy of its
  // two files and a link to this Node in the test folder.
  const repo = new URL('../../..', import.meta.url).pathname;
  let node = process.execPath;
  let script = join(repo, 'src/tools/serve.ts');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    mkdirSync(join(tmp, 'bin', 'tools'), { recursive: true });
    for (const f of ['serve.ts', 'csp.ts']) copyFileSync(join(repo, 'src/tools', f), join(tmp, 'bin', 'tools', f));
    node = join(tmp, 'bin', 'node');
    try {
      linkSync(realpathSync(process.execPath), node);
    } catch {
      copyFileSync(process.execPath, node);
    }
    script = join(tmp, 'bin', 'tools', 'serve.ts');
    for (const p of [tmp, site, join(site, 'data'), join(site, '_astro'), join(tmp, 'site-old'), join(tmp, 'bin'), join(tmp, 'bin', 'tools')]) chmodSync(p, 0o755);
    chmodSync(node, 0o755);
  }
  server = spawn(node, [script, '--dir', site, '--port', '0'], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  server.stderr!.on('data', (d) => (stderr += d));
  port = await new Promise<number>((done, fail) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += d;
      const m = /127\.0\.0\.1:(\d+)/.exec(out);
      if (m) done(Number(m[1]));
    });
    server.on('exit', (code) => fail(new Error(`server exited (${code}): ${stderr}`)));
  });
});

afterAll(() => {
  server?.kill();
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * Send raw bytes (with `close`, then stop sending, as a client that gives up does), read until the
 * server closes (or 5 s pass); the status code (0: closed without a status line) and the text.
 */
function raw(bytes: string | Buffer, close = false): Promise<{ status: number; text: string }> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    const timer = setTimeout(finish, 5000);
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('end', finish);
    socket.on('error', finish);
    if (close) socket.end(bytes);
    else socket.write(bytes);
  });
}

const get = (target: string, headers = '') => raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`);

/** The server still answers a good request with the right file. */
async function stillServing() {
  const r = await get('/');
  expect(r.status).toBe(200);
  expect(r.text.endsWith(INDEX)).toBe(true);
  expect(server.exitCode).toBeNull();
}

describe('resolveTarget', () => {
  const root = '/srv/site';
  it('maps paths under the base path into the folder', () => {
    expect(resolveTarget(root, '/', '/data/t.arrow?v=1')).toEqual({ path: '/srv/site/data/t.arrow' });
    expect(resolveTarget(root, '/sub/', '/sub/a%20b.txt')).toEqual({ path: '/srv/site/a b.txt' });
    expect(resolveTarget(root, '/sub/', '/sub')).toEqual({ path: '/srv/site' });
    expect(resolveTarget(root, '/sub/', '/other/x')).toEqual({ status: 404 });
  });
  it('refuses malformed escapes, NUL bytes and targets that are not paths', () => {
    for (const t of ['/%', '/%E0%A4%A', '/%zz', '/a%00b', '*', 'http://127.0.0.1/', '']) expect(resolveTarget(root, '/', t)).toEqual({ status: 400 });
  });
  it('refuses every way out of the folder, a sibling with the same prefix included', () => {
    for (const t of ['/..%2fsite-old%2fx', '/../site-old/x', '/%2e%2e/secret.txt', '/a/../../site-old', '/..'])
      expect(resolveTarget(root, '/', t)).toEqual({ status: 403 });
    expect(resolveTarget(root, '/sub/', '/sub/..%2f..%2fsite-old')).toEqual({ status: 403 });
  });
});

describe('the server process', () => {
  it('serves files with their type, the CSP, ranges and pre-compressed copies', async () => {
    const wasm = await raw(`HEAD /_astro/engine.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(wasm.text).toMatch(/content-type: application\/wasm/i);
    expect(wasm.text).toMatch(/content-security-policy: default-src 'self'/i);
    expect(wasm.text).toMatch(new RegExp(`content-length: ${BIG}\\r`, 'i'));
    const br = await get('/_astro/engine.wasm', 'Accept-Encoding: gzip, br\r\n');
    expect(br.text).toMatch(/content-encoding: br/i);
    expect(br.text.endsWith('brotli bytes')).toBe(true);
    const part = await get('/data/table.arrow', 'Range: bytes=0-4\r\n');
    expect(part.status).toBe(206);
    expect(part.text).toMatch(/content-range: bytes 0-4\/11/i);
    expect(part.text.endsWith('arrow')).toBe(true);
    expect((await get('/data/table.arrow', 'Range: bytes=20-\r\n')).status).toBe(416);
    expect((await get('/_headers')).status).toBe(404);
    expect((await get('/nothing')).text.endsWith('not here')).toBe(true);
  });

  it('answers malformed escapes with 400 and keeps serving', async () => {
    for (const t of ['/%', '/%E0%A4%A', '/%zz', '/%%', '/a%00b', '/%c0%ae%c0%ae/']) {
      expect((await get(t)).status, t).toBe(400);
      await stillServing();
    }
  });

  it('never serves outside its folder, the sibling site-old included', async () => {
    for (const t of ['/..%2fsite-old%2fsecret.txt', '/..%2fsecret.txt', '/%2e%2e/site-old/secret.txt', '/../site-old/secret.txt', '/data/..%2f..%2fsite-old/secret.txt']) {
      const r = await get(t);
      expect([400, 403, 404], t).toContain(r.status);
      expect(r.text).not.toContain(SECRET);
    }
    expect((await get('/..%2fsite-old%2fsecret.txt')).status).toBe(403);
    await stillServing();
  });

  it('survives bad request lines sent over a raw socket', async () => {
    const lines = [
      'GARBAGE\r\n\r\n',
      'GET\r\n\r\n',
      'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n',
      `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'GET / HTTP/1.1\r\nX: y\r\n' + 'Bad Header Without Colon\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'GET http://elsewhere.invalid/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      Buffer.from([0, 255, 1, 254, 13, 10, 13, 10]),
    ];
    for (const [i, line] of [...lines, 'GET / HTTP/1.1\r\nHost: x'].entries()) {
      const r = await raw(line, i === lines.length); // the last is never finished: the client gives up
      expect(r.status === 0 || (r.status >= 400 && r.status < 500), JSON.stringify(line.slice(0, 60))).toBe(true);
      await stillServing();
    }
  });

  it('answers a few hundred random targets without dying or leaving its folder', async () => {
    const parts = ['%', '%2f', '%2F', '%2e', '%2E%2E', '..', '.', '/', '//', 'a', '%E0', '%A4', '%c0', '\\', '?', '#', '%00', 'site-old', 'secret.txt', 'index.html', '%25', '%u002e', ';'];
    let seed = 13;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const started = Date.now();
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300 && Date.now() - started < 20_000; i++) {
      const target = '/' + Array.from({ length: 1 + Math.floor(next() * 8) }, () => parts[Math.floor(next() * parts.length)]).join('');
      const r = await get(target);
      expect(r.status, target).toBeGreaterThan(0);
      expect(r.text, target).not.toContain(SECRET);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    expect([...statuses.keys()].every((s) => [200, 400, 403, 404].includes(s))).toBe(true);
    await stillServing();
  }, 30_000);

  it('lets clients go away mid-file without keeping the file open', async () => {
    const openFiles = () => readdirSync(`/proc/${server.pid}/fd`).length;
    const before = openFiles();
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((done) => {
        const socket = connect(port, '127.0.0.1');
        socket.write('GET /_astro/engine.wasm HTTP/1.1\r\nHost: x\r\n\r\n');
        socket.once('data', () => {
          socket.destroy();
          done();
        });
      });
    }
    await stillServing();
    await expect.poll(openFiles, { timeout: 5000 }).toBeLessThanOrEqual(before);
  });

  it('answers an unreadable file with 403 and keeps serving', async () => {
    const r = await get('/locked.txt');
    expect(r.status).toBe(403);
    expect(r.text).not.toContain('nobody may read this');
    await stillServing();
  });
});
