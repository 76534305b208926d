/**
 * One lab session in the page: the worker that simulates, the lab's DuckDB instance, and the
 * steps of a regeneration. The page's main thread only moves buffers between them (transferred,
 * never decoded here): the worker simulates and hands tables over as they are made; DuckDB (in its
 * own worker) loads them meanwhile and, as soon as the tables a step reads are complete, derives
 * the account features with the build's own SQL text and runs the queries every model reads; their
 * results go to the worker as Arrow bytes, and the worker computes the models.
 *
 * The newest world wins: starting a world supersedes the one before it. Its steps not yet run on
 * DuckDB are dropped, its tables still coming from the worker are not loaded, its queries neither
 * run nor reach the worker, and every promise of it rejects with Superseded (never a failure: the
 * clients drop it). The worker finishes simulating it (a simulation is one synchronous run there)
 * before it starts the next. The world goes into DuckDB and is queried through the coordinator
 * (loadWorld, queryWorld).
 */
import { labEngine, loadWorld, queryWorld, type LabEngine } from '../db/coordinator.ts';
import type { Engine } from '../db/engine.ts';
import { bindQuery } from '../db/run.ts';
import { Superseded, type Spec } from '../client/client.ts';
import type { QueryName } from '../../sql/catalog.ts';
import { TABLES } from '../data/dictionary.ts';
import accountFeaturesSql from '../../sql/build/account_features.sql?raw';
import type { WorldParams } from '../../../data/sim/params.ts';
import type { Calibration } from '../../../data/sim/calibration.ts';
import { BRANDS } from '../../../data/sim/catalog.ts';
import { DEFAULTS } from '../state/params.ts';
import type { Measured } from '../sweep/summary.ts';
import { OFFER_COLUMNS } from '../sweep/seed.ts';
import type { Job } from '../sweep/plan.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** Tables derived by build SQL in the browser, with the SQL text (the very file the build runs). */
const DERIVED: Record<string, string> = { account_features: accountFeaturesSql };
/** Event-level tables: only the derivation reads them, so they are dropped after it. */
const EVENTS = ['posts', 'reactions'];
/** Queries every model reads that depend on the world alone: run once per world, as soon as their tables are in. */
const CONTEXT: QueryName[] = ['topic_tree', 'audience_topics'];

export type Stage = 'simulating' | 'loading' | 'deriving' | 'figures' | 'done';

export interface Timings {
  /** The simulator in the worker (its encoding of the tables left out). */
  simulate: number;
  /** Encoding the tables as Arrow, in the worker (interleaved with the simulation). */
  encode: number;
  /** DuckDB loading the tables (mostly while the simulation runs). */
  load: number;
  /** DuckDB deriving the account features with the build SQL. */
  derive: number;
  /** From the start until the world can be queried. */
  ready: number;
}

export interface World {
  id: number;
  params: WorldParams;
  engine: Engine;
  rows: Record<string, number>;
  ms: Timings;
  /** The sources' comparisons measured in this world, computed in the worker (data/sim/calibration.ts). */
  calibration: Calibration;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** The tables the simulator makes (the data dictionary's tables not derived by SQL). */
const SIMULATED = TABLES.filter((t) => !t.hidden && !t.origin.startsWith('derived')).map((t) => t.name);

export class LabSession {
  private worker: Worker;
  private ready: Promise<'worker' | 'window'>;
  private engine: Promise<LabEngine>;
  private seq = 0;
  private listeners = new Map<number, (m: FromWorker) => void>();
  private requests = new Map<number, Pending>();
  /** Every request to the lab's DuckDB, in order: one chain, so loads, derivation and queries never interleave. */
  private chain: Promise<unknown> = Promise.resolve();
  /**
   * By query name, the world and bound values of the result the worker holds (it keeps one per
   * query name), and when it has been sent: a second request for the same result waits for that,
   * so its model is not asked for before the worker has the frames.
   */
  private held = new Map<string, { key: string; sent: Promise<void> }>();
  /** The newest world's id, and how to stop waiting for its simulation when a newer one starts. */
  private latest = 0;
  private supersede: () => void = () => {};

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

  private send(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private receive(m: FromWorker): void {
    if (m.type === 'model' || m.type === 'swept' || (m.type === 'error' && this.requests.has(m.id))) {
      const req = m.type === 'error' ? m.id : m.req;
      const pending = this.requests.get(req);
      this.requests.delete(req);
      if (m.type !== 'error') pending?.resolve(m);
      else pending?.reject(new Error(m.message));
      return;
    }
    this.listeners.get(m.type === 'ready' ? 0 : m.id)?.(m);
    if (m.type === 'error' && m.id === -1) for (const l of this.listeners.values()) l(m);
  }

  /**
   * Queue a step of world `world` on DuckDB after every earlier one; the returned promise carries its
   * own failure. When its turn comes after a newer world has started, it is dropped (Superseded).
   */
  private queue<T>(world: number, step: () => Promise<T>): Promise<T> {
    const run = this.chain.then(() => {
      this.check(world);
      return step();
    });
    this.chain = run.catch(() => {});
    return run;
  }

  /** Throw Superseded unless `world` is the newest world. */
  private check(world: number): void {
    if (world !== this.latest) throw new Superseded('a newer world was asked for');
  }

  /** Whether `world` is still the newest world (the one the lab is regenerating or showing). */
  isLatest(world: World): boolean {
    return world.id === this.latest;
  }

  /**
   * A figure's queries on a world, as a client's spec: run through the coordinator in the world's
   * turn on DuckDB, their Arrow bytes handed to the worker (which then computes the model).
   */
  onWorld(world: World, names: readonly QueryName[], values: Record<string, number | string>): Spec<void> {
    return {
      label: names.join(', '),
      run: async () => this.forward(world.id, await this.engine, names.filter((q) => !CONTEXT.includes(q)), values),
    };
  }

  /** Send query results to the worker as Arrow bytes (transferred). */
  private async forward(world: number, db: LabEngine, names: readonly QueryName[], values: Record<string, number | string>): Promise<void> {
    const ipc: Record<string, Uint8Array> = {};
    let markSent!: () => void;
    const sent = new Promise<void>((resolve) => (markSent = resolve));
    const sentElsewhere: Promise<void>[] = [];
    try {
      await Promise.all(
        names.map(async (q) => {
          const key = `${world}\u0000${JSON.stringify(bindQuery(q, values).values)}`;
          const held = this.held.get(q);
          if (held?.key === key) return void sentElsewhere.push(held.sent);
          this.held.set(q, { key, sent });
          ipc[q] = await this.queue(world, () => queryWorld(db, q, values)).catch((error) => {
            this.held.delete(q);
            throw error;
          });
        }),
      );
      // A newer world's frames may be in the worker by now: an older world's never replace them.
      if (Object.keys(ipc).length > 0) {
        this.check(world);
        this.send({ type: 'frames', world, ipc }, Object.values(ipc).map((b) => b.buffer as ArrayBuffer));
      }
    } finally {
      markSent();
    }
    await Promise.all(sentElsewhere);
  }

  /**
   * Simulate a world in the worker and load it into DuckDB, deriving the account features; resolves
   * once the world can be queried. `onStage` reports progress (share in 0–1 while simulating; the
   * loading and the derivation overlap the simulation, and what is left of them follows it).
   */
  async regenerate(
    params: WorldParams,
    onStage: (stage: Stage, share?: number) => void,
    { keepStages = false, keepCoverage = true }: { keepStages?: boolean; keepCoverage?: boolean } = {},
  ): Promise<World> {
    const id = ++this.seq;
    this.supersede();
    this.latest = id;
    await this.ready;
    const db = await this.engine;
    this.check(id);
    const t0 = performance.now();
    // The world's tables, derivations and macros go in through the coordinator, in the world's turn on DuckDB.
    const load = loadWorld(db, { tables: SIMULATED, derived: DERIVED, dropAfter: EVENTS, queue: (request) => this.queue(id, request) });
    // The context queries wait for their tables (those a world did not make, once no more come: they fail with DuckDB's own message).
    const steps = CONTEXT.map((q) => load.whenComplete(bindQuery(q, {}).sql, () => this.forward(id, db, [q], {})));
    const simulated = new Promise<Extract<FromWorker, { type: 'simulated' }>>((resolve, reject) => {
      this.supersede = () => reject(new Superseded('a newer world was asked for'));
      this.listeners.set(id, (m) => {
        if (m.type === 'progress') onStage('simulating', m.share);
        else if (m.type === 'table') {
          load.table(m.name, m.ipc, m.append, m.last);
        } else if (m.type === 'simulated') resolve(m);
        else if (m.type === 'error') reject(new Error(m.message));
      });
    });
    this.send({ type: 'simulate', id, params, keepStages, keepCoverage });
    onStage('simulating', 0);
    let sim: Extract<FromWorker, { type: 'simulated' }>;
    let engine: Engine;
    try {
      sim = await simulated;
      onStage('deriving');
      engine = await load.finish();
      for (let k = 0; k < steps.length; k++) await steps[k];
    } finally {
      // A world superseded meanwhile: its tables still to come from the worker are not loaded.
      this.listeners.delete(id);
      // Let every queued step settle before the next world starts, whatever happened.
      await Promise.allSettled([load.settled(), ...steps]);
    }
    this.check(id);
    return {
      id,
      params,
      engine,
      rows: sim.rows,
      calibration: sim.calibration,
      ms: { simulate: sim.ms.simulate, encode: sim.ms.encode, load: load.ms.load, derive: load.ms.derive, ready: performance.now() - t0 },
    };
  }

  /** The world's fingerprint, computed in the worker (after the regeneration, so it never delays it). Only for the last world simulated. */
  digest(world: World): Promise<string> {
    return new Promise((resolve, reject) => {
      this.listeners.set(world.id, (m) => {
        if (m.type === 'digest' || m.type === 'error') this.listeners.delete(world.id);
        if (m.type === 'digest') resolve(m.digest);
        else if (m.type === 'error') reject(new Error(m.message));
      });
      this.send({ type: 'digest', id: world.id });
    });
  }

  /**
   * Judge a world regenerated with keepStages for the break-even sweep (src/lib/sweep/seed.ts): run
   * brand_offers for every brand here (only the columns the scores read, as the data step does),
   * hand the results to the worker, and have it measure what the sweep job's world measures of
   * assumption `key` (jobPoints).
   */
  async sweepWorld(world: World, key: string, job: Job, budget: number): Promise<{ measured: Measured[]; brands: { slug: string; name: string }[] }> {
    const db = await this.engine;
    const ipc: Record<string, Uint8Array> = {};
    for (const { slug } of BRANDS) {
      ipc[`brand_offers:${slug}`] = await this.queue(world.id, () => queryWorld(db, 'brand_offers', { ...DEFAULTS, brand: slug }, OFFER_COLUMNS));
    }
    this.check(world.id);
    this.send({ type: 'frames', world: world.id, ipc }, Object.values(ipc).map((b) => b.buffer as ArrayBuffer));
    const m = await this.ask<Extract<FromWorker, { type: 'swept' }>>(world, (req) => ({ type: 'sweep', req, world: world.id, key, job, budget }));
    return { measured: m.measured, brands: m.brands };
  }

  /**
   * Have the worker compute a figure's model (the registry's model function) on a world, from the
   * frames its queries sent (`onWorld`). Superseded if a newer world has started by then.
   */
  async model<M>(world: World, name: string, values: Record<string, number | string>, intervals: boolean): Promise<{ model: M; context: 'worker' | 'window' }> {
    const m = await this.ask<Extract<FromWorker, { type: 'model' }>>(world, (req) => ({ type: 'model', req, world: world.id, figure: name, values, intervals }));
    return { model: m.model as M, context: m.context };
  }

  /** A request to the worker about a world; its answer. The worker holds one world: an answer for an older one is Superseded, not a failure. */
  private async ask<T>(world: World, message: (req: number) => ToWorker): Promise<T> {
    this.check(world.id);
    const req = ++this.seq;
    const result = new Promise<T>((resolve, reject) => this.requests.set(req, { resolve: resolve as (v: unknown) => void, reject }));
    this.send(message(req));
    try {
      return await result;
    } catch (error) {
      this.check(world.id);
      throw error;
    }
  }
}
