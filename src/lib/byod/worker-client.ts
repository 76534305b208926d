/**
 * The page's side of a parsing worker (parse.worker.ts): open a file in a worker of its own, with
 * progress and an AbortSignal (aborting terminates the worker, so a cancelled or failed load never
 * touches the file loaded before, which has its own worker); then ask it about a choice of columns.
 * Where workers are unavailable (or the worker cannot start), the same code runs in the page.
 */
import { ByodError } from './errors.ts';
import { ParsedFile, type Chosen, type Summary } from './parsed.ts';
import type { Mapping } from './mapping.ts';
import type { DecimalMark } from './numbers.ts';

export type ToWorker =
  | { type: 'load'; file: File; maxBytes?: number; maxRows?: number }
  | { type: 'choose'; req: number; mapping: Mapping; marks: Record<string, DecimalMark>; prepare: boolean; ipc: boolean };

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
export class FileWorker {
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
  choose(mapping: Mapping, marks: Record<string, DecimalMark>, { prepare = true, ipc = false } = {}): Promise<Chosen> {
    if (this.local) {
      try {
        return Promise.resolve(this.local.choose(mapping, marks, { prepare, ipc }));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    if (!this.worker) return Promise.reject(new Error('this file has been closed'));
    const req = ++this.req;
    return new Promise<Chosen>((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      this.worker!.postMessage({ type: 'choose', req, mapping, marks, prepare, ipc } satisfies ToWorker);
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
