/**
 * The page's side of a parsing worker (parse.worker.ts): open a file in a worker of its own, with
 * progress and an AbortSignal (aborting terminates the worker, so a cancelled or failed load never
 * touches the file loaded before, which has its own worker); then ask it about a choice of columns.
 * Where workers are unavailable (or the worker cannot start), the same code runs in the page.
 */
import { ByodError } from './errors.ts';
import { ParsedFile, type Chosen, type Summary } from './parsed.ts';
import { emptyMapping, ROLES, type Mapping } from './mapping.ts';
import type { DecimalMark } from './numbers.ts';
import { combineNames, type Origin } from './join.ts';
import { joinInEngine, type JoinCounts } from './judge.ts';

export type ToWorker =
  | { type: 'load'; file: File; maxBytes?: number; maxRows?: number }
  | { type: 'choose'; req: number; mapping: Mapping; marks: Record<string, DecimalMark>; prepare: boolean; ipc: boolean; key?: string | null };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; stage: string; share: number }
  | { type: 'loaded'; summary: Summary }
  | { type: 'chosen'; req: number; chosen: Chosen }
  /** req -1: the load failed. */
  | { type: 'error'; req: number; code: string; message: string };

export interface OpenOptions {
  signal?: AbortSignal;
  onProgress?: (stage: string, share: number) => void;
  maxBytes?: number;
  maxRows?: number;
}

const aborted = () => new DOMException('The load was cancelled.', 'AbortError');
const errorOf = (m: { code: string; message: string }) => (m.code === 'internal' ? new Error(m.message) : new ByodError(m.code, m.message));

/** A loaded file, held by its worker (or, without workers, by the page). */
export class FileWorker implements FileSource {
  readonly summary: Summary;
  /** Where the file was parsed. */
  readonly context: 'worker' | 'window';
  private worker: Worker | null;
  private local: ParsedFile | null;
  private req = 0;
  private pending = new Map<number, { resolve: (c: Chosen) => void; reject: (e: Error) => void }>();

  private constructor(summary: Summary, worker: Worker | null, local: ParsedFile | null) {
    this.summary = summary;
    this.worker = worker;
    this.local = local;
    this.context = worker ? 'worker' : 'window';
    if (worker) {
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type !== 'chosen' && m.type !== 'error') return;
        const p = this.pending.get(m.req);
        this.pending.delete(m.req);
        if (m.type === 'chosen') p?.resolve(m.chosen);
        else p?.reject(errorOf(m));
      };
      worker.onerror = (e) => {
        e.preventDefault();
        this.failAll(new Error(`the file's worker stopped: ${e.message || 'out of memory?'}`));
      };
    }
  }

  /** Read and parse a file in a new worker; rejects with the file's ByodError, or an AbortError when cancelled. */
  static open(file: File, { signal, onProgress, maxBytes, maxRows }: OpenOptions = {}): Promise<FileWorker> {
    if (signal?.aborted) return Promise.reject(aborted());
    let worker: Worker;
    try {
      worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'byod-parser' });
    } catch {
      return FileWorker.inPage(file, { signal, onProgress, maxBytes, maxRows });
    }
    return new Promise<FileWorker>((resolve, reject) => {
      let started = false;
      const stop = () => {
        worker.terminate();
        reject(aborted());
      };
      signal?.addEventListener('abort', stop, { once: true });
      const settle = () => signal?.removeEventListener('abort', stop);
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        started = true;
        if (m.type === 'progress') onProgress?.(m.stage, m.share);
        else if (m.type === 'loaded') {
          settle();
          resolve(new FileWorker(m.summary, worker, null));
        } else if (m.type === 'error') {
          settle();
          worker.terminate();
          reject(errorOf(m));
        }
      };
      worker.onerror = (e) => {
        e.preventDefault();
        settle();
        worker.terminate();
        // A worker that never started (blocked, unsupported): the same code in the page.
        if (!started) FileWorker.inPage(file, { signal, onProgress, maxBytes, maxRows }).then(resolve, reject);
        else reject(new Error(`"${file.name}" could not be read: the worker reading it stopped (${e.message || 'out of memory?'}).`));
      };
      worker.postMessage({ type: 'load', file, maxBytes, maxRows } satisfies ToWorker);
    });
  }

  private static async inPage(file: File, { signal, onProgress, maxBytes, maxRows }: OpenOptions): Promise<FileWorker> {
    const parsed = await ParsedFile.load(file, { onProgress, maxBytes, maxRows });
    if (signal?.aborted) throw aborted();
    return new FileWorker(parsed.summary, null, parsed);
  }

  /** The decisions for a choice of columns, and its typed columns (`prepare`) and Arrow IPC bytes (`ipc`); rejects with a ByodError for a bad column. */
  choose(mapping: Mapping, marks: Record<string, DecimalMark>, { prepare = true, ipc = false, key = null as string | null }: { prepare?: boolean; ipc?: boolean; key?: string | null } = {}): Promise<Chosen> {
    if (this.local) {
      try {
        return Promise.resolve(this.local.choose(mapping, marks, { prepare, ipc, key }));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    if (!this.worker) return Promise.reject(new Error('this file has been closed'));
    const req = ++this.req;
    const start = performance.now();
    return new Promise<Chosen>((resolve, reject) => {
      this.pending.set(req, {
        resolve: (c) => {
          // The round trip and the worker's own stages, measured as byod:NAME (for the benchmark's profile).
          performance.measure('byod:choose', { start });
          for (const [stage, ms] of Object.entries(c.ms)) if (ms > 0) performance.measure(`byod:choose:${stage}`, { start, duration: ms });
          resolve(c);
        },
        reject,
      });
      this.worker!.postMessage({ type: 'choose', req, mapping, marks, prepare, ipc, key } satisfies ToWorker);
    });
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Let the file go (its worker ends). */
  close(): void {
    this.worker?.terminate();
    this.worker = null;
    this.local = null;
    this.failAll(new Error('this file has been closed'));
  }
}

/** What the page asks a loaded file: one file in its worker, or two files joined. */
export interface FileSource {
  readonly summary: Summary;
  readonly context: 'worker' | 'window';
  choose(mapping: Mapping, marks: Record<string, DecimalMark>, options?: { prepare?: boolean }): Promise<Chosen>;
  close(): void;
}

/** Engine work of the page, run after whatever it asked of the engine before (the page's queue). */
export type Exclusive = <T>(job: () => Promise<T>) => Promise<T>;

/**
 * Two loaded files joined on a key the reader confirmed: one header of both files' columns
 * (join.ts); a choice of columns asks each file's worker for its part (with its key column) and
 * the page's engine joins them (join.sql, through judge.ts's joinInEngine), the unmatched rows of
 * each file counted in SQL (join_counts.sql).
 */
export class JoinedFiles implements FileSource {
  readonly summary: Summary;
  readonly context: 'worker' | 'window';
  readonly files: [FileWorker, FileWorker];
  readonly key: [string, string];
  /** The counts of the join on the keys alone (the rows and the unmatched rows of each file). */
  readonly counts: JoinCounts;
  private origin: Map<string, Origin>;
  private exclusive: Exclusive;

  private constructor(files: [FileWorker, FileWorker], key: [string, string], counts: JoinCounts, exclusive: Exclusive) {
    this.files = files;
    this.key = key;
    this.counts = counts;
    this.exclusive = exclusive;
    const [a, b] = files.map((f) => f.summary);
    const { names, origin } = combineNames(a.names, b.names, b.file);
    this.origin = origin;
    this.context = files.every((f) => f.context === 'worker') ? 'worker' : 'window';
    this.summary = {
      file: `${a.file} + ${b.file}`,
      names,
      rows: counts.matched,
      detected: [`"${a.file}" (${a.detected.join(', ')}) joined with "${b.file}" (${b.detected.join(', ')}) on "${key[0]}" = "${key[1]}"`],
      notes: [...a.notes, ...b.notes],
      numeric: names.map((n) => {
        const o = origin.get(n)!;
        const s = files[o.file].summary;
        return s.numeric[s.names.indexOf(o.name)];
      }),
      fallback: a.fallback,
      ms: { read: a.ms.read + b.ms.read, parse: a.ms.parse + b.ms.parse },
    };
  }

  /** Join two loaded files on a column of each, in the engine (run by `exclusive`); throws when no row matches. */
  static async join(files: [FileWorker, FileWorker], key: [string, string], exclusive: Exclusive): Promise<JoinedFiles> {
    const none = emptyMapping();
    const [a, b] = await Promise.all(files.map((f, s) => f.choose(none, {}, { key: key[s] })));
    const { counts } = await exclusive(() => joinInEngine([a.side!, b.side!], `${files[0].summary.file} + ${files[1].summary.file}`, false));
    if (counts.matched === 0) {
      throw new ByodError('join-none', `No row of "${files[0].summary.file}" has a "${key[0]}" that a row of "${files[1].summary.file}" has in "${key[1]}" (keys are compared ignoring case and spaces around them). Choose other key columns.`);
    }
    return new JoinedFiles(files, key, counts, exclusive);
  }

  /** Each file's part of a choice: its own column names for the roles whose columns it holds, and the marks of its columns. */
  private part(s: 0 | 1, mapping: Mapping, marks: Record<string, DecimalMark>): { mapping: Mapping; marks: Record<string, DecimalMark> } {
    const own = emptyMapping();
    for (const role of ROLES) {
      const o = mapping[role] ? this.origin.get(mapping[role]!) : undefined;
      if (o?.file === s) own[role] = o.name;
    }
    const ownMarks: Record<string, DecimalMark> = {};
    for (const [column, mark] of Object.entries(marks)) {
      const o = this.origin.get(column);
      if (o?.file === s) ownMarks[o.name] = mark;
    }
    return { mapping: own, marks: ownMarks };
  }

  async choose(mapping: Mapping, marks: Record<string, DecimalMark>, { prepare = true } = {}): Promise<Chosen> {
    const t0 = performance.now();
    const parts = ([0, 1] as const).map((s) => this.part(s, mapping, marks));
    const answers = await Promise.all(this.files.map((f, s) => f.choose(parts[s].mapping, parts[s].marks, prepare ? { key: this.key[s] } : { prepare: false })));
    // The decisions under the joined header's names.
    const decisions: Chosen['decisions'] = {};
    for (const [shown, o] of this.origin) {
      const d = answers[o.file].decisions[o.name];
      if (d && Object.values(parts[o.file].mapping).includes(o.name)) decisions[shown] = d;
    }
    const ms = { decide: Math.max(...answers.map((a) => a.ms.decide)), prepare: 0, ipc: 0 };
    if (!prepare) return { decisions, ms };
    const { prepared } = await this.exclusive(() => joinInEngine([answers[0].side!, answers[1].side!], this.summary.file, true));
    return { decisions, prepared: prepared!, ms: { ...ms, prepare: performance.now() - t0 } };
  }

  close(): void {
    for (const f of this.files) f.close();
  }
}
