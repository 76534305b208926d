/**
 * The interactive half of <byod-app>: load a file (picker or drop), map its columns, run the
 * analysis and render it. A load replaces what is shown only once the new file has passed every
 * check; a failed load shows its message and leaves the earlier data and results as they were.
 * The loads, the brand topics and the margin are clients of the client interface (client.ts):
 * the newest of each wins, and the loads' Cancel stops one under way, in its worker or in its SQL.
 * All text from the file reaches the page through textContent, never as HTML.
 */
import { ByodError } from '../byod/errors.ts';
import { ASKED_ROLES, autoMap, PROXY_MEANING, reachProxy, REQUIRED_ROLES, ROLE_LABELS, ROLES, type Mapping, type Role } from '../byod/mapping.ts';
import { splitTopics, type Prepared } from '../byod/prepare.ts';
import type { ColumnDecision, DecimalMark } from '../byod/numbers.ts';
import { detectGrain, type Grain } from '../byod/grain.ts';
import { recall, remember } from '../byod/remember.ts';
import { reachMeaningOf, warningsFor } from '../byod/readings.ts';
import { judge, resample, restore, rewalk, scoredRows, type Judged } from '../byod/judge.ts';
import { FileWorker, JoinedFiles, type FileSource } from '../byod/worker-client.ts';
import { proposeKey } from '../byod/join.ts';
import type { Summary } from '../byod/parsed.ts';
import { warm } from '../db/coordinator.ts';
import { Cancelled, Superseded, cancel, isPending, request, work, type Client, type Spec } from '../client/client.ts';
import { count } from '../format.ts';
import { li, renderBudget, renderDeciles, renderKpis, renderMatches, renderScoreNote, renderSqlLog } from './byod-results.ts';
import { saveFile } from './save-file.ts';

/** What the reader chose: the columns, the decimal marks of ambiguous columns, and whether per-post rows are summed per account. */
interface Choice {
  mapping: Mapping;
  marks: Record<string, DecimalMark>;
  perAccount: boolean;
}

/** A file judged in the page's engine under a choice. */
interface Computed {
  /** The mapped columns row by row, as in the file. */
  rows: Prepared;
  grain: Grain | null;
  /** Whether the engine adds the rows up per account (the handle repeats and the reader did not say no). */
  perAccount: boolean;
  /** What the engine's SQL gave. */
  judged: Judged;
  /** Which load of the engine's tables this is (App.tables when it was made). */
  tables: number;
  /** The rows are two files joined in the engine (byod_rows made from byod_join in SQL). */
  joined: boolean;
}

interface Loaded {
  /** What the file's worker said about it (the raw cells stay in the worker). */
  table: Summary;
  /** The file's worker, or two files joined. */
  worker: FileSource;
  /** A column's decimal mark as decided from all its values (the worker's answers for the columns chosen so far). */
  decisions: (column: string) => ColumnDecision;
  /** Keep the worker's decisions for more columns. */
  learn: (d: Record<string, ColumnDecision>) => void;
  choice: Choice;
  /** Null while a required column is still to be chosen (the mapping step is open). */
  computed: Computed | null;
  /** Whether the choice came from an earlier file with the same header. */
  recalled: boolean;
}

/** A recomputation of the tables shown (new topics, a new margin): its result, and the tables and load it was made for. */
interface Rerun<T> {
  result: T;
  tables: number;
  seq: number;
}

/** What the reader asked to load: a file, a second file to join, or the join of the two on their key columns. */
type LoadAsk = { kind: 'file'; file: File } | { kind: 'second'; file: File } | { kind: 'join'; key: [string, string]; base: Loaded & { worker: FileWorker }; second: FileWorker };

interface App {
  /** Counts each load (a file, a second file, a join, going back from a join): work for an earlier one is dropped. */
  seq: number;
  current: Loaded | null;
  typing?: ReturnType<typeof setTimeout>;
  /**
   * The loads, as one client of the client interface (client.ts): the newest load wins (an older
   * one's signal aborts, stopping its parsing or its SQL), and the Cancel stops the load under
   * way, from reading the file to its second pass in the engine.
   */
  loader: Client<LoadAsk, { source: Spec<FileSource> }>;
  /** New brand topics (relevance again) and a new margin (the budget test again): each the newest wins. */
  topics: Client<null, { run: Spec<Rerun<Judged> | null> }>;
  margin: Client<null, { run: Spec<Rerun<Awaited<ReturnType<typeof rewalk>>> | null> }>;
  /** Which change of the tables (App.tables) the engine holds: a load stopped after its tables went in leaves them unlike the file shown. */
  engineTables: number;
  /** Changes of the choice, applied one after the other (each waits for the worker's answer). */
  chain: Promise<void>;
  /** A second file loaded to be joined to the first, and the first file alone while the join is shown. */
  second?: FileWorker;
  base?: Loaded;
  /** The engine's work for this page, one job at a time (a load's tables must not change under another's queries). */
  queue: Promise<unknown>;
  /** Counts each change of the engine's tables (a file, a choice, brand topics): a second pass or a margin for older tables is dropped. */
  tables: number;
  marginTyping?: ReturnType<typeof setTimeout>;
}

/** Run engine work after whatever the page asked of the engine before. */
function exclusive<T>(app: App, job: () => Promise<T>): Promise<T> {
  const next = app.queue.then(job, job);
  app.queue = next.catch(() => {});
  return next;
}

const apps = new WeakMap<HTMLElement, App>();
const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) => el.querySelector<T & Element>(sel)!;
const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

export async function attach(el: HTMLElement, event: Event): Promise<void> {
  let app = apps.get(el);
  if (!app) apps.set(el, (app = makeApp(el)));
  const target = event.target as HTMLElement;
  if (event.type === 'drop') {
    const files = (event as DragEvent).dataTransfer?.files;
    if (files && files.length > 0) return void load(el, app, files[0]);
    return showError(el, 'Nothing was dropped that is a file. Drop a CSV, TSV, Parquet or JSON file.');
  }
  if (event.type === 'change' && target instanceof HTMLInputElement && target.matches('[data-file-2]')) {
    const file = target.files?.[0];
    if (file) await loadSecond(el, app, file);
    target.value = '';
    return;
  }
  if (event.type === 'change' && target instanceof HTMLInputElement && target.type === 'file') {
    const file = target.files?.[0];
    if (file) await load(el, app, file);
    target.value = ''; // the same file can be picked again
    return;
  }
  if (event.type === 'change' && target instanceof HTMLSelectElement && target.dataset.role) {
    const role = target.dataset.role as Role;
    const column = target.value || null;
    return rechoose(el, app, (c) => ({ ...c, mapping: { ...c.mapping, [role]: column } }), () => (target.value = app!.current?.choice.mapping[role] ?? ''));
  }
  if (event.type === 'change' && target instanceof HTMLSelectElement && target.dataset.mark) {
    const column = target.dataset.mark;
    const mark = target.value as DecimalMark;
    return rechoose(el, app, (c) => ({ ...c, marks: { ...c.marks, [column]: mark } }), () => (target.value = markOf(app!.current!, column)));
  }
  if (event.type === 'change' && target instanceof HTMLInputElement && target.matches('[data-per-account]')) {
    const perAccount = target.checked;
    return rechoose(el, app, (c) => ({ ...c, perAccount }), () => (target.checked = app!.current?.choice.perAccount ?? true));
  }
  if (target instanceof HTMLInputElement && target.matches('[data-brand-topics]') && app.current?.computed) {
    clearTimeout(app.typing);
    app.typing = setTimeout(() => void rerun(el, app!), event.type === 'change' ? 0 : 300);
  }
  if (target instanceof HTMLInputElement && target.matches('[data-margin]') && app.current?.computed) {
    clearTimeout(app.marginTyping);
    app.marginTyping = setTimeout(() => void remargin(el, app!), event.type === 'change' ? 0 : 300);
  }
  if (event.type === 'click' && app.current?.computed) {
    const button = target.closest<HTMLElement>('[data-download], [data-print]');
    if (button?.matches('[data-print]')) return window.print();
    if (button) return download(el, app, button.dataset.download as 'csv' | 'parquet' | 'svg' | 'png');
  }
}

function showError(el: HTMLElement, message: string): void {
  const box = $(el, '[data-error]');
  box.textContent = message;
  box.hidden = false;
  el.dataset.failed = '';
}

function clearError(el: HTMLElement): void {
  const box = $(el, '[data-error]');
  box.textContent = '';
  box.hidden = true;
  delete el.dataset.failed;
}

/** The decimal mark a column is read with: the reader's answer, else what its values decided. */
const markOf = (cur: Pick<Loaded, 'decisions' | 'choice'>, column: string): DecimalMark => cur.choice.marks[column] ?? cur.decisions(column).mark;


/** Decisions of a file's columns as its worker gave them, kept as they arrive. */
function decisionsOf(summary: Summary): Pick<Loaded, 'decisions' | 'learn'> {
  const decided = new Map<string, ColumnDecision>();
  return {
    decisions: (column) => decided.get(column) ?? { mark: summary.fallback, by: 'default', ambiguous: false, conflicts: 0 },
    learn: (d) => Object.entries(d).forEach(([c, v]) => decided.set(c, v)),
  };
}

/** The brand's topic words, when the file has a topics column to compare them with. */
const brandTopics = (el: HTMLElement, mapping: Mapping): string[] => (mapping.topics ? splitTopics($<HTMLInputElement>(el, '[data-brand-topics]').value) : []);

/** The gross margin the reader entered (0–1), or null: no ROI without it. */
function marginOf(el: HTMLElement): number | null {
  const input = $<HTMLInputElement>(el, '[data-margin]');
  const v = input.value.trim() === '' ? NaN : Number(input.value);
  return Number.isFinite(v) && v >= 0 && v <= 100 ? v / 100 : null;
}

/** What the reader is told when the engine could not judge a file (its first line: DuckDB adds advice meant for programmers). */
const engineMessage = (file: string, e: unknown) => (e instanceof ByodError ? e.message : `"${file}" could not be analysed in your browser's database engine: ${String((e as Error).message).split('\n')[0]}`);

/** Whether the engine's SQL for this page is running (the e2e tests press Cancel then). */
async function sqlRunning<T>(el: HTMLElement, work: () => Promise<T>): Promise<T> {
  el.toggleAttribute('data-sql-running', true);
  try {
    return await work();
  } finally {
    el.toggleAttribute('data-sql-running', false);
  }
}

/**
 * Load a file's typed rows into the page's engine and judge them there (after any engine work asked
 * before); throws a ByodError, or the signal's reason once it aborts (the SQL running stops).
 */
async function engineJudge(el: HTMLElement, app: App, file: string, rows: Prepared, ipc: Uint8Array | undefined, choice: Choice, signal?: AbortSignal, joined = false, known?: Grain | null): Promise<Computed> {
  const grain = known === undefined ? detectGrain(rows) : known; // the file's worker says it, off the page's main thread
  const perAccount = Boolean(grain && choice.perAccount);
  const tables = ++app.tables;
  try {
    const judged = await exclusive(app, () => {
      signal?.throwIfAborted();
      return sqlRunning(el, () => judge({ rows, ipc, perAccount, hasEngagement: Boolean(rows.engagement), brandTopics: brandTopics(el, choice.mapping), margin: marginOf(el), signal, joined, loaded: () => void (app.engineTables = tables) }));
    });
    return { rows, grain, perAccount, judged, tables, joined };
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ByodError('engine', engineMessage(file, e));
  }
}

/** Whether a load failed because the reader pressed Cancel (the parsing worker's own AbortError, or the request's Cancelled). */
const isAbort = (e: unknown) => e instanceof Cancelled || (e instanceof DOMException && e.name === 'AbortError');
/** Whether a newer load took over from the one of this signal. */
const superseded = (signal: AbortSignal) => signal.aborted && signal.reason instanceof Superseded;

/**
 * After a load stopped once its tables had replaced those of the file shown: put the shown file's
 * tables back in the engine (its results on the page stay as they are), so the SQL cell, the
 * downloads and new choices read the file shown.
 */
async function restoreEngine(el: HTMLElement, app: App): Promise<void> {
  const cur = app.current;
  if (!cur?.computed || app.engineTables === cur.computed.tables) return;
  const c = cur.computed;
  const tables = ++app.tables;
  try {
    await exclusive(app, () => sqlRunning(el, () => restore({ rows: c.rows, perAccount: c.perAccount, hasEngagement: Boolean(c.rows.engagement), brandTopics: c.judged.relevance?.brandTopics ?? brandTopics(el, cur.choice.mapping) })));
    app.engineTables = tables;
    if (app.current === cur) app.current = { ...cur, computed: { ...c, tables } };
  } catch (e) {
    if (app.current === cur) showError(el, engineMessage(cur.table.file, e));
  }
}

/**
 * Ask the file's worker for a choice: the decimal decisions of its columns and, when `typed`, the
 * typed columns with byod_rows as Arrow IPC (made in the worker), then judge them in the page's
 * engine (per account when chosen and the handle repeats); throws a ByodError for a bad column.
 */
async function compute(el: HTMLElement, app: App, cur: Pick<Loaded, 'worker' | 'learn' | 'table'>, choice: Choice, typed = true, signal?: AbortSignal): Promise<Computed | null> {
  const options = { prepare: typed, ipc: typed }; // a joined source makes its IPC on the page
  const chosen = await cur.worker.choose(choice.mapping, choice.marks, options);
  signal?.throwIfAborted();
  cur.learn(chosen.decisions);
  if (!chosen.prepared) return null;
  return engineJudge(el, app, cur.table.file, chosen.prepared, chosen.ipc, choice, signal, cur.worker instanceof JoinedFiles, chosen.grain);
}

/**
 * The second pass, once the quick numbers are on the page: rho's bootstrap interval and the budget
 * test's random orders, then the page is 'loaded'. Dropped if the engine's tables changed or
 * another file began loading meanwhile; a failure leaves the quick numbers and says why. With the
 * load's `controller`, its Cancel stops the pass (the quick numbers stay, and the page says so),
 * and the Cancel goes once the pass is over.
 */
async function finish(el: HTMLElement, app: App, tables: number, signal?: AbortSignal): Promise<void> {
  const seq = app.seq; // a file being loaded meanwhile supersedes this too
  const current = () => app.seq === seq && app.tables === tables && app.current?.computed?.tables === tables;
  try {
    const judged = await exclusive(app, async () => (current() ? sqlRunning(el, () => resample(app.current!.computed!.judged, marginOf(el), signal)) : null));
    const cur = app.current;
    if (!judged || !current() || !cur?.computed) return;
    app.current = { ...cur, computed: { ...cur.computed, judged } };
    await renderResults(el, app.current);
  } catch (e) {
    if (!current()) return;
    if (signal?.aborted && signal.reason instanceof Cancelled) $(el, '[data-status]').textContent = `The intervals and the random orders of "${app.current!.table.file}" were cancelled: the numbers shown are its point estimates, without their intervals and without the random orders of the budget test. Load the file again for them.`;
    else showError(el, `The intervals and random orders could not be computed: ${String((e as Error).message).split('\n')[0]}`);
  }
  if (!current()) return;
  if (signal) showCancel(el, false);
  el.dataset.state = 'loaded';
}

/** Show or hide the loads' Cancel. */
function showCancel(el: HTMLElement, shown: boolean): void {
  const button = el.querySelector<HTMLButtonElement>('[data-cancel]');
  if (button) button.hidden = !shown;
}

/**
 * Read and parse a file in a worker of its own, with the progress bar and a Cancel (throws the
 * file's ByodError, or an AbortError); the Cancel stays for what the load does next (its SQL).
 */
async function openFile(el: HTMLElement, file: File, signal: AbortSignal): Promise<FileWorker> {
  const progress = $<HTMLProgressElement>(el, '[data-progress]');
  const status = $(el, '[data-status]');
  clearError(el);
  progress.hidden = false;
  progress.value = 0;
  status.textContent = `Reading "${file.name}"…`;
  try {
    const worker = await FileWorker.open(file, {
      signal,
      onProgress: (stage, share) => {
        if (signal.aborted) return;
        progress.value = share;
        status.textContent = `${stage} "${file.name}"… ${Math.round(share * 100)}%`;
      },
    });
    if (signal.aborted) {
      worker.close();
      throw signal.reason;
    }
    return worker;
  } finally {
    if (!superseded(signal)) {
      progress.hidden = true;
      progress.value = 0;
    }
  }
}

/** The page after a failed or cancelled load: the earlier file's state and a message. */
function refused(el: HTMLElement, app: App, file: File, e: unknown): void {
  el.dataset.state = app.current?.computed ? 'loaded' : app.current ? 'mapping' : 'empty';
  const status = $(el, '[data-status]');
  const before = app.current ? ` the results below are still those of "${app.current.table.file}".` : '';
  if (isAbort(e)) {
    status.textContent = `Loading "${file.name}" was cancelled;${before || ' nothing was loaded.'}`;
    return;
  }
  status.textContent = app.current ? `"${file.name}" was not loaded;${before}` : '';
  showError(el, e instanceof ByodError ? e.message : `"${file.name}" could not be read: ${(e as Error).message}`);
}

/**
 * Show a loaded file (or two joined): its columns mapped (as remembered for its header, else by
 * their names), analysed when the required ones are there, else the mapping step. Null when a
 * newer load came meanwhile; throws a ByodError for a bad column.
 */
async function present(el: HTMLElement, app: App, source: FileSource, signal: AbortSignal): Promise<Loaded | null> {
  const table = source.summary;
  const status = $(el, '[data-status]');
  el.dataset.parsedIn = source.context;
  status.textContent = `Analysing "${table.file}"…`;
  const progress = $<HTMLProgressElement>(el, '[data-progress]');
  progress.hidden = false;
  progress.removeAttribute('value'); // the worker reads the columns, then the page analyses: no share to show
  await new Promise((r) => setTimeout(r, 0));
  try {
    const { decisions, learn } = decisionsOf(table);
    const numeric = (name: string) => table.numeric[table.names.indexOf(name)];
    const saved = recall(storage(), table.names);
    const recalled = Boolean(saved && REQUIRED_ROLES.every((r) => saved.mapping[r]));
    const choice: Choice = recalled ? { mapping: saved!.mapping, marks: saved!.marks, perAccount: true } : { mapping: autoMap(table.names, numeric), marks: {}, perAccount: true };
    const missing = REQUIRED_ROLES.filter((r) => !choice.mapping[r]);
    const computed = await compute(el, app, { worker: source, learn, table }, choice, missing.length === 0, signal);
    if (signal.aborted) throw signal.reason;
    const shown: Loaded = { table, worker: source, decisions, learn, choice, computed, recalled };
    app.current = shown;
    renderFile(el, shown);
    renderMapping(el, shown);
    renderJoin(el, app);
    const size = `${count(table.rows)} rows, ${table.names.length} columns`;
    if (computed) {
      await renderResults(el, shown);
      status.textContent = `Loaded "${table.file}": ${size}.`;
      await finish(el, app, computed.tables, signal);
    } else {
      showCancel(el, false);
      el.dataset.state = 'mapping';
      status.textContent = `Loaded "${table.file}": ${size}. Choose its columns below.`;
      el.querySelector<HTMLSelectElement>(`#byod-role-${missing[0]}`)?.focus();
    }
    return shown;
  } finally {
    if (!superseded(signal)) progress.hidden = true;
  }
}

/** The page's state for a <byod-app>, with its clients. */
function makeApp(el: HTMLElement): App {
  const app = { seq: 0, current: null, chain: Promise.resolve(), queue: Promise.resolve(), tables: 0, engineTables: 0 } as unknown as App;
  app.loader = loaderOf(el, app);
  app.topics = topicsOf(el, app);
  app.margin = marginClientOf(el, app);
  const button = el.querySelector<HTMLButtonElement>('[data-cancel]');
  if (button) button.onclick = () => cancel(app.loader);
  return app;
}

const load = (el: HTMLElement, app: App, file: File) => request(app.loader, { kind: 'file', file });
/** Load a second file to join to the first: it waits in its own worker until the reader confirms the key columns. */
const loadSecond = (el: HTMLElement, app: App, file: File) => (app.current ? request(app.loader, { kind: 'second', file }) : undefined);

/** Join the first file (alone) and the second on the key columns chosen, and show the joined rows. */
function join(el: HTMLElement, app: App) {
  const base = app.base ?? app.current;
  if (!base || !app.second || !(base.worker instanceof FileWorker)) return;
  const key: [string, string] = [$<HTMLSelectElement>(el, '#byod-key-0').value, $<HTMLSelectElement>(el, '#byod-key-1').value];
  return request(app.loader, { kind: 'join', key, base: base as Loaded & { worker: FileWorker }, second: app.second });
}

/**
 * The loads as a client: its one step reads and parses the file in its worker (or joins the two
 * files in the engine), and showing the result maps, analyses and draws it (present), through the
 * second pass. A newer load aborts this one's signal (Superseded); the reader's Cancel aborts it
 * with Cancelled, and the page then says so, with the file shown before as it was (its tables
 * put back in the engine if the stopped load had replaced them). The status line's data-state
 * follows the loads.
 */
function loaderOf(el: HTMLElement, app: App): App['loader'] {
  const fileOf = (ask: LoadAsk) => (ask.kind === 'join' ? null : ask.file);
  /** When the newest load started (for the benchmark's stages). */
  let started = 0;
  return {
    el: $(el, '[data-status]'),
    query: (ask) => ({
      source: work<FileSource>(ask.kind === 'join' ? 'join' : 'parse', async (signal) => {
        if (ask.kind !== 'join') return openFile(el, ask.file, signal);
        const joined = await JoinedFiles.join([ask.base.worker, ask.second], ask.key, (job) => exclusive(app, job));
        signal.throwIfAborted();
        return joined;
      }),
    }),
    queryPending: (ask) => {
      ++app.seq;
      started = performance.now();
      clearError(el);
      showCancel(el, true);
      if (ask.kind !== 'join') {
        el.dataset.state = app.current ? 'loaded loading' : 'loading';
        warm();
      }
      return () => {
        if (!isPending(app.loader)) showCancel(el, false);
      };
    },
    async queryResult({ source }, ask, signal) {
      if (ask.kind === 'second') return secondLoaded(el, app, source as FileWorker);
      const t1 = performance.now();
      const before = { current: app.current, base: app.base, second: app.second };
      if (ask.kind === 'join') app.base = ask.base; // an earlier join of the same two files is replaced, its workers kept
      let shown: Loaded | null = null;
      try {
        shown = await present(el, app, source, signal);
      } finally {
        if (!shown && ask.kind === 'file') source.close();
      }
      if (ask.kind === 'join' || !shown) return;
      // The files shown before are replaced: their workers can go.
      for (const s of [before.current?.worker, before.base?.worker, before.second]) if (s && s !== source) s.close();
      app.base = undefined;
      app.second = undefined;
      renderJoin(el, app);
      // The stages, for the benchmark: parsed in the worker, then mapped, typed and analysed.
      const w = source as FileWorker;
      el.dataset.loadMs = JSON.stringify({ parsed: Math.round(t1 - started), analysed: Math.round(performance.now() - t1), read: Math.round(w.summary.ms.read), parse: Math.round(w.summary.ms.parse) });
    },
    queryError(e, ask) {
      showCancel(el, false);
      const file = fileOf(ask);
      if (file) {
        refused(el, app, file, e);
        if (ask.kind === 'file' && isAbort(e)) void restoreEngine(el, app);
        return;
      }
      if (!(app.current?.worker instanceof JoinedFiles)) app.base = undefined;
      if (isAbort(e)) {
        el.dataset.state = app.current?.computed ? 'loaded' : 'mapping';
        $(el, '[data-status]').textContent = `Joining the two files was cancelled; the results below are still those of "${app.current!.table.file}".`;
        void restoreEngine(el, app);
      } else showError(el, `${e instanceof ByodError ? e.message : (e as Error).message} The files are not joined.`);
    },
  };
}

/** A second file is loaded: it waits for the reader to confirm the key columns. */
function secondLoaded(el: HTMLElement, app: App, worker: FileWorker): void {
  if (!app.current) return worker.close();
  if (app.base) unjoin(el, app); // the join shown used the second file this one replaces
  app.second?.close();
  app.second = worker;
  showCancel(el, false);
  el.dataset.state = app.current.computed ? 'loaded' : 'mapping';
  $(el, '[data-status]').textContent = `Loaded "${worker.summary.file}": ${count(worker.summary.rows)} rows, ${worker.summary.names.length} columns. Say which column of each file holds the same key, then join them.`;
  renderJoin(el, app, true);
  el.querySelector<HTMLSelectElement>('#byod-key-0')?.focus();
}

/** Back to the first file alone: the second file's worker ends. */
function unjoin(el: HTMLElement, app: App): void {
  const base = app.base;
  if (!base) return;
  ++app.seq;
  app.second?.close();
  app.second = undefined;
  app.base = undefined;
  app.current = base;
  clearError(el);
  renderFile(el, base);
  renderMapping(el, base);
  renderJoin(el, app);
  el.dataset.state = base.computed ? 'loaded' : 'mapping';
  $(el, '[data-status]').textContent = `Showing "${base.table.file}" alone again.`;
  if (base.computed) void reload(el, app, base);
}

/** Put a file shown before back into the engine (its tables were replaced by the join's) and judge it again. */
async function reload(el: HTMLElement, app: App, cur: Loaded): Promise<void> {
  try {
    const computed = await engineJudge(el, app, cur.table.file, cur.computed!.rows, undefined, cur.choice);
    if (app.current !== cur) return;
    app.current = { ...cur, computed };
    await renderResults(el, app.current);
    await finish(el, app, computed.tables);
  } catch (e) {
    if (app.current === cur) showError(el, (e as Error).message);
  }
}

/** The join box: the key choice once a second file is loaded, what the join found, and the way back. */
function renderJoin(el: HTMLElement, app: App, fresh = false): void {
  const box = el.querySelector<HTMLElement>('[data-join-box]');
  if (!box) return;
  const base = app.base ?? app.current;
  const joined = app.current?.worker instanceof JoinedFiles ? app.current.worker : null;
  const keys = $(el, '[data-join-keys]');
  keys.hidden = !app.second || !base;
  const result = $(el, '[data-join-result]');
  const fields = $(el, '[data-join-fields]');
  if (!app.second || !base) fields.replaceChildren();
  else if (fresh || !joined) {
    // One choice of column per file, the proposed key chosen (the fields exist only while a second file is loaded).
    const files = [base.table, app.second.summary];
    const proposed = joined?.key ?? proposeKey(files[0].names, files[1].names);
    fields.replaceChildren(
      ...files.map((f, s) => {
        const field = document.createElement('div');
        field.className = 'field';
        const label = document.createElement('label');
        label.htmlFor = `byod-key-${s}`;
        label.textContent = `Key in "${f.file.slice(0, 40)}"`;
        const select = document.createElement('select');
        select.id = `byod-key-${s}`;
        select.dataset.key = String(s);
        select.append(...f.names.map((n) => Object.assign(document.createElement('option'), { value: n, textContent: n })));
        select.value = proposed[s];
        field.append(label, select);
        return field;
      }),
    );
  }
  $<HTMLButtonElement>(el, '[data-join]').onclick = () => void join(el, app);
  const back = $<HTMLButtonElement>(el, '[data-unjoin]');
  back.hidden = !joined;
  back.onclick = () => unjoin(el, app);
  if (!joined) {
    result.textContent = '';
    return;
  }
  const c = joined.counts;
  const [fa, fb] = joined.files.map((f) => f.summary.file);
  const n = count;
  const rows = (v: number) => `${n(v)} ${v === 1 ? 'row' : 'rows'}`;
  const unmatched = (v: number, file: string, example: string) => (v ? `${rows(v)} of "${file}" ${v === 1 ? 'has' : 'have'} no match${example ? ` (such as "${example.slice(0, 30)}")` : ''}` : `every row of "${file}" has a match`);
  const repeated = ([0, 1] as const).filter((s) => c.repeated[s]).map((s) => `${n(c.repeated[s])} ${c.repeated[s] === 1 ? 'key appears' : 'keys appear'} on more than one row of "${[fa, fb][s]}", so the matching rows of the other file are counted once for each`);
  result.textContent = `Joined on "${joined.key[0]}" = "${joined.key[1]}" (case and spaces around the keys ignored): ${rows(c.matched)} matched; ${unmatched(c.unmatched[0], fa, c.example[0])}, ${unmatched(c.unmatched[1], fb, c.example[1])}. Unmatched rows are left out of the analysis.${repeated.length ? ` Check the keys: ${repeated.join('; ')}.` : ''}`;
  result.dataset.matched = String(c.matched);
  result.dataset.unmatched = c.unmatched.join(',');
}

/**
 * Apply a change of the reader's choice, after any change still being applied: recompute once the
 * required columns are chosen, remember the choice for this header, and re-render. A choice that
 * fails (a text column as reach) is refused with its message and `undo` puts the control back.
 */
function rechoose(el: HTMLElement, app: App, change: (c: Choice) => Choice, undo: () => void): Promise<void> {
  app.chain = app.chain.then(async () => {
    const cur = app.current;
    if (!cur) return;
    const seq = app.seq;
    // Another file (or join) loaded meanwhile: this change is dropped. (The second pass of the
    // previous choice may still land meanwhile and replace app.current with the same file's
    // object: the change applies to that.)
    const superseded = () => app.seq !== seq || app.current?.table !== cur.table;
    const choice = change(cur.choice);
    const ready = REQUIRED_ROLES.every((r) => choice.mapping[r]);
    try {
      // Without the required columns there is nothing to analyse; with results shown, preparing names the missing column.
      const computed = await compute(el, app, cur, choice, ready || Boolean(cur.computed));
      if (superseded()) return;
      app.current = { ...app.current!, choice, computed };
      clearError(el);
      remember(storage(), cur.table.names, { mapping: choice.mapping, marks: choice.marks });
      renderMapping(el, app.current);
      if (computed) {
        await renderResults(el, app.current);
        void finish(el, app, computed.tables); // the next change need not wait for the resampling
      } else el.dataset.state = 'mapping';
    } catch (e) {
      if (superseded()) return;
      undo();
      showError(el, `${e instanceof ByodError ? e.message : (e as Error).message} The previous choice is kept.`);
    }
  });
  return app.chain;
}

/** New brand topics: match them again and recompute relevance in the engine, then redraw. */
const rerun = (el: HTMLElement, app: App) => (app.current?.computed ? request(app.topics, null) : undefined);

/**
 * The brand topics as a client: the newest topics win (an older run's SQL is stopped). Its result
 * is dropped if the file or its tables changed meanwhile; reach's interval and the random orders
 * stay as they were (new topics change nothing of reach).
 */
function topicsOf(el: HTMLElement, app: App): App['topics'] {
  let last = { tables: -1, seq: -1 };
  const current = (r: { tables: number; seq: number }) => app.seq === r.seq && app.tables === r.tables && Boolean(app.current?.computed);
  return {
    el: $(el, '[data-brand-box]'),
    query: () => ({
      run: work('relevance', async (signal) => {
        const cur = app.current;
        if (!cur?.computed) return null;
        const c = cur.computed;
        const tables = ++app.tables;
        last = { tables, seq: app.seq };
        const result = await exclusive(app, async () => (app.tables === tables ? judge({ rows: null, perAccount: c.perAccount, hasEngagement: Boolean(c.rows.engagement), brandTopics: brandTopics(el, cur.choice.mapping), margin: marginOf(el), joined: c.joined, signal, loaded: () => void (app.engineTables = tables) }) : null));
        return result && { result, ...last };
      }),
    }),
    async queryResult({ run }) {
      const now = app.current;
      if (!run || !current(run) || !now?.computed) return;
      const judged = run.result;
      const before = now.computed.judged;
      const random = before.complete ? before.budget?.walks.find((w) => w.walk === 'random') : undefined;
      const kept: Judged = before.complete ? { ...judged, rho: before.rho, budget: judged.budget && random ? { ...judged.budget, walks: [...judged.budget.walks, random] } : judged.budget } : judged;
      app.current = { ...now, computed: { ...now.computed, judged: kept, tables: run.tables } };
      await renderResults(el, app.current);
      await finish(el, app, run.tables);
    },
    queryError(e) {
      if (current(last)) showError(el, engineMessage(app.current!.table.file, e));
    },
  };
}

/** A new margin: only the budget test runs again, now with ROI. */
const remargin = (el: HTMLElement, app: App) => (app.current?.computed?.judged.budget ? request(app.margin, null) : undefined);

/**
 * The margin as a client: the newest margin wins (an older run's SQL is stopped); applied to what
 * is shown when it lands (a second pass may have landed meanwhile), unless the tables changed.
 */
function marginClientOf(el: HTMLElement, app: App): App['margin'] {
  let last = { tables: -1, seq: -1 };
  const current = (r: { tables: number; seq: number }) => app.seq === r.seq && app.tables === r.tables;
  return {
    el: $(el, '[data-budget-box]'),
    query: () => ({
      run: work('budget', async (signal) => {
        if (!app.current?.computed?.judged.budget) return null;
        last = { tables: app.tables, seq: app.seq };
        const margin = marginOf(el);
        const run = { ...last };
        return { result: await exclusive(app, () => rewalk(margin, signal)), ...run };
      }),
    }),
    queryResult({ run }) {
      const cur = app.current;
      if (!run || !current(run) || !cur?.computed?.judged.budget) return;
      const { statements, walks } = run.result;
      const j = cur.computed.judged;
      const judged: Judged = { ...j, budget: { ...j.budget!, walks }, log: [...j.log.filter((s) => s.name !== 'budget'), ...statements] };
      app.current = { ...cur, computed: { ...cur.computed, judged } };
      renderBudget(el, judged, cur.choice.mapping, marginOf(el));
      renderSqlLog(el, judged.log);
    },
    queryError(e) {
      if (current(last)) showError(el, engineMessage(app.current?.table.file ?? 'your file', e));
    },
  };
}

/** A file name for a download, from the user's file name. */
const downloadName = (file: string, suffix: string) => `${file.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-').slice(0, 60) || 'your-data'}-${suffix}`;

/** The user's rows with their scores (CSV, Parquet), or the gain chart (SVG, PNG), as a file. */
async function download(el: HTMLElement, app: App, kind: 'csv' | 'parquet' | 'svg' | 'png'): Promise<void> {
  const cur = app.current!;
  const status = $(el, '[data-download-status]');
  try {
    if (kind === 'svg' || kind === 'png') {
      const svg = el.querySelector<SVGSVGElement>('[data-chart] svg');
      if (!svg) throw new Error('the chart is not drawn yet');
      const { chartPng, chartSvg } = await import('./chart-export.ts');
      saveFile(downloadName(cur.table.file, `gain-curves.${kind}`), kind === 'svg' ? chartSvg(svg) : await chartPng(svg));
      status.textContent = `Saved the gain chart as ${kind.toUpperCase()}.`;
      return;
    }
    const [frame, files] = await Promise.all([exclusive(app, scoredRows), import('../byod/downloads.ts')]);
    if (kind === 'csv') saveFile(downloadName(cur.table.file, 'scored.csv'), new Blob([files.scoredCsv(frame)], { type: 'text/csv' }));
    else {
      const prov = files.byodProvenance({ file: cur.table.file, rows: frame.length, log: cur.computed!.judged.log, generatedAt: new Date().toISOString() });
      saveFile(downloadName(cur.table.file, 'scored.parquet'), new Blob([files.scoredParquet(frame, prov)], { type: 'application/vnd.apache.parquet' }));
    }
    status.textContent = `Saved ${count(frame.length)} ${frame.length === 1 ? 'account' : 'accounts'} with their scores as ${kind === 'csv' ? 'CSV' : 'Parquet'}.`;
  } catch (e) {
    status.textContent = `The download could not be made: ${(e as Error).message}`;
  }
}

function renderFile(el: HTMLElement, cur: Loaded): void {
  $(el, '[data-loaded]').hidden = false;
  const t = cur.table;
  $(el, '[data-file-meta]').textContent = `"${t.file}": ${count(t.rows)} rows × ${t.names.length} columns. Detected ${t.detected.join(', ')}.`;
  $(el, '[data-notes]').replaceChildren(...t.notes.map(li));
}

const ROLE_WORDS: Partial<Record<Role, string>> = {
  handle: 'the account handle (or ad name, or discount code)',
  reach: 'the reach (followers, reach, impressions or views)',
  conversions: 'the conversions (sales, orders, purchases, code uses)',
};
const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

/** Why the mapping step asks the reader, or that the columns were recognised. */
function mappingReason(cur: Loaded): string {
  const t = cur.table;
  const missing = ASKED_ROLES.filter((r) => !cur.choice.mapping[r]);
  const required = missing.filter((r) => REQUIRED_ROLES.includes(r));
  const columns = `its columns: ${t.names.slice(0, 8).map((n) => `"${n.slice(0, 30)}"`).join(', ')}${t.names.length > 8 ? ', …' : ''}`;
  if (required.length) return `Choose the columns by hand: no column of "${t.file}" was recognised by its name as ${list(required.map((r) => ROLE_WORDS[r]!))} (${columns}). The analysis runs as soon as ${required.length === 1 ? 'it is' : 'they are'} chosen, and your choice is remembered for the next file with the same columns.`;
  const lead = cur.recalled ? 'The columns you chose for the last file with these same column names are used again' : 'Recognised by their names';
  const handle = missing.includes('handle') ? ` No column was recognised as ${ROLE_WORDS.handle}: choose it if the file has one, so that rows of the same account are found; without it each row counts as one account.` : '';
  return `${lead}; change any that is wrong.${handle}`;
}

function renderMapping(el: HTMLElement, cur: Loaded): void {
  const form = $(el, '[data-mapping]');
  const reason = $(el, '[data-mapping-reason]');
  reason.textContent = mappingReason(cur);
  el.toggleAttribute('data-mapping-needed', !cur.computed);
  // The same columns as shown: set the choices in place, so a control the reader is using is never replaced under them.
  const columns = JSON.stringify(cur.table.names);
  if (form.dataset.columns === columns) {
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-role]')) {
      const role = select.dataset.role as Role;
      select.value = cur.choice.mapping[role] ?? '';
      if (!cur.choice.mapping[role] && ASKED_ROLES.includes(role)) select.setAttribute('aria-describedby', 'byod-map-reason');
      else select.removeAttribute('aria-describedby');
    }
  } else form.replaceChildren(
    ...ROLES.map((role) => {
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = `byod-role-${role}`;
      label.textContent = ROLE_LABELS[role];
      const select = document.createElement('select');
      select.id = `byod-role-${role}`;
      select.dataset.role = role;
      if (REQUIRED_ROLES.includes(role)) select.required = true;
      const none = document.createElement('option');
      none.value = '';
      none.textContent = REQUIRED_ROLES.includes(role) ? '— choose a column —' : role === 'handle' ? '— none: one row per account —' : '— none —';
      select.append(none);
      for (const name of cur.table.names) {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name;
        select.append(option);
      }
      select.value = cur.choice.mapping[role] ?? '';
      if (!cur.choice.mapping[role] && ASKED_ROLES.includes(role)) select.setAttribute('aria-describedby', 'byod-map-reason');
      field.append(label, select);
      return field;
    }),
  );
  form.dataset.columns = columns;
  // Columns whose values read two ways (1,200: 1200 or 1.2) and that no value decided: ask.
  const asked = [...new Set(ROLES.filter((r) => r !== 'handle' && r !== 'topics').map((r) => cur.choice.mapping[r]).filter((c): c is string => Boolean(c)))].filter((c) => cur.decisions(c).ambiguous);
  const marks = $(el, '[data-marks]');
  const askedKey = JSON.stringify([columns, asked]);
  if (marks.dataset.asked === askedKey) for (const select of marks.querySelectorAll<HTMLSelectElement>('select[data-mark]')) select.value = markOf(cur, select.dataset.mark!);
  else marks.replaceChildren(
    ...asked.map((column, k) => {
      const d = cur.decisions(column);
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = `byod-mark-${k}`;
      const sep = d.example!.includes(',') ? ',' : '.';
      label.textContent = `Column "${column.slice(0, 40)}" has values like "${d.example!.slice(0, 20)}" that read two ways. In it, "${sep}" is:`;
      const select = document.createElement('select');
      select.id = `byod-mark-${k}`;
      select.dataset.mark = column;
      const other = sep === ',' ? '.' : ',';
      for (const [mark, text] of [[other, `a thousands separator (1${sep}200 is one thousand two hundred)`], [sep, `the decimal mark (1${sep}200 is one point two)`]] as const) {
        const option = document.createElement('option');
        option.value = mark;
        option.textContent = text;
        select.append(option);
      }
      select.value = markOf(cur, column);
      field.append(label, select);
      return field;
    }),
  );
  marks.dataset.asked = askedKey;
  $(el, '[data-marks-box]').hidden = asked.length === 0;
  $(el, '[data-brand-box]').hidden = !cur.choice.mapping.topics;
  $(el, '[data-results]').hidden = !cur.computed;
  if (!cur.computed) $(el, '[data-grain-box]').hidden = true; // shown again with the results
}

/** The per-post / per-ad statement and the aggregation offer, when the handle repeats. */
function renderGrain(el: HTMLElement, cur: Loaded, computed: Computed): void {
  const g = computed.grain;
  $(el, '[data-grain-box]').hidden = !g;
  if (!g) return;
  const column = cur.choice.mapping.handle!;
  const n = count;
  $(el, '[data-grain]').textContent = `"${column}" repeats: ${n(g.rows)} rows hold ${n(g.accounts)} different values (up to ${n(g.most)} rows for "${g.mostHandle.slice(0, 40)}"), so the rows are per post or per ad, not per account.${g.blank ? ` ${n(g.blank)} ${g.blank === 1 ? 'row has' : 'rows have'} no value in it and ${g.blank === 1 ? 'is' : 'are'} left out when rows are added up per account.` : ''}`;
  $<HTMLInputElement>(el, '[data-per-account]').checked = cur.choice.perAccount;
  $(el, '[data-grain-result]').textContent = computed.perAccount
    ? `Analysed per account: ${n(computed.judged.accounts)} accounts, conversions, cost, revenue and engagement summed over each account's rows (in SQL: per_account.sql, below), reach the largest of them.`
    : `Analysed row by row: each of the ${n(computed.rows.rows)} rows counts as if it were an account.`;
}

/** Which reach proxy the analysis ranks by, from the reach column's name. */
function reachProxyText(cur: Loaded): string {
  const column = cur.choice.mapping.reach!;
  const kind = reachProxy(column);
  return kind ? `Reach proxy: ${PROXY_MEANING[kind]} (column "${column.slice(0, 40)}").` : `Reach proxy: the column "${column.slice(0, 40)}" you chose; its name does not say whether it counts followers, reach, impressions or views.`;
}

async function renderResults(el: HTMLElement, cur: Loaded): Promise<void> {
  const computed = cur.computed;
  if (!computed) return;
  const a = computed.judged;
  const chartBox = $(el, '[data-chart]');
  let chart: typeof import('../byod/gainChart.ts') | null = null;
  let chartError = '';
  try {
    chart = await import('../byod/gainChart.ts');
  } catch (e) {
    chartError = (e as Error).message;
  }
  if (apps.get(el)?.current !== cur) return;
  // Everything below at once, so no box shows one analysis beside another's numbers.
  renderGrain(el, cur, computed);
  const proxy = $(el, '[data-reach-proxy]');
  proxy.textContent = reachProxyText(cur);
  proxy.dataset.proxy = reachProxy(cur.choice.mapping.reach!) ?? 'unnamed';
  renderKpis(el, a);
  $(el, '[data-reach-meaning]').textContent = reachMeaningOf(Boolean(computed.rows.engagement), reachProxy(cur.choice.mapping.reach!));
  renderScoreNote(el, a, { reach: cur.choice.mapping.reach!, engagement: cur.choice.mapping.engagement });
  renderMatches(el, a);
  $(el, '[data-warnings]').replaceChildren(...warningsFor({ used: a.used, rows: a.accounts, allZero: a.allZero }).map(li));
  renderBudget(el, a, cur.choice.mapping, marginOf(el));
  renderDeciles(el, a, Boolean(cur.choice.mapping.revenue));
  renderSqlLog(el, a.log);
  $(el, '[data-download-status]').textContent = '';
  try {
    if (!chart) throw new Error(chartError);
    chartBox.replaceChildren(chart.gainChart(a, { width: Math.max(320, Math.min(800, chartBox.clientWidth || 640)) }));
  } catch (e) {
    chartBox.textContent = `The chart could not be drawn: ${(e as Error).message}`;
  }
}
