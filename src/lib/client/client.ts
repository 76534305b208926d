/**
 * The client interface: how every interactive piece of the site (a figure, explore's table, the
 * SQL cell, your data, the lab's world and its figures) asks for data and shows it. A client
 * declares its queries for given parameters and how it renders their results; `request` runs them
 * and keeps the rules in one place:
 *
 * - newest request wins, per client: a request supersedes the client's earlier one, whose signal is
 *   aborted (a query not yet started is dropped, the SQL cell's running statement is stopped) and
 *   whose results, if they still arrive, are never rendered;
 * - the client's element says where it is in `data-state`: pending ('updating'), done ('live'),
 *   failed ('failed'), or the client's own names for these; `aria-busy` while pending if asked;
 * - a failure of the newest request goes to `queryError` (with `data-state` failed); a failure of a
 *   superseded one, or a `Superseded` error (the work was overtaken elsewhere, e.g. by a newer lab
 *   world), is dropped.
 *
 * The queries are specs: what to run, not yet run. The coordinator (src/lib/db/coordinator.ts, the
 * only way to DuckDB) makes the specs of the catalog's queries (`named`: cached, prioritised), of a
 * statement of the catalog's family (`text`) and of the SQL cell (`readOnly`); the lab session makes
 * those of a regenerated world (`LabSession.onWorld`); `work` wraps any other step of a request (the
 * lab's simulation, a file's parsing). This module itself knows nothing of DuckDB.
 *
 * Adopting it (e.g. a page that wires its own "newest result wins"):
 *
 *   const client: Client<Params, { rows: Spec<QueryRun> }> = {
 *     el,                                                  // data-state follows its requests
 *     query: (p) => ({ rows: named('explore_accounts', p) }),
 *     queryPending: (p) => () => {},                       // optional: show "working"; the cleanup runs when it settles
 *     queryResult: ({ rows }, p, signal) => draw(rows),    // may be async; check `signal` after each await
 *     queryError: (e) => say(e.message),
 *   };
 *   await request(client, params); // { done: true } once drawn; { done: false, error? } otherwise
 *   cancel(client);                // the reader's Cancel: the newest request fails with the spec's own error
 */

/** One query or step of a request, not yet run: `run` starts it (the signal aborts when the request is superseded or cancelled). */
export interface Spec<T> {
  /** What it is, for messages and the performance panel: a query's name, or a step's. */
  readonly label: string;
  run(signal: AbortSignal): Promise<T>;
}

export type Specs = Record<string, Spec<unknown>>;

/** The results of a request's specs, under the same keys. */
export type Results<Q extends Specs> = { [K in keyof Q]: NonNullable<Q[K]> extends Spec<infer T> ? T : never };

export interface States {
  pending: string;
  done: string;
  failed: string;
}

export const DEFAULT_STATES: States = { pending: 'updating', done: 'live', failed: 'failed' };

export interface Client<P, Q extends Specs> {
  /** The element whose `data-state` (and `aria-busy`, with `busy`) follows the client's requests. */
  readonly el: HTMLElement;
  /** The names `data-state` takes (default: updating, live, failed). */
  readonly states?: Partial<States>;
  /** Mark the element `aria-busy` while its newest request is pending. */
  readonly busy?: boolean;
  /** The queries for these parameters (specs: nothing runs until the request does). */
  query(params: P): Q;
  /** The request has started; the returned function, if any, runs once it settles (done, failed or superseded). */
  queryPending?(params: P): void | (() => void);
  /** Render the results. Runs only for the newest request; if it awaits, call `signal.throwIfAborted()` after (a newer request may have started: it throws Superseded). */
  queryResult(results: Results<Q>, params: P, signal: AbortSignal): void | Promise<void>;
  /** The newest request failed (`data-state` is already failed). */
  queryError(error: Error, params: P): void;
}

/** Work overtaken by newer work (a newer request of the client, or a newer lab world): never reported as a failure. */
export class Superseded extends Error {
  constructor(what = 'a newer request took over') {
    super(what);
    this.name = 'Superseded';
  }
}

/** A step of a request that is not a query (the lab's simulation, a file's parsing). */
export const work = <T>(label: string, run: (signal: AbortSignal) => Promise<T>): Spec<T> => ({ label, run });

export type Outcome = { done: true } | { done: false; error?: Error };

const pending = new WeakMap<Client<any, any>, AbortController>();

/**
 * Run a client's queries for `params` and render the results, the newest request of the client
 * winning. Resolves once it has settled: `{ done: true }` when rendered, `{ done: false, error }`
 * when it failed (the element shows it), `{ done: false }` when superseded. Never rejects.
 */
export async function request<P, Q extends Specs>(client: Client<P, Q>, params: P): Promise<Outcome> {
  pending.get(client)?.abort(new Superseded());
  const controller = new AbortController();
  pending.set(client, controller);
  const { signal } = controller;
  const current = () => pending.get(client) === controller;
  const states = { ...DEFAULT_STATES, ...client.states };
  const { el } = client;
  el.dataset.state = states.pending;
  if (client.busy) el.setAttribute('aria-busy', 'true');
  let settle: void | (() => void) = undefined;
  try {
    settle = client.queryPending?.(params);
    const specs = client.query(params);
    const keys = Object.keys(specs);
    const values = await Promise.all(keys.map((k) => specs[k].run(signal)));
    if (!current()) return { done: false };
    await client.queryResult(Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Results<Q>, params, signal);
    if (!current()) return { done: false };
    el.dataset.state = states.done;
    return { done: true };
  } catch (e) {
    if (!current() || e instanceof Superseded) return { done: false };
    const error = e instanceof Error ? e : new Error(String(e));
    el.dataset.state = states.failed;
    client.queryError(error, params);
    return { done: false, error };
  } finally {
    if (current()) {
      pending.delete(client);
      if (client.busy) el.removeAttribute('aria-busy');
    }
    settle?.();
  }
}

/** What a request stopped by the reader's Cancel fails with (its signal's reason): a failure the client may tell apart. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Stop the client's newest request (the reader's Cancel): its specs see the abort (with a Cancelled reason), and its failure is reported as usual. */
export function cancel(client: Client<any, any>): void {
  pending.get(client)?.abort(new Cancelled());
}

/** Whether the client has a request under way. */
export const isPending = (client: Client<any, any>): boolean => pending.has(client);
