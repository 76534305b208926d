/**
 * Pre-compressed copies of the build's large assets (`x.br` and `x.gz` beside `x`), for static
 * hosts that serve them (and for src/tools/serve.ts). Brotli at its best setting is slow on the
 * 33 MB WebAssembly files (over two minutes each, for 5.1 MB instead of 6.0 MB), so files over 8 MB
 * use quality 7 and files over 256 KB quality 9; copies of files over 4 MB are cached by
 * content hash (the wasm changes only with the pinned package).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** File types worth compressing; images such as PNG are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.arrow', '.svg', '.csv', '.txt', '.xml', '.webmanifest']);
/** Smaller files gain nothing that matters. */
export const MIN_BYTES = 1024;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Compress one buffer both ways (async: the zlib thread pool uses every core). */
export async function compressBoth(bytes: Buffer): Promise<{ br: Buffer; gz: Buffer }> {
  const mb = bytes.length / 1048576;
  const [b, g] = await Promise.all([
    br(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: mb > 8 ? 7 : mb > 0.25 ? 9 : 11,
        [constants.BROTLI_PARAM_LGWIN]: mb > 1 ? 24 : 22,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gz(bytes, { level: mb > 8 ? 6 : 9 }),
  ]);
  return { br: b, gz: g };
}

export interface Compressed {
  file: string;
  bytes: number;
  br: number;
  gz: number;
}

/**
 * Write `.br` and `.gz` beside every compressible file of `dir` over MIN_BYTES (only where the copy
 * is at least 5% smaller). `cacheDir` keeps copies by content hash between builds.
 */
export async function precompress(dir: string, { cacheDir }: { cacheDir?: string } = {}): Promise<Compressed[]> {
  const files = [...walk(dir)].filter((f) => COMPRESSIBLE.has(extname(f)) && statSync(f).size >= MIN_BYTES);
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  // Largest first, a few at a time, so the big wasm files overlap with everything else.
  files.sort((a, b) => statSync(b).size - statSync(a).size);
  const out: Compressed[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const bytes = readFileSync(file);
      const key = cacheDir && join(cacheDir, createHash('sha256').update(bytes).digest('hex'));
      let copies: { br: Buffer; gz: Buffer };
      if (key && existsSync(`${key}.br`) && existsSync(`${key}.gz`)) copies = { br: readFileSync(`${key}.br`), gz: readFileSync(`${key}.gz`) };
      else {
        copies = await compressBoth(bytes);
        if (key && bytes.length > 4 << 20) {
          writeFileSync(`${key}.br`, copies.br);
          writeFileSync(`${key}.gz`, copies.gz);
        }
      }
      for (const kind of ['br', 'gz'] as const) {
        if (copies[kind].length <= bytes.length * 0.95) writeFileSync(`${file}.${kind}`, copies[kind]);
      }
      out.push({ file, bytes: bytes.length, br: copies.br.length, gz: copies.gz.length });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
