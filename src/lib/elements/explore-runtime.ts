/**
 * The interactive half of <explore-view>: the URL is the state; every change of a filter, the sort
 * or the page re-runs the explore query (one page, LIMIT/OFFSET) and its count on DuckDB-WASM,
 * through the view's client (client/client.ts: the newest request wins, data-state follows).
 * Downloads re-run the same query for every filtered row.
 */
import { manifest, named, prefetch, query, queryArrow, text } from '../db/coordinator.ts';
import type { QueryRun } from '../db/run.ts';
import type { Frame } from '../data/frame.ts';
import { request, type Client, type Spec } from '../client/client.ts';
import { bindSql } from '../../sql/bind.ts';
import { QUERIES } from '../../sql/catalog.ts';
import { COLUMN_VIEWS, countSql, rowCells, summaryText } from '../explore/columns.ts';
import { DEFAULT_STATE, WEIGHT_NAMES, cleanHandle, fileStem, followersRange, scoreRange, queryParams, readExploreState, readWeights, writeExploreState, type ExploreChoices, type ExploreState, type SortKey } from '../explore/state.ts';
import { PARAMS } from '../state/params.ts';
import { saveFile } from './save-file.ts';
import { count, fixed, formatNumber } from '../format.ts';
import { moveSteps, nextSteps } from '../step.ts';
import { urlState, type UrlState } from '../client/url-state.ts';
import { afterNextPaint } from '../client/lazy.ts';

/** The table's queries: a page of rows, and the count of filtered rows when the filters changed. */
type TableQueries = { rows: Spec<QueryRun>; count?: Spec<Frame> };

interface View {
  /** The view's state, kept in the page's URL. */
  url: UrlState<ExploreState>;
  client: Client<ExploreState, TableQueries>;
  choices: ExploreChoices;
  rows: number;
  counted?: { key: string; rows: number };
  typing?: ReturnType<typeof setTimeout>;
}

const views = new WeakMap<HTMLElement, View>();

const optionValues = (select: HTMLSelectElement | null) => (select ? Array.from(select.options, (o) => o.value).filter(Boolean) : []);

function viewOf(el: HTMLElement): View {
  let view = views.get(el);
  if (!view) {
    const q = (name: string) => el.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
    const choices: ExploreChoices = { brands: optionValues(q('brand')), tiers: optionValues(q('tier')), topics: optionValues(q('topic')) };
    const url = urlState((search) => readExploreState(search, choices), writeExploreState);
    view = { rows: Number(el.dataset.rows ?? 0), choices, url } as View;
    view.client = tableClient(el, view);
    views.set(el, view);
  }
  return view;
}

const current = (view: View) => view.url.get();

/** Handle an event on the explore element. */
export async function attach(el: HTMLElement, event: Event): Promise<void> {
  const view = viewOf(el);
  const target = event.target as Element | null;
  if (event.type === 'restore') {
    syncForm(el, view.url.reload());
    return void update(el, view);
  }
  if (event.type === 'reset') {
    event.preventDefault();
    return void commit(el, view, { ...DEFAULT_STATE, weights: current(view).weights, sort: current(view).sort, descending: current(view).descending, pageSize: current(view).pageSize });
  }
  if (event.type === 'click') {
    const sortButton = target?.closest<HTMLButtonElement>('[data-sort]');
    if (sortButton) {
      const key = sortButton.dataset.sort as SortKey;
      const state = current(view);
      const numeric = COLUMN_VIEWS.find((c) => c.name === key)?.numeric ?? false;
      const descending = state.sort === key ? !state.descending : numeric;
      return void commit(el, view, { ...state, sort: key, descending, page: 1 });
    }
    const pageButton = target?.closest<HTMLButtonElement>('[data-page]');
    if (pageButton) {
      const state = current(view);
      const last = Math.max(1, Math.ceil(view.rows / state.pageSize));
      const page = { first: 1, prev: state.page - 1, next: state.page + 1, last }[pageButton.dataset.page as 'first'] ?? 1;
      return void commit(el, view, { ...state, page: Math.min(Math.max(1, page), last) });
    }
    const dl = target?.closest<HTMLButtonElement>('[data-download]');
    if (dl) return void download(el, view, dl.dataset.download!);
    return;
  }
  if ((event.type === 'input' || event.type === 'change') && (target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) {
    if (target.name === 'pageSize') return void commit(el, view, { ...current(view), pageSize: Number(target.value), page: 1 });
    if (!target.form) return;
    if (target.type === 'search' || target.type === 'number') {
      // Typing: wait for a pause, so every keystroke does not query; read the form when it fires,
      // so a sort or page chosen meanwhile is kept.
      clearTimeout(view.typing);
      view.typing = setTimeout(() => {
        const next = { ...readForm(el, view), page: 1 };
        if (writeExploreState(next) !== writeExploreState(current(view)) || event.type === 'input') void commit(el, view, next, false);
      }, event.type === 'change' ? 0 : 250);
      return;
    }
    const next = { ...readForm(el, view), page: 1 };
    if (target.type === 'range') {
      const out = el.querySelector<HTMLOutputElement>(`output[name="${target.name}-out"]`);
      if (out) out.value = fixed(Number(target.value));
      target.setAttribute('aria-valuetext', fixed(Number(target.value)));
      // While dragging the URL follows once the moves pause (a replaceState costs milliseconds), at once on release.
      const shown = commit(el, view, next, false, event.type === 'change');
      prefetchDrag(target, next);
      return void shown;
    }
    return void commit(el, view, next, false);
  }
}

/** The state the form shows (validated like the URL), with the URL's sort and page size. */
function readForm(el: HTMLElement, view: View): ExploreState {
  const state = current(view);
  const value = (name: string) => el.querySelector<HTMLInputElement | HTMLSelectElement>(`form [name="${name}"]`)?.value ?? '';
  const pick = (v: string, allowed: readonly string[]) => (allowed.includes(v) ? v : '');
  const [followersMin, followersMax] = followersRange(value('followersMin'), value('followersMax'));
  const [scoreMin, scoreMax] = scoreRange(value('scoreMin'), value('scoreMax'));
  const weights = readWeights(new URLSearchParams(WEIGHT_NAMES.map((n) => [PARAMS[n].key, value(n)])).toString());
  return {
    ...state,
    brand: pick(value('brand'), view.choices.brands),
    tier: pick(value('tier'), view.choices.tiers),
    topic: pick(value('topic'), view.choices.topics),
    followersMin,
    followersMax,
    scoreMin,
    scoreMax,
    handle: cleanHandle(value('handle')),
    weights,
  };
}

/** Put a state into the form controls (after a restore or a reset). */
function syncForm(el: HTMLElement, state: ExploreState): void {
  const set = (name: string, v: string) => {
    const input = el.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
    if (input && input.value !== v) input.value = v;
  };
  set('brand', state.brand);
  set('tier', state.tier);
  set('topic', state.topic);
  set('handle', state.handle);
  set('followersMin', state.followersMin === null ? '' : String(state.followersMin));
  set('followersMax', state.followersMax === null ? '' : String(state.followersMax));
  set('scoreMin', state.scoreMin === null ? '' : String(state.scoreMin));
  set('scoreMax', state.scoreMax === null ? '' : String(state.scoreMax));
  set('pageSize', String(state.pageSize));
  for (const name of WEIGHT_NAMES) {
    set(name, String(state.weights[name]));
    const out = el.querySelector<HTMLOutputElement>(`output[name="${name}-out"]`);
    if (out) out.value = fixed(state.weights[name]);
    el.querySelector(`input[name="${name}"]`)?.setAttribute('aria-valuetext', fixed(state.weights[name]));
  }
}

function commit(el: HTMLElement, view: View, state: ExploreState, sync = true, now = true): Promise<void> {
  view.url.set(state, { now });
  if (sync) syncForm(el, state);
  return update(el, view);
}

const update = (el: HTMLElement, view: View) => request(view.client, current(view)).then(() => {});

/** The value each weight slider had at its previous move: the direction of a drag. */
const lastWeight = new WeakMap<HTMLInputElement, number>();

/**
 * A drag mostly goes on the way it is going: with each weight move, run the page of rows for
 * the slider's next step in that direction (at its first move or after a jump, the steps on either side), so
 * the next move finds it in the query cache (the count needs no new run: it depends on the
 * weights only through a score filter).
 */
function prefetchDrag(slider: HTMLInputElement, state: ExploreState): void {
  const { v, range, steps } = moveSteps(slider, lastWeight);
  if (!(WEIGHT_NAMES as readonly string[]).includes(slider.name)) return;
  // Two steps on once the direction is known: a quick drag's next move often comes before one
  // step's rows are back.
  if (steps.length === 1) steps.push(...nextSteps(steps[0], v, range));
  // Asked once this move is on screen: the engine's worker then leaves the CPU to the frame that
  // draws it (on two cores a long SQL-cell statement holds the other), and a move that needed a
  // query of its own has it answered first.
  afterNextPaint(() => {
    for (const w of steps) void prefetch(['explore_accounts'], queryParams({ ...state, weights: { ...state.weights, [slider.name]: w } }));
  });
}

/**
 * The count of the rows a state's filters keep, and its key: the bound values, the weights left out
 * unless a score filter reads them (the pairs and the accounts do not change with the weights, only
 * their scores), so a weight move re-counts only when the count can change.
 */
function counting(state: ExploreState) {
  const bind = (s: ExploreState) => bindSql(countSql(QUERIES.explore_accounts), queryParams(s));
  const { sql, values } = bind(state);
  const scored = state.scoreMin !== null || state.scoreMax !== null;
  return { sql, values, key: JSON.stringify(scored ? values : bind({ ...state, weights: DEFAULT_STATE.weights }).values) };
}

/** The table as a client: a page of rows and, when the filters changed, their count. */
function tableClient(el: HTMLElement, view: View): Client<ExploreState, TableQueries> {
  const error = () => el.querySelector<HTMLElement>('[data-error]')!;
  return {
    el,
    busy: true,
    query(state) {
      const count = counting(state);
      // The count only changes with the filters: paging and sorting reuse it.
      const rows = named('explore_accounts', queryParams(state));
      return view.counted?.key === count.key ? { rows } : { rows, count: text('explore_count', count.sql, count.values) };
    },
    queryResult({ rows: run, count }, state) {
      if (count) view.counted = { key: counting(state).key, rows: Number(count.columns.n[0] ?? 0) };
      const rows = view.counted!.rows;
      const last = Math.max(1, Math.ceil(rows / state.pageSize));
      if (state.page > last) {
        // The URL asked for a page past the end: show the last one (this request is no longer the newest).
        view.url.set({ ...state, page: last }, { now: true });
        return void update(el, view);
      }
      view.rows = rows;
      render(el, state, run.frame, rows);
      error().hidden = true;
    },
    queryError(e) {
      error().hidden = false;
      error().textContent = `The table could not be updated: ${e.message}. It shows the last rows loaded.`;
    },
  };
}

function render(el: HTMLElement, state: ExploreState, frame: { columns: Record<string, ArrayLike<unknown>>; length: number }, rows: number): void {
  // The rows already there are written over, cell by cell, and only the text that changed: a weight
  // move changes a column or the order, and new elements would all be styled and laid out afresh.
  const body = el.querySelector<HTMLTableSectionElement>('tbody[data-rows]')!;
  for (let i = 0; i < frame.length; i++) {
    const tr = body.rows[i] ?? body.insertRow();
    rowCells(frame.columns, i).forEach((text, j) => {
      const td = tr.cells[j] ?? tr.insertCell();
      if (td.textContent !== text) td.textContent = text;
      const numeric = COLUMN_VIEWS[j].numeric ? 'num' : '';
      if (td.className !== numeric) td.className = numeric;
    });
  }
  while (body.rows.length > frame.length) body.deleteRow(-1);
  el.querySelector('[data-summary]')!.textContent = summaryText(rows, state.page, state.pageSize);
  const pages = Math.max(1, Math.ceil(rows / state.pageSize));
  el.querySelector('[data-pageinfo]')!.textContent = `Page ${count(state.page)} of ${count(pages)}`;
  const buttons = el.querySelectorAll<HTMLButtonElement>('[data-page]');
  for (const b of buttons) b.disabled = b.dataset.page === 'first' || b.dataset.page === 'prev' ? state.page <= 1 : state.page >= pages;
  for (const th of el.querySelectorAll<HTMLTableCellElement>('thead th')) {
    const key = th.querySelector<HTMLButtonElement>('[data-sort]')?.dataset.sort;
    const arrow = th.querySelector('.arrow');
    if (key === state.sort) {
      th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
      if (arrow) arrow.textContent = state.descending ? '▼' : '▲';
    } else {
      th.removeAttribute('aria-sort');
      if (arrow) arrow.textContent = '';
    }
  }
}

async function download(el: HTMLElement, view: View, format: string): Promise<void> {
  const status = el.querySelector<HTMLElement>('[data-download-status]')!;
  const state = current(view);
  status.textContent = 'Preparing the download…';
  try {
    const started = performance.now();
    const done = (name: string, blob: Blob, rows: number) => {
      saveFile(name, blob);
      status.dataset.ms = String(Math.round(performance.now() - started));
      status.dataset.bytes = String(blob.size);
      status.textContent = `${name}: ${count(rows)} rows, ${formatNumber(blob.size / 1024, ',.1~f')} KB.`;
    };
    const [{ version }, dl] = await Promise.all([manifest(), import('../explore/downloads.ts')]);
    const params = queryParams(state, { all: true });
    const text = QUERIES.explore_accounts;
    const provenance = (rows: number) => dl.provenance({ query: 'explore_accounts', text, params, version, rows, generatedAt: new Date().toISOString() });
    if (format === 'arrow') {
      // Arrow straight from DuckDB: apache-arrow's builders compile code with eval, which the CSP forbids.
      const table = await queryArrow('explore_accounts', params);
      const blob = new Blob([dl.arrowWithProvenance(table, provenance(table.numRows)) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.arrow.stream' });
      return done(`${fileStem(state)}.arrow`, blob, table.numRows);
    }
    const [run] = await query(['explore_accounts'], params);
    const prov = provenance(run.frame.length);
    const stem = fileStem(state);
    let name: string;
    let blob: Blob;
    if (format === 'csv') [name, blob] = [`${stem}.csv`, new Blob([dl.csvDownload(run.frame)], { type: 'text/csv;charset=utf-8' })];
    else if (format === 'provenance') [name, blob] = [`${stem}.provenance.json`, new Blob([JSON.stringify(prov, null, 2)], { type: 'application/json' })];
    else if (format === 'json') [name, blob] = [`${stem}.json`, new Blob([dl.jsonDownload(run.frame, prov)], { type: 'application/json' })];
    else if (format === 'parquet') [name, blob] = [`${stem}.parquet`, new Blob([dl.parquetDownload(run.frame, prov)], { type: 'application/vnd.apache.parquet' })];
    else return;
    done(name, blob, run.frame.length);
  } catch (e) {
    status.textContent = `The download failed: ${(e as Error).message}.`;
  }
}
