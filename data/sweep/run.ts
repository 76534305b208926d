/**
 * The break-even sweep in the data step, on every core (worker_threads, one DuckDB each), cached
 * by a hash of the simulator, the scoring code and SQL, and the grid: when none of them changed,
 * the last result is reused. Writes break_even.json into the data folder.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_PARAMS } from '../sim/params.ts';
import { hashFiles, sourcesOf } from '../sources.ts';
import { SWEEP, sweepJobs, type Job } from '../../src/lib/sweep/plan.ts';
import { summarize, type Measured, type SweepResult } from '../../src/lib/sweep/summary.ts';

export const SWEEP_FILE = 'break_even.json';

/**
 * The sweep's entries: what the result depends on is their import closure and the files read at
 * run time (data/sources.ts), and the plan; not how it is shown (src/lib/sweep/view.ts is imported
 * by neither). The data step's source hash covers the same files, since data/build.ts imports this one.
 */
export const SWEEP_ENTRIES = ['data/sweep/run.ts', 'data/sweep/worker.ts'];

export function sweepKey(root: string): string {
  return hashFiles(root, sourcesOf(root, SWEEP_ENTRIES), JSON.stringify({ SWEEP, DEFAULT_PARAMS })).slice(0, 16);
}

/**
 * Run every job on `threads` workers. Each worker takes the next job itself (an atomic counter in
 * shared memory) and posts what it measured, so the workers never wait for this thread: the data
 * step simulates the published world here meanwhile.
 */
async function runJobs(root: string, jobs: Job[], threads: number): Promise<{ measured: Measured[]; brands: SweepResult['brands'] }> {
  const measured: Measured[] = [];
  let brands: SweepResult['brands'] = [];
  const next = new Int32Array(new SharedArrayBuffer(4));
  await Promise.all(
    Array.from({ length: Math.min(threads, jobs.length) }, () => new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { root, jobs, next } });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a sweep worker stopped with code ${code}`))));
      worker.on('message', (m: { measured: Measured[]; brands: SweepResult['brands'] }) => {
        measured.push(...m.measured);
        brands = m.brands;
      });
    })),
  );
  // Every seed at every grid point of every assumption, once.
  const points = new Set(measured.map((m) => `${m.key} ${m.seed} ${m.index}`));
  if (points.size !== measured.length || measured.length !== SWEEP.seeds.length * SWEEP.assumptions.reduce((n, a) => n + a.grid.length, 0)) {
    throw new Error('the sweep lost or repeated points');
  }
  return { measured, brands };
}

export async function runSweep(root: string): Promise<SweepResult> {
  const jobs = sweepJobs(DEFAULT_PARAMS);
  const { measured, brands } = await runJobs(root, jobs, Math.max(1, availableParallelism()));
  measured.sort((x, y) => x.key.localeCompare(y.key) || x.index - y.index || x.seed - y.seed);
  return summarize(SWEEP, DEFAULT_PARAMS, brands, measured);
}

/** The sweep's file in `outDir`, from the cache (a file per key in `cacheDir`) when the key matches; returns what the manifest lists. */
export async function sweepStep(
  root: string,
  outDir: string,
  cacheDir = join(root, '.cache/sweep'),
): Promise<{ file: string; key: string; cached: boolean; ms: number; bytes: number; sha256: string }> {
  const started = performance.now();
  const key = sweepKey(root);
  const cached = join(cacheDir, `${key}.json`);
  const hit = existsSync(cached);
  if (!hit) {
    const result = await runSweep(root);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cached, JSON.stringify({ key, ...result }) + '\n');
  }
  cpSync(cached, join(outDir, SWEEP_FILE));
  const bytes = readFileSync(cached);
  return { file: SWEEP_FILE, key, cached: hit, ms: performance.now() - started, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
