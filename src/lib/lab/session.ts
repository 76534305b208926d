/**
 * One lab session in the page: the worker that simulates, the lab's DuckDB instance, and the
 * steps of a regeneration. The page's main thread only moves buffers and query results between
 * them: the worker simulates and computes models, DuckDB (in its own worker) loads the tables and
 * derives the account features with the build's own SQL text.
 */
import { labEngine, type LabEngine } from '../db/browser.ts';
import type { Engine } from '../db/engine.ts';
import { runQuery } from '../db/run.ts';
import type { Frame } from '../data/frame.ts';
import type { QueryName } from '../../sql/catalog.ts';
import accountFeaturesSql from '../../sql/build/account_features.sql?raw';
import type { WorldParams } from '../../../data/sim/params.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** Tables derived by build SQL in the browser, with the SQL text (the very file the build runs). */
const DERIVED: Record<string, string> = { account_features: accountFeaturesSql };
/** Event-level tables: only the derivation reads them, so they are dropped after it. */
const EVENTS = ['posts', 'reactions'];
/** Queries every model reads that depend on the world alone: run once per world, handed to the worker early. */
const CONTEXT: QueryName[] = ['topic_tree', 'audience_topics'];

export type Stage = 'simulating' | 'loading' | 'deriving' | 'figures' | 'done';

export interface Timings {
  simulate: number;
  encode: number;
  load: number;
  derive: number;
  total: number;
}

export interface World {
  id: number;
  params: WorldParams;
  engine: Engine;
  rows: Record<string, number>;
  ms: Omit<Timings, 'total'>;
  /** The world's fingerprint, computed in the worker after the tables were handed over. */
  digest: Promise<string>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class LabSession {
  private worker: Worker;
  private ready: Promise<'worker' | 'window'>;
  private engine: Promise<LabEngine>;
  private seq = 0;
  private listeners = new Map<number, (m: FromWorker) => void>();
  private requests = new Map<number, Pending>();
  private loads: Promise<unknown> = Promise.resolve();

  constructor(base: string, version: string) {
    this.worker = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module', name: 'lab-simulator' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    let ready!: (context: 'worker' | 'window') => void;
    let failed!: (error: Error) => void;
    this.ready = new Promise((res, rej) => ((ready = res), (failed = rej)));
    this.listeners.set(0, (m) => (m.type === 'ready' ? ready(m.context) : m.type === 'error' ? failed(new Error(m.message)) : undefined));
    this.worker.onerror = (e) => failed(new Error(e.message || 'the lab worker failed to start'));
    this.send({ type: 'init', base, version });
    this.engine = labEngine();
  }

  /** Where the simulator runs ('worker' once the worker has answered). */
  context(): Promise<'worker' | 'window'> {
    return this.ready;
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(m: FromWorker): void {
    if (m.type === 'model') {
      this.requests.get(m.req)?.resolve(m.model);
      this.requests.delete(m.req);
      return;
    }
    if (m.type === 'error' && this.requests.has(m.id)) {
      this.requests.get(m.id)!.reject(new Error(m.message));
      this.requests.delete(m.id);
      return;
    }
    this.listeners.get(m.type === 'ready' ? 0 : m.id)?.(m);
    if (m.type === 'error' && m.id === -1) for (const l of this.listeners.values()) l(m);
  }

  /**
   * Simulate a world in the worker and load it into DuckDB, deriving the account features; resolves
   * once the world can be queried. `onStage` reports progress (share in 0–1 while simulating).
   */
  async regenerate(params: WorldParams, onStage: (stage: Stage, share?: number) => void, { digest = true } = {}): Promise<World> {
    await this.ready;
    const db = await this.engine;
    const id = ++this.seq;
    const t0 = performance.now();
    let tLoaded = 0;
    const loaded: Promise<void>[] = [];
    let digestPromise!: Promise<string>;
    const simulated = new Promise<Extract<FromWorker, { type: 'simulated' }>>((resolve, reject) => {
      let resolveDigest!: (d: string) => void;
      digestPromise = new Promise<string>((r) => (resolveDigest = r));
      this.listeners.set(id, (m) => {
        if (m.type === 'progress') onStage('simulating', m.share);
        else if (m.type === 'table') {
          if (loaded.length === 0) onStage('loading');
          // DuckDB loads one table while the worker encodes the next.
          const load = this.loads.then(() => db.loadTable(m.name, m.ipc));
          this.loads = load.catch(() => {});
          loaded.push(load);
        } else if (m.type === 'simulated') resolve(m);
        else if (m.type === 'digest') {
          resolveDigest(m.digest);
          this.listeners.delete(id);
        } else if (m.type === 'error') {
          this.listeners.delete(id);
          reject(new Error(m.message));
        }
      });
    });
    this.send({ type: 'simulate', id, params, digest });
    onStage('simulating', 0);
    const sim = await simulated;
    if (!digest) this.listeners.delete(id);
    await Promise.all(loaded);
    tLoaded = performance.now();
    onStage('deriving');
    const view = db.view();
    // Audience vectors are the slow part of relevance: the worker expands them while DuckDB derives.
    const context = await Promise.all(CONTEXT.map((q) => runQuery(view, q, {})));
    this.send({ type: 'frames', world: id, frames: Object.fromEntries(context.map((r) => [r.name, r.frame])) });
    for (const [name, sql] of Object.entries(DERIVED)) await db.exec(`CREATE OR REPLACE TABLE ${name} AS ${sql}`);
    for (const name of EVENTS) await db.exec(`DROP TABLE IF EXISTS ${name}`);
    await db.installMacros();
    const tDerived = performance.now();
    return {
      id,
      params,
      engine: view,
      rows: sim.rows,
      ms: { simulate: sim.ms.simulate, encode: sim.ms.encode, load: tLoaded - t0 - sim.ms.simulate, derive: tDerived - tLoaded },
      digest: digest ? digestPromise : Promise.resolve(''),
    };
  }

  /** Run a figure's queries on a world and have the worker compute its model (the registry's model function). */
  async model<M>(world: World, figure: { queries: QueryName[] }, name: string, values: Record<string, number | string>, intervals: boolean): Promise<M> {
    const runs = await Promise.all(figure.queries.filter((q) => !CONTEXT.includes(q)).map((q) => runQuery(world.engine, q, values)));
    const frames: Record<string, Frame> = Object.fromEntries(runs.map((r) => [r.name, r.frame]));
    if (runs.length) this.send({ type: 'frames', world: world.id, frames });
    const req = ++this.seq;
    const result = new Promise<M>((resolve, reject) => this.requests.set(req, { resolve: resolve as (v: unknown) => void, reject }));
    this.send({ type: 'model', req, world: world.id, figure: name, values, intervals });
    return result;
  }
}
