/**
 * The interactive half of <live-figure>. Controls write the URL (the one state of the page);
 * every figure that depends on a changed parameter re-runs its query on DuckDB-WASM (newest
 * result wins) and re-renders its chart, live numbers, SQL panel, table and downloads. A figure
 * far from the viewport is only marked stale and catches up as it nears it.
 */
import { engine } from '../db/browser.ts';
import { runQuery, type QueryRun } from '../db/run.ts';
import { FIGURES } from '../figures/registry.ts';
import { PARAMS, readParams, writeParams, type ParamName, type ParamValues } from '../state/params.ts';
import { toCsv } from '../data/csv.ts';
import { saveFile } from './save-file.ts';

interface Cell {
  seq: number;
  last?: QueryRun;
  /** The parameters its chart shows, as a key; undefined while it shows the pre-rendered defaults. */
  shown?: string;
  visible: boolean;
  wantIntervals: boolean;
}

const cells = new Map<HTMLElement, Cell>();
let observer: IntersectionObserver | null = null;

/** Start the engine in the background (idle time), so the first slider move is quick. */
export function warm(): void {
  engine().catch(() => {});
}

function cellOf(el: HTMLElement): Cell {
  let cell = cells.get(el);
  if (!cell) {
    cell = { seq: 0, visible: false, wantIntervals: true };
    cells.set(el, cell);
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const c = cells.get(e.target as HTMLElement);
          if (!c) continue;
          c.visible = e.isIntersecting;
          if (c.visible) void refresh(e.target as HTMLElement, c);
        }
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(el);
  }
  return cell;
}

/** Handle an event on a figure cell. */
export async function attach(el: HTMLElement, event: Event): Promise<void> {
  const cell = cellOf(el);
  const target = event.target as Element | null;
  if (event.type === 'restore') {
    syncControls(el, readParams(location.search));
    return;
  }
  if (target?.closest?.('[data-retry]')) return void update(el, cell, true);
  if (target?.closest?.('[data-download="csv"]')) return void download(el, cell);
  if ((event.type === 'input' || event.type === 'change') && target instanceof HTMLInputElement && target.name in PARAMS) {
    const name = target.name as ParamName;
    const values = { ...readParams(location.search), [name]: Number(target.value) };
    history.replaceState(null, '', `${location.pathname}${writeParams(values, location.search)}${location.hash}`);
    // Points move while dragging; the bootstrap intervals follow when the drag ends.
    const intervals = event.type === 'change';
    for (const other of document.querySelectorAll<HTMLElement>('live-figure')) {
      if (!FIGURES[other.dataset.figure!]?.params.includes(name)) continue;
      const c = cellOf(other);
      syncControls(other, values);
      c.wantIntervals = intervals;
      if (other === el || c.visible) void update(other, c, intervals);
    }
  }
}

/** Bring a figure up to the URL's parameters if it is behind (it was off screen, or the page opened with parameters). */
async function refresh(el: HTMLElement, cell: Cell): Promise<void> {
  const figure = FIGURES[el.dataset.figure!];
  const key = paramKey(figure.params, readParams(location.search));
  const defaultKey = paramKey(figure.params, readParams(''));
  if ((cell.shown ?? defaultKey) !== key) await update(el, cell, true);
}

const paramKey = (names: ParamName[], values: ParamValues) => names.map((n) => values[n]).join(',');

function syncControls(el: HTMLElement, values: ParamValues): void {
  for (const input of el.querySelectorAll<HTMLInputElement>('input[type="range"][name]')) {
    const name = input.name as ParamName;
    if (!(name in PARAMS)) continue;
    input.value = String(values[name]);
    const output = el.querySelector<HTMLOutputElement>(`output[name="${name}-out"]`);
    if (output) output.value = values[name].toFixed(2);
  }
}

function setStatus(el: HTMLElement, text: string, retry = false): void {
  const status = el.querySelector('.status')!;
  status.textContent = text;
  if (retry) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.retry = '';
    button.textContent = 'Try again';
    status.append(' ', button);
  }
}

async function update(el: HTMLElement, cell: Cell, intervals: boolean): Promise<QueryRun | undefined> {
  const seq = ++cell.seq;
  const figure = FIGURES[el.dataset.figure!];
  const values = readParams(location.search);
  const params = Object.fromEntries(figure.params.map((p) => [p, values[p]]));
  el.dataset.state = 'updating';
  setStatus(el, 'Updating…');
  try {
    const run = await runQuery(await engine(), figure.query, params);
    if (seq !== cell.seq) return; // a newer request has been made: its result wins
    const model = figure.model(run.frame, { intervals });
    const chartBox = el.querySelector('.chart')!;
    chartBox.replaceChildren(figure.chart(model, { width: 720 }));
    const live = figure.live(model);
    for (const [key, text] of Object.entries(live)) {
      // Intervals are only recomputed when a drag ends; keep the last ones until then.
      if (!intervals && key.startsWith('ci.')) continue;
      for (const span of document.querySelectorAll(`[data-live="${CSS.escape(key)}"]`)) span.textContent = text;
    }
    if (intervals) renderSummary(el, figure.summary(model));
    el.querySelector('[data-params]')!.textContent = JSON.stringify(params, null, 2);
    cell.last = run;
    cell.shown = paramKey(figure.params, values);
    el.dataset.state = 'live';
    setStatus(el, '');
    return run;
  } catch (error) {
    if (seq !== cell.seq) return;
    el.dataset.state = 'failed';
    setStatus(el, `Interaction is unavailable: ${(error as Error).message}. The figure shows the published defaults.`, true);
  }
}

function renderSummary(el: HTMLElement, summary: { head: string[]; rows: (string | number)[][] }): void {
  const body = el.querySelector('details.table tbody');
  if (!body) return;
  body.replaceChildren(
    ...summary.rows.map((r) => {
      const tr = document.createElement('tr');
      for (const v of r) {
        const td = document.createElement('td');
        td.textContent = String(v);
        if (typeof v === 'number') td.className = 'num';
        tr.append(td);
      }
      return tr;
    }),
  );
}

async function download(el: HTMLElement, cell: Cell): Promise<void> {
  const figure = FIGURES[el.dataset.figure!];
  const current = paramKey(figure.params, readParams(location.search));
  const run = cell.last && cell.shown === current ? cell.last : await update(el, cell, true);
  if (!run) return;
  const suffix = Object.entries(run.params)
    .map(([k, v]) => `${PARAMS[k as ParamName]?.key ?? k}${v}`)
    .join('_');
  saveFile(`${el.dataset.figure}_${suffix}.csv`, new Blob([toCsv(run.frame)], { type: 'text/csv;charset=utf-8' }));
}
