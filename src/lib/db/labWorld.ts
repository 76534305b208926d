/**
 * A lab world loaded into the lab's engine, as the page's engine loads the dataset: steps of a
 * Setup (setup.ts), each run once the steps it needs are done. The simulator's tables arrive in
 * chunks, each loaded as it comes; a derived table (build SQL) is made once the tables it reads are
 * complete, the event tables it alone reads are dropped after it, and each shared macro is
 * installed once the tables it reads are in, each score table once its macro is (the page engine's
 * rule). Every request goes through the caller's `queue` (the lab session's one chain, which drops
 * the requests of a superseded world); the coordinator hands this out as `loadWorld`.
 */
import type { LabEngine } from './browser.ts';
import type { Engine } from './engine.ts';
import { Setup, macroSteps, tablesNamed, type Step } from './setup.ts';

export interface WorldPlan {
  /** The tables the simulator makes. */
  tables: readonly string[];
  /** Tables derived from them by build SQL (name → the SELECT text the build runs). */
  derived: Readonly<Record<string, string>>;
  /** Tables only the derivations read: dropped once those are made. */
  dropAfter: readonly string[];
  /** Run one request to the engine in its turn (it rejects, and the load fails with it, when the world is superseded). */
  queue: <T>(request: () => Promise<T>) => Promise<T>;
}

export interface WorldLoad {
  /** Rows of a table: the first chunk creates it, `append` adds to it; `last` marks it complete (with no bytes when nothing was left). */
  table(name: string, ipc: Uint8Array | null, append: boolean, last: boolean): void;
  /**
   * Every table has been sent: the steps still waiting for a table that never came run now (and
   * fail with DuckDB's own message). Resolves with a fresh handle on the world once every step is
   * done (results cached for an earlier world are never reused); rejects with the first failure.
   */
  finish(): Promise<Engine>;
  /** Once every request of this world has settled, whatever happened (before the next world starts). */
  settled(): Promise<void>;
  /** Run `work` once every simulated table `text` names is complete (or no more tables will come). */
  whenComplete<T>(text: string, work: () => Promise<T>): Promise<T>;
  /** Milliseconds spent loading tables and deriving, so far. */
  readonly ms: { load: number; derive: number };
}

export function loadWorld(db: LabEngine, plan: WorldPlan): WorldLoad {
  const ms = { load: 0, derive: 0 };
  /** Every request of the world so far (their failures are reported by `finish`). */
  const requests: Promise<unknown>[] = [];
  const send = <T>(request: () => Promise<T>, timed?: keyof typeof ms): Promise<T> => {
    const run = plan.queue(async () => {
      const t = performance.now();
      try {
        return await request();
      } finally {
        if (timed) ms[timed] += performance.now() - t;
      }
    });
    run.catch(() => {});
    requests.push(run);
    return run;
  };
  const complete = new Map(
    plan.tables.map((t) => {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      return [t, { done, resolve }] as const;
    }),
  );
  const loaded = Object.keys(plan.derived);
  const made = [...plan.tables, ...loaded];
  const steps: Step[] = plan.tables.map((name) => ({ name, needs: [], fetch: () => complete.get(name)!.done, run: async () => {} }));
  for (const [name, sql] of Object.entries(plan.derived)) {
    steps.push({ name, needs: tablesNamed(sql, plan.tables), run: () => send(() => db.exec(`CREATE OR REPLACE TABLE ${name} AS ${sql}`), 'derive') });
  }
  if (plan.dropAfter.length > 0) {
    steps.push({ name: 'drop', mentioned: false, needs: loaded, run: () => send(() => db.exec(plan.dropAfter.map((t) => `DROP TABLE IF EXISTS ${t}`).join('; '))) });
  }
  steps.push(...macroSteps(made, (sql) => send(() => db.exec(sql))));
  const setup = new Setup(steps);
  /** No more tables will come: the steps waiting for one that did not run now. */
  const noMoreTables = () => {
    for (const { resolve } of complete.values()) resolve();
  };
  return {
    ms,
    table(name, ipc, append, last) {
      if (ipc) send(() => db.loadTable(name, ipc, append), 'load');
      if (!last) return;
      complete.get(name)?.resolve();
      // Its input is in hand: asking for it moves the table's step to the front, so the steps that need it follow at once.
      setup.run(name, async () => {}).catch(() => {});
    },
    whenComplete: (text, work) => Promise.all(tablesNamed(text, plan.tables).map((t) => complete.get(t)!.done)).then(work),
    async finish() {
      noMoreTables();
      await setup.done;
      await Promise.all(requests);
      return db.view();
    },
    async settled() {
      noMoreTables();
      await setup.done.catch(() => {});
      await Promise.allSettled(requests);
    },
  };
}
