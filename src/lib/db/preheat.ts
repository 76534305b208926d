/**
 * The page engine's worker, started ahead of the engine (browser.ts) and with no work on the page's
 * main thread: the worker loads DuckDB's script, downloads and compiles its WebAssembly and
 * instantiates it (about a second, most of the engine's start), while the reader reads. This file
 * is on the critical path (live-figure.ts imports it), so it holds only URLs and a few messages;
 * the engine module and the data load when the reader first moves a control (or the browser idles
 * near a figure), and the engine then adopts this worker.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import watchedWorker from './duckdb-watched.worker.js?url';
import { NO_AUTOLOAD_SQL } from './lock.ts';

/** The bundle both the preheated worker and a worker started by the engine use. */
export const BUNDLE = { mainModule: ehWasm, mainWorker: ehWorker, watchedWorker };

/**
 * A DuckDB worker (duckdb-watched.worker.js), named by its WebAssembly's URL so that it fetches and
 * compiles it at once; with `compile` false, unnamed: it waits to be handed a module (handModule),
 * or, handed none, fetches it when DuckDB's start request comes.
 */
export function duckdbWorker(compile = true): Worker {
  const script = `${BUNDLE.watchedWorker}#${encodeURIComponent(BUNDLE.mainWorker)}`;
  return compile ? new Worker(script, { name: BUNDLE.mainModule }) : new Worker(script);
}

/** Hand an unnamed DuckDB worker a module another engine's worker compiled (before DuckDB's start request). */
export function handModule(worker: Worker, module: WebAssembly.Module): void {
  worker.postMessage({ type: 'influence:module', module, url: BUNDLE.mainModule });
}

/** The WebAssembly module a DuckDB worker compiled, once it has (null if it has none: its compile failed, or it was handed none). */
export function compiledModule(worker: Worker): Promise<WebAssembly.Module | null> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port1.onmessage = (event) => {
      port1.close();
      resolve(event.data instanceof WebAssembly.Module ? event.data : null);
    };
    worker.postMessage({ type: 'influence:share-module', port: port2 }, [port2]);
  });
}

/**
 * What the worker runs once instantiated, on a connection of its own: statements of the shapes the
 * first figure's queries take (a table from Arrow, a table macro with quantiles, a prepared query
 * with a parameter, a join, a sort, text out), on throw-away data, then dropped. DuckDB-WASM's
 * functions are compiled on first use, and that first use cost the first touch several hundred
 * milliseconds; here it happens while the reader reads.
 */
const WARM_UP = {
  rows: "SELECT range::INTEGER AS id, (range % 7)::DOUBLE AS x, ln(1 + range % 7) AS lx, 'h' || range AS handle FROM range(3000)",
  macro:
    'CREATE OR REPLACE MACRO preheat_score(w) AS TABLE WITH raw AS (SELECT id, w::DOUBLE * lx AS raw FROM preheat_rows), ' +
    'anchors AS (SELECT lo, q[1] AS med, q[2] AS p95, hi FROM (SELECT min(raw) AS lo, quantile_cont(raw, [0.5, 0.95]) AS q, max(raw) AS hi FROM raw)) ' +
    'SELECT id, coalesce(CASE WHEN raw <= med THEN 1 + 19 * (raw - lo) / nullif(med - lo, 0) WHEN raw <= p95 THEN 20 + 30 * (raw - med) / nullif(p95 - med, 0) ELSE 50 END, 20)::DOUBLE AS score FROM raw, anchors',
  prepared: 'SELECT id, round(100 * score) / 100 AS score FROM preheat_score($1)',
  join: 'SELECT r.id, r.handle, r.x, (CASE WHEN r.x > 3 THEN r.x ELSE 0 END)::DOUBLE AS y FROM preheat_rows r JOIN preheat_score(1) s USING (id) ORDER BY r.x, r.id',
  drop: 'DROP MACRO TABLE IF EXISTS preheat_score; DROP TABLE IF EXISTS preheat_rows',
};

interface Preheated {
  worker: Worker;
  /**
   * Settles when the worker has instantiated DuckDB (rejects with its error) and run the warm-up
   * (whose errors are ignored); true when the engine-wide NO_AUTOLOAD_SQL is in place by then.
   */
  instantiated: Promise<boolean>;
  failed: boolean;
  adopted: boolean;
}

let preheated: Preheated | null = null;

/** Start the page engine's worker, its instantiation and warm-up now (once per page; nothing if the browser cannot run it). */
export function preheat(): void {
  if (preheated || typeof Worker !== 'function' || typeof WebAssembly !== 'object') return;
  performance.mark('influence:engine-preheat');
  const worker = duckdbWorker();
  // DuckDB-WASM's worker protocol, with request ids of our own (its AsyncDuckDB counts up from 0).
  let id = 0;
  const ask = (type: string, data: unknown, transfer: Transferable[] = []) =>
    new Promise<unknown>((resolve, reject) => {
      const messageId = --id;
      const answer = (event: MessageEvent) => {
        const m = event.data as { requestId?: number; type?: string; data?: unknown };
        if (m?.requestId !== messageId || m.type === 'INSTANTIATE_PROGRESS') return;
        worker.removeEventListener('message', answer);
        if (m.type === 'ERROR') reject(new Error((m.data as { message?: string })?.message ?? `${type} failed`));
        else resolve(m.data);
      };
      worker.addEventListener('message', answer);
      worker.postMessage({ messageId, type, data }, transfer);
    });
  const state: Preheated = { worker, instantiated: Promise.resolve(false), failed: false, adopted: false };
  // A worker that fails before the engine adopts it is left alone: the engine starts its own, and reports why.
  worker.addEventListener('error', () => void (state.failed = true), { once: true });
  const instantiated = ask('INSTANTIATE', [BUNDLE.mainModule, null]);
  instantiated.catch(() => void (state.failed = true));
  // Once the engine has adopted the worker (a reader's move), the warm-up stops after the statement
  // under way: what it has not reached yet, the engine's own statements compile as they go.
  // The engine-wide settings go first, adopted or not: the engine then need not send them.
  const warmUp = async (): Promise<boolean> => {
    const conn = await ask('CONNECT', null);
    const settings = await ask('RUN_QUERY', [conn, NO_AUTOLOAD_SQL]).then(
      () => true,
      () => false,
    );
    const step = async (type: string, data: unknown, transfer?: Transferable[]) => {
      if (state.adopted) throw new Error('adopted');
      return ask(type, data, transfer);
    };
    const run = (sql: string) => step('RUN_QUERY', [conn, sql]);
    let made = false;
    try {
      const rows = (await run(WARM_UP.rows)) as Uint8Array;
      made = true;
      await step('INSERT_ARROW_FROM_IPC_STREAM', [conn, rows, { name: 'preheat_rows', create: true }], [rows.buffer]);
      await run(WARM_UP.macro);
      const statement = await step('CREATE_PREPARED', [conn, WARM_UP.prepared]);
      await step('RUN_PREPARED', [conn, statement, [1.5]]).finally(() => ask('CLOSE_PREPARED', [conn, statement]));
      await run(WARM_UP.join);
    } finally {
      // (The throw-away table and macro go, whichever statement it stopped after; when it stopped
      // before making either, as when a reader's move adopts the worker at once, nothing is run.)
      if (made) await ask('RUN_QUERY', [conn, WARM_UP.drop]).catch(() => {});
      await ask('DISCONNECT', conn);
    }
    return settings;
  };
  state.instantiated = instantiated
    .then(() => warmUp().catch(() => false))
    .then((settings) => {
      performance.mark('influence:engine-preheated');
      return settings;
    });
  state.instantiated.catch(() => {});
  preheated = state;
}

/**
 * The preheated worker for the engine to adopt (once), with its instantiation under way or done;
 * null when there is none or it already failed (then it is stopped, and the engine starts afresh).
 */
export function adoptPreheated(): { worker: Worker; instantiated: Promise<boolean> } | null {
  const p = preheated;
  if (!p || p.adopted) return null;
  p.adopted = true;
  if (p.failed) {
    p.worker.terminate();
    return null;
  }
  return { worker: p.worker, instantiated: p.instantiated };
}
