/**
 * The page's engine setup as steps run one at a time on its connection: each table inserted, each
 * macro installed once the tables it reads are in, each macro's table built, and last the lock. A
 * query waits only for the steps its text names (tables, macros, macros' tables) and what those need
 * in turn, and those steps go first; the others run while no query is waiting, so the figure a
 * reader touches first does not wait for tables it never reads. Any step failing fails the setup.
 */
import { MACROS, MACRO_TABLES, macroTableSql, macrosUsedBy, tableMadeBy, type MacroTable } from '../../sql/catalog.ts';

export interface Step {
  /** What a query's text calls it (a table, macro or macro's table), or a label (`mentioned: false`). */
  name: string;
  /** Steps that must be done first. */
  needs: readonly string[];
  /**
   * Fetch the input that must be in hand before the step can run (a table's bytes); a rejection
   * fails the setup at once. Called as soon as a query needs the step, else in step order with a
   * few such fetches at a time (so a download nobody waits for yet does not slow one that is).
   */
  fetch?: () => Promise<unknown>;
  /** False for a step no query text names (the lock): it is only waited for by `done`. */
  mentioned?: boolean;
  run: () => Promise<void>;
}

interface State {
  step: Step;
  pattern: RegExp | null;
  fetching: boolean;
  inputReady: boolean;
  urgent: boolean;
  started: boolean;
  finished: boolean;
  done: Promise<void>;
  resolve: () => void;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Setup {
  private readonly states: State[];
  private readonly byName = new Map<string, State>();
  /** Queries waiting for their steps or running: background steps wait until there are none. */
  private waiting = 0;
  private wake: () => void = () => {};
  private error: unknown = null;
  private readonly failure: Promise<never>;
  private reject!: (error: unknown) => void;
  /** Every step done. */
  readonly done: Promise<void>;

  constructor(steps: readonly Step[], onError: (error: unknown) => void = () => {}) {
    this.failure = new Promise<never>((_, reject) => (this.reject = reject));
    this.failure.catch(() => {});
    this.states = steps.map((step) => {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      const state: State = {
        step,
        pattern: step.mentioned === false ? null : new RegExp(`\\b${escape(step.name)}\\b`, 'i'),
        fetching: false,
        inputReady: step.fetch === undefined,
        urgent: false,
        started: false,
        finished: false,
        done,
        resolve,
      };
      this.byName.set(step.name, state);
      return state;
    });
    for (const s of this.states) for (const n of s.step.needs) if (!this.byName.has(n)) throw new Error(`setup step ${s.step.name} needs an unknown step ${n}`);
    this.done = Promise.race([Promise.all(this.states.map((s) => s.done)).then(() => {}), this.failure]);
    this.done.catch(() => {});
    this.failure.catch(onError);
    this.fetchSome();
    void this.loop();
  }

  /**
   * Start the fetches that are due: every needed step's at once; others in order, a few at a time,
   * and only while no needed one is under way (downloads share the network and the decompression).
   */
  private fetchSome(): void {
    const underWay = this.states.filter((s) => s.fetching && !s.inputReady);
    let background = underWay.filter((s) => !s.urgent).length;
    for (const s of this.states) if (s.urgent && !s.fetching && !s.inputReady) underWay.push(s);
    const neededUnderWay = underWay.some((s) => s.urgent);
    for (const s of this.states) {
      if (this.error !== null || s.fetching || s.inputReady) continue;
      if (!s.urgent && (neededUnderWay || background >= Setup.BACKGROUND_FETCHES)) continue;
      if (!s.urgent) background++;
      s.fetching = true;
      s.step.fetch!().then(
        () => {
          s.inputReady = true;
          this.fetchSome();
          this.wake();
        },
        (error) => this.fail(error),
      );
    }
  }

  /** Fetches for steps no query waits for yet, at a time. */
  static readonly BACKGROUND_FETCHES = 2;

  /** The steps a query text names, with everything they need, in setup order. */
  stepsFor(text: string): string[] {
    const wanted = new Set<State>();
    const add = (s: State) => {
      if (wanted.has(s)) return;
      wanted.add(s);
      for (const n of s.step.needs) add(this.byName.get(n)!);
    };
    for (const s of this.states) if (s.pattern?.test(text)) add(s);
    return this.states.filter((s) => wanted.has(s)).map((s) => s.step.name);
  }

  /**
   * Run `work` once the steps `text` needs are done (they are moved to the front); no background
   * step starts while it waits or runs. Rejects with the setup's error if a step fails.
   */
  async run<T>(text: string, work: () => Promise<T>): Promise<T> {
    this.waiting++;
    try {
      const needed = this.stepsFor(text).map((n) => this.byName.get(n)!);
      if (needed.some((s) => !s.finished)) {
        for (const s of needed) s.urgent = true;
        this.fetchSome();
        this.wake();
        await Promise.race([Promise.all(needed.map((s) => s.done)), this.failure]);
      }
      return await work();
    } finally {
      this.waiting--;
      if (this.waiting === 0) this.wake();
    }
  }

  /** Fail the setup from outside (the engine's worker died): waiting queries reject with `error`. */
  abort(error: unknown): void {
    this.fail(error);
  }

  private fail(error: unknown): void {
    if (this.error !== null) return;
    this.error = error ?? new Error('setup failed');
    this.reject(this.error);
    this.wake();
  }

  /** The next step to run: a needed one first; another only while no query waits. */
  private next(): State | undefined {
    const runnable = this.states.filter((s) => !s.started && s.inputReady && s.step.needs.every((n) => this.byName.get(n)!.finished));
    return runnable.find((s) => s.urgent) ?? (this.waiting === 0 ? runnable[0] : undefined);
  }

  private async loop(): Promise<void> {
    while (this.error === null && this.states.some((s) => !s.finished)) {
      const s = this.next();
      if (!s) {
        await new Promise<void>((r) => (this.wake = r));
        continue;
      }
      s.started = true;
      try {
        await s.step.run();
      } catch (error) {
        return this.fail(error);
      }
      s.finished = true;
      s.resolve();
    }
  }
}

/** The tables among `among` that a statement's text names (as whole words). */
export const tablesNamed = (text: string, among: readonly string[]): string[] => among.filter((n) => new RegExp(`\\b${n}\\b`, 'i').test(text));

/**
 * The shared macros' steps for an engine whose tables are `tables` (each macro once the tables it
 * reads, the macros it calls and the macros' tables it reads are in), then each macro's table (once
 * its macro is): the page's engine and the lab's.
 */
export function macroSteps(tables: readonly string[], run: (sql: string) => Promise<unknown>): Step[] {
  // (A macro's text may name the table it makes itself: that is no need of its own.)
  const made = (macro: string) => (Object.keys(MACRO_TABLES) as MacroTable[]).filter((t) => t !== tableMadeBy(macro));
  return [
    ...Object.entries(MACROS).map(([name, text]): Step => ({
      name,
      needs: [...tablesNamed(text, [...tables, ...made(name)]), ...macrosUsedBy(text).filter((m) => m !== name)],
      run: async () => void (await run(text)),
    })),
    ...(Object.keys(MACRO_TABLES) as MacroTable[]).map((table): Step => ({ name: table, needs: [MACRO_TABLES[table]], run: async () => void (await run(macroTableSql(table))) })),
  ];
}
