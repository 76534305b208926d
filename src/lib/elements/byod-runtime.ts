/**
 * The interactive half of <byod-app>: load a file (picker or drop), map its columns, run the
 * analysis and render it. A load replaces what is shown only once the new file has passed every
 * check; a failed load shows its message and leaves the earlier data and results as they were.
 * All text from the file reaches the page through textContent, never as HTML.
 */
import { ByodError } from '../byod/errors.ts';
import { ASKED_ROLES, autoMap, PROXY_MEANING, reachProxy, REQUIRED_ROLES, ROLE_LABELS, ROLES, type Mapping, type Role } from '../byod/mapping.ts';
import type { Prepared } from '../byod/prepare.ts';
import type { ColumnDecision, DecimalMark } from '../byod/numbers.ts';
import { aggregatePerAccount, detectGrain, type Grain } from '../byod/grain.ts';
import { recall, remember } from '../byod/remember.ts';
import { analyse, type Analysis } from '../byod/analyse.ts';
import { FileWorker, JoinedFiles, type FileSource } from '../byod/worker-client.ts';
import { proposeKey } from '../byod/join.ts';
import type { Summary } from '../byod/parsed.ts';
import { fixed, usdCents as usd } from '../format.ts';

/** What the reader chose: the columns, the decimal marks of ambiguous columns, and whether per-post rows are summed per account. */
interface Choice {
  mapping: Mapping;
  marks: Record<string, DecimalMark>;
  perAccount: boolean;
}

/** A computed analysis of a file under a choice. */
interface Computed {
  /** The mapped columns row by row, as in the file. */
  rows: Prepared;
  grain: Grain | null;
  /** What was analysed: the rows, or one row per account when aggregated. */
  prepared: Prepared;
  analysis: Analysis;
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

interface App {
  seq: number;
  current: Loaded | null;
  typing?: ReturnType<typeof setTimeout>;
  /** The load in progress (its Cancel). */
  loading?: AbortController;
  /** Changes of the choice, applied one after the other (each waits for the worker's answer). */
  chain: Promise<void>;
  /** A second file loaded to be joined to the first, and the first file alone while the join is shown. */
  second?: FileWorker;
  base?: Loaded;
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
  if (!app) apps.set(el, (app = { seq: 0, current: null, chain: Promise.resolve() }));
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
    app.typing = setTimeout(() => rerun(el, app!), event.type === 'change' ? 0 : 300);
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

/**
 * Ask the file's worker for a choice: the decimal decisions of its columns and, when `typed`, the
 * typed columns, then aggregate (when chosen and the handle repeats) and analyse; throws a ByodError for a bad column.
 */
async function compute(el: HTMLElement, cur: Pick<Loaded, 'worker' | 'learn'>, choice: Choice, typed = true): Promise<Computed | null> {
  const chosen = await cur.worker.choose(choice.mapping, choice.marks, { prepare: typed });
  cur.learn(chosen.decisions);
  if (!chosen.prepared) return null;
  const rows = chosen.prepared;
  const grain = detectGrain(rows);
  const prepared = grain && choice.perAccount ? aggregatePerAccount(rows) : rows;
  const analysis = analyse(prepared, { brandTopics: $<HTMLInputElement>(el, '[data-brand-topics]').value, proxy: reachProxy(choice.mapping.reach!) });
  return { rows, grain, prepared, analysis };
}

/** Read and parse a file in a worker of its own, with the progress bar and a Cancel (throws the file's ByodError, or an AbortError). */
async function openFile(el: HTMLElement, app: App, file: File, seq: number): Promise<FileWorker> {
  app.loading?.abort();
  const controller = (app.loading = new AbortController());
  const progress = $<HTMLProgressElement>(el, '[data-progress]');
  const status = $(el, '[data-status]');
  const cancel = el.querySelector<HTMLButtonElement>('[data-cancel]');
  clearError(el);
  progress.hidden = false;
  progress.value = 0;
  if (cancel) {
    cancel.hidden = false;
    cancel.onclick = () => controller.abort();
  }
  el.dataset.state = app.current ? 'loaded loading' : 'loading';
  status.textContent = `Reading "${file.name}"…`;
  try {
    return await FileWorker.open(file, {
      signal: controller.signal,
      onProgress: (stage, share) => {
        if (seq !== app.seq) return;
        progress.value = share;
        status.textContent = `${stage} "${file.name}"… ${Math.round(share * 100)}%`;
      },
    });
  } finally {
    if (seq === app.seq) {
      progress.hidden = true;
      progress.value = 0;
      if (cancel) cancel.hidden = true;
      app.loading = undefined;
    }
  }
}

/** The page after a failed or cancelled load: the earlier file's state and a message. */
function refused(el: HTMLElement, app: App, file: File, e: unknown): void {
  el.dataset.state = app.current?.computed ? 'loaded' : app.current ? 'mapping' : 'empty';
  const status = $(el, '[data-status]');
  const before = app.current ? ` the results below are still those of "${app.current.table.file}".` : '';
  if (e instanceof DOMException && e.name === 'AbortError') {
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
async function present(el: HTMLElement, app: App, source: FileSource, seq: number): Promise<Loaded | null> {
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
    const computed = await compute(el, { worker: source, learn }, choice, missing.length === 0);
    if (seq !== app.seq) return null;
    const shown: Loaded = { table, worker: source, decisions, learn, choice, computed, recalled };
    app.current = shown;
    renderFile(el, shown);
    renderMapping(el, shown);
    renderJoin(el, app);
    const size = `${table.rows.toLocaleString('en-US')} rows, ${table.names.length} columns`;
    if (computed) {
      await renderResults(el, shown);
      el.dataset.state = 'loaded';
      status.textContent = `Loaded "${table.file}": ${size}.`;
    } else {
      el.dataset.state = 'mapping';
      status.textContent = `Loaded "${table.file}": ${size}. Choose its columns below.`;
      el.querySelector<HTMLSelectElement>(`#byod-role-${missing[0]}`)?.focus();
    }
    return shown;
  } finally {
    if (seq === app.seq) progress.hidden = true;
  }
}

async function load(el: HTMLElement, app: App, file: File): Promise<void> {
  const seq = ++app.seq;
  const t0 = performance.now();
  let worker: FileWorker | null = null;
  try {
    worker = await openFile(el, app, file, seq);
    if (seq !== app.seq) return worker.close();
    const t1 = performance.now();
    const before = { current: app.current, base: app.base, second: app.second };
    const shown = await present(el, app, worker, seq);
    if (!shown) return worker.close();
    // The files shown before are replaced: their workers can go.
    for (const s of [before.current?.worker, before.base?.worker, before.second]) if (s && s !== worker) s.close();
    app.base = undefined;
    app.second = undefined;
    renderJoin(el, app);
    // The stages, for the benchmark: parsed in the worker, then mapped, typed and analysed.
    el.dataset.loadMs = JSON.stringify({ parsed: Math.round(t1 - t0), analysed: Math.round(performance.now() - t1), read: Math.round(worker.summary.ms.read), parse: Math.round(worker.summary.ms.parse) });
  } catch (e) {
    if (app.current?.worker !== worker) worker?.close();
    if (seq !== app.seq) return;
    refused(el, app, file, e);
  }
}

/** Load a second file to join to the first: it waits in its own worker until the reader confirms the key columns. */
async function loadSecond(el: HTMLElement, app: App, file: File): Promise<void> {
  if (!app.current) return;
  const seq = ++app.seq;
  try {
    const worker = await openFile(el, app, file, seq);
    if (seq !== app.seq) return worker.close();
    if (app.base) unjoin(el, app); // the join shown used the second file this one replaces
    app.second?.close();
    app.second = worker;
    const status = $(el, '[data-status]');
    el.dataset.state = app.current.computed ? 'loaded' : 'mapping';
    status.textContent = `Loaded "${file.name}": ${worker.summary.rows.toLocaleString('en-US')} rows, ${worker.summary.names.length} columns. Say which column of each file holds the same key, then join them.`;
    renderJoin(el, app, true);
    el.querySelector<HTMLSelectElement>('#byod-key-0')?.focus();
  } catch (e) {
    if (seq !== app.seq) return;
    refused(el, app, file, e);
  }
}

/** Join the first file (alone) and the second on the key columns chosen, and show the joined rows. */
async function join(el: HTMLElement, app: App): Promise<void> {
  const base = app.base ?? app.current;
  if (!base || !app.second || !(base.worker instanceof FileWorker)) return;
  const key: [string, string] = [$<HTMLSelectElement>(el, '#byod-key-0').value, $<HTMLSelectElement>(el, '#byod-key-1').value];
  const seq = ++app.seq;
  clearError(el);
  try {
    const joined = await JoinedFiles.join([base.worker, app.second], key);
    if (seq !== app.seq) return;
    app.base = base; // an earlier join of the same two files is replaced, its workers kept

    await present(el, app, joined, seq);
  } catch (e) {
    if (seq !== app.seq) return;
    showError(el, `${e instanceof ByodError ? e.message : (e as Error).message} The files are not joined.`);
  }
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
  if (base.computed) void renderResults(el, base);
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
  const n = (v: number) => v.toLocaleString('en-US');
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
    const choice = change(cur.choice);
    const ready = REQUIRED_ROLES.every((r) => choice.mapping[r]);
    try {
      // Without the required columns there is nothing to analyse; with results shown, preparing names the missing column.
      const computed = await compute(el, cur, choice, ready || Boolean(cur.computed));
      if (app.current !== cur) return; // another file was loaded meanwhile
      app.current = { ...cur, choice, computed };
      clearError(el);
      remember(storage(), cur.table.names, { mapping: choice.mapping, marks: choice.marks });
      renderMapping(el, app.current);
      if (computed) {
        el.dataset.state = 'loaded';
        await renderResults(el, app.current);
      }
    } catch (e) {
      if (app.current !== cur) return;
      undo();
      showError(el, `${e instanceof ByodError ? e.message : (e as Error).message} The previous choice is kept.`);
    }
  });
  return app.chain;
}

function rerun(el: HTMLElement, app: App): void {
  const cur = app.current;
  if (!cur?.computed) return;
  app.current = { ...cur, computed: { ...cur.computed, analysis: analyse(cur.computed.prepared, { brandTopics: $<HTMLInputElement>(el, '[data-brand-topics]').value, proxy: reachProxy(cur.choice.mapping.reach!) }) } };
  void renderResults(el, app.current);
}

function li(text: string): HTMLLIElement {
  const item = document.createElement('li');
  item.textContent = text;
  return item;
}

function renderFile(el: HTMLElement, cur: Loaded): void {
  $(el, '[data-loaded]').hidden = false;
  const t = cur.table;
  $(el, '[data-file-meta]').textContent = `"${t.file}": ${t.rows.toLocaleString('en-US')} rows × ${t.names.length} columns. Detected ${t.detected.join(', ')}.`;
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
  form.replaceChildren(
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
  // Columns whose values read two ways (1,200: 1200 or 1.2) and that no value decided: ask.
  const asked = [...new Set(ROLES.filter((r) => r !== 'handle' && r !== 'topics').map((r) => cur.choice.mapping[r]).filter((c): c is string => Boolean(c)))].filter((c) => cur.decisions(c).ambiguous);
  $(el, '[data-marks]').replaceChildren(
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
  $(el, '[data-marks-box]').hidden = asked.length === 0;
  $(el, '[data-brand-box]').hidden = !cur.choice.mapping.topics;
  $(el, '[data-results]').hidden = !cur.computed;
  if (!cur.computed) $(el, '[data-grain-box]').hidden = true; // shown again with the results
}

const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : 'not defined');

/** The per-post / per-ad statement and the aggregation offer, when the handle repeats. */
function renderGrain(el: HTMLElement, cur: Loaded, computed: Computed): void {
  const g = computed.grain;
  $(el, '[data-grain-box]').hidden = !g;
  if (!g) return;
  const column = cur.choice.mapping.handle!;
  const n = (v: number) => v.toLocaleString('en-US');
  $(el, '[data-grain]').textContent = `"${column}" repeats: ${n(g.rows)} rows hold ${n(g.accounts)} different values (up to ${n(g.most)} rows for "${g.mostHandle.slice(0, 40)}"), so the rows are per post or per ad, not per account.${g.blank ? ` ${n(g.blank)} ${g.blank === 1 ? 'row has' : 'rows have'} no value in it and ${g.blank === 1 ? 'is' : 'are'} left out when rows are added up per account.` : ''}`;
  $<HTMLInputElement>(el, '[data-per-account]').checked = cur.choice.perAccount;
  $(el, '[data-grain-result]').textContent = cur.choice.perAccount
    ? `Analysed per account: ${n(computed.prepared.rows)} accounts, conversions, cost, revenue and engagement summed over each account's rows, reach the largest of them.`
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
  const a = computed.analysis;
  renderGrain(el, cur, computed);
  const proxy = $(el, '[data-reach-proxy]');
  proxy.textContent = reachProxyText(cur);
  proxy.dataset.proxy = reachProxy(cur.choice.mapping.reach!) ?? 'unnamed';
  const kpi = (label: string, value: string, detail: string, key: string) => {
    const item = document.createElement('li');
    item.dataset.kpi = key;
    const strong = document.createElement('strong');
    strong.textContent = value;
    const span = document.createElement('span');
    span.textContent = detail;
    item.append(label, strong, span);
    return item;
  };
  const items = [
    kpi('Spearman ρ, reach vs conversions', fixed(a.rho.estimate), Number.isFinite(a.rho.lo) ? `95% interval ${fixed(a.rho.lo)} to ${fixed(a.rho.hi)}, over ${a.used.toLocaleString('en-US')} accounts` : `over ${a.used.toLocaleString('en-US')} accounts (too few for an interval)`, 'rho'),
    kpi(`Top ${Math.round(a.share * 100)}% by reach capture`, pct(a.capture.reach), `of conversions; the best possible order ${pct(a.capture.oracle)}, a random one ${Math.round(a.share * 100)}%`, 'capture'),
  ];
  if (a.relevance) items.push(kpi('Spearman ρ, relevance vs conversions', fixed(a.relevance.rho.estimate), Number.isFinite(a.relevance.rho.lo) ? `95% interval ${fixed(a.relevance.rho.lo)} to ${fixed(a.relevance.rho.hi)}; topics: ${a.relevance.brandTopics.join(', ')}` : `topics: ${a.relevance.brandTopics.join(', ')}`, 'relevance'));
  $(el, '[data-kpis]').replaceChildren(...items);
  $(el, '[data-reach-meaning]').textContent = a.reachMeaning;
  $(el, '[data-warnings]').replaceChildren(...a.warnings.map(li));
  const box = $(el, '[data-budget-box]');
  box.hidden = !a.budget;
  if (a.budget) {
    $(el, '[data-budget-intro]').textContent = `With a quarter of what you spent (${usd(a.budget.budget)}), go down the list in each order and buy every account whose cost still fits. Cost is the column "${cur.choice.mapping.cost}"; revenue ${cur.choice.mapping.revenue ? `is the column "${cur.choice.mapping.revenue}"` : 'is not in your file'}.`;
    const row = (name: string, r: { bought: number; spent: number; conversions: number }) => {
      const tr = document.createElement('tr');
      const cells = [name, r.bought.toLocaleString('en-US', { maximumFractionDigits: 1 }), usd(r.spent), r.conversions.toLocaleString('en-US', { maximumFractionDigits: 1 }), r.conversions > 0 ? usd(r.spent / r.conversions) : '–'];
      cells.forEach((c, j) => {
        const td = document.createElement(j === 0 ? 'th' : 'td');
        if (j === 0) td.setAttribute('scope', 'row');
        else td.className = 'num';
        td.textContent = c;
        tr.append(td);
      });
      return tr;
    };
    $(el, '[data-budget] tbody').replaceChildren(row('By reach, largest first', a.budget.reach), row('Best possible (most conversions per dollar first)', a.budget.oracle), row('Random order (mean of 200)', a.budget.random));
  }
  const chartBox = $(el, '[data-chart]');
  try {
    const { gainChart } = await import('../byod/gainChart.ts');
    if (apps.get(el)?.current !== cur) return;
    chartBox.replaceChildren(gainChart(a, { width: Math.max(320, Math.min(800, chartBox.clientWidth || 640)) }));
  } catch (e) {
    chartBox.textContent = `The chart could not be drawn: ${(e as Error).message}`;
  }
}
