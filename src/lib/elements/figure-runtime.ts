/**
 * The interactive half of <live-figure>. Controls set the page's parameters (read from the URL
 * at load, written back to it as a drag pauses, so a copied link restores the view); every figure
 * on screen that depends on a changed parameter re-runs its queries on DuckDB-WASM (newest result
 * wins) and re-renders its chart, live numbers, SQL panel, table and downloads. A figure far from
 * the viewport catches up as it nears it. Each figure is a client (client/client.ts): its
 * definition's queries, and its rendering of their results.
 */
import { named, prefetch, query, warm as warmEngine, type QueryRun } from '../db/coordinator.ts';
import { request, type Client, type Spec } from '../client/client.ts';
import { FIGURES, dependencies, type FigureDef } from '../figures/registry.ts';
import { PARAMS, formatParam, isChoice, pageParams, readParams, type ParamName, type ParamValues } from '../state/params.ts';
import type { Frame } from '../data/frame.ts';
import { rows as frameRows } from '../data/frame.ts';
import { toCsv } from '../data/csv.ts';
import { saveFile } from './save-file.ts';
import { chartPng, chartSvg } from './chart-export.ts';
import { renderSummary } from './summary-table.ts';
import { moveSteps } from '../step.ts';

/** A request of a figure: the page's parameters, and whether the bootstrap intervals are wanted. */
interface Ask {
  values: ParamValues;
  intervals: boolean;
}

interface Cell {
  /** The model behind the current chart, its query runs and the parameters they were made with. */
  last?: { model: unknown; runs: QueryRun[]; key: string; intervals: boolean };
  visible: boolean;
  client: Client<Ask, Record<string, Spec<QueryRun>>>;
  /** An update under way, and whether another was asked for meanwhile (and with intervals). */
  running?: Promise<Cell['last']>;
  again?: { intervals: boolean };
  /** Models made ahead, in idle time, from the rows prefetched for a drag's next steps (modelAhead), with their parameters. */
  ahead: { frames: Frame[]; key: string; model: unknown }[];
}

const cells = new Map<HTMLElement, Cell>();
/** The page's parameters: read from the URL once, kept in the store as controls move; the URL follows. */
const current = (): ParamValues => pageParams.get();
/** Whether a control has moved (or the page was restored from its URL) since the page opened. */
let moved = false;
/** An update that takes longer than this shows "Updating…" and dims its chart (data-slow: see report.css). */
const SLOW_MS = 250;
let observer: IntersectionObserver | null = null;

/** The prose's live numbers by key, found once (a selector query per key per move costs milliseconds on a long page). */
let spans: Map<string, Element[]> | null = null;
function liveSpans(key: string): Element[] {
  if (!spans) {
    spans = new Map();
    for (const span of document.querySelectorAll<HTMLElement>('[data-live]')) {
      const list = spans.get(span.dataset.live!) ?? spans.set(span.dataset.live!, []).get(span.dataset.live!)!;
      list.push(span);
    }
  }
  return spans.get(key) ?? [];
}

/** Start the engine in the background (idle time), so the first slider move is quick. */
export function warm(): void {
  warmEngine();
}

const figureOf = (el: HTMLElement): FigureDef<any> => FIGURES[el.dataset.figure!];
const paramKey = (names: ParamName[], values: ParamValues) => names.map((n) => values[n]).join(',');
const dependsOn = (figure: FigureDef<any>, name: ParamName) => dependencies(figure).includes(name);

function cellOf(el: HTMLElement): Cell {
  let cell = cells.get(el);
  if (!cell) {
    cell = { visible: false, ahead: [] } as Partial<Cell> as Cell;
    cell.client = figureClient(el, cell);
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

/** Every figure on the page joins in (so off-screen ones catch up when scrolled to). */
function adoptAll(): void {
  for (const el of document.querySelectorAll<HTMLElement>('live-figure')) cellOf(el);
}

/** Handle an event on a figure cell. */
export async function attach(el: HTMLElement, event: Event): Promise<void> {
  adoptAll();
  const cell = cellOf(el);
  // A figure the reader is using is on screen, whether or not the observer has said so yet (its queries go first).
  if (event.type !== 'restore') cell.visible = true;
  const target = event.target as Element | null;
  if (event.type === 'restore') {
    moved = true;
    syncControls(el, pageParams.reload());
    return;
  }
  if (target?.closest?.('[data-retry]')) return void update(el, cell, true);
  const download = target?.closest?.<HTMLElement>('[data-download]');
  if (download) return void save(el, cell, download.dataset.download!);
  const control = target as HTMLInputElement | HTMLSelectElement | null;
  if ((event.type === 'input' || event.type === 'change') && control && control.name in PARAMS) {
    const name = control.name as ParamName;
    const values = { ...current(), [name]: isChoice(PARAMS[name]) ? control.value : Number(control.value) } as ParamValues;
    // Points move while dragging; the bootstrap intervals follow when the drag ends (and the URL at once).
    const intervals = event.type === 'change';
    dragging = !intervals;
    moved = true;
    pageParams.set(values, { now: intervals });
    // Figures on screen follow now; the others sync their controls and catch up as they near the viewport (refresh).
    for (const other of document.querySelectorAll<HTMLElement>('live-figure')) {
      if (!dependsOn(figureOf(other), name)) continue;
      const c = cellOf(other);
      if (other !== el && !c.visible) continue;
      syncControls(other, values);
      const updated = update(other, c, intervals);
      if (other === el && control instanceof HTMLInputElement && control.type === 'range') void updated.then(() => prefetchNextStep(el, control, values));
    }
  }
}

/** The value each range control had at its previous move: the direction of a drag. */
const lastValue = new WeakMap<HTMLInputElement, number>();

/**
 * A drag mostly goes on the way it is going: once a move is drawn, run the figure's queries for
 * the slider's next step in that direction (at its first move or after a jump, the steps on either
 * side) and make its model (modelAhead), so the next move finds its rows in the query cache and
 * only draws. (The benchmark also times jumps, which cannot be foreseen.)
 */
async function prefetchNextStep(el: HTMLElement, control: HTMLInputElement, values: ParamValues): Promise<void> {
  const { steps } = moveSteps(control, lastValue);
  for (const next of steps) void modelAhead(el, { ...values, [control.name]: next } as ParamValues);
}

/** Models made ahead that a figure keeps (a drag's next step or two). */
const AHEAD = 2;

/**
 * Run a figure's queries for a step a drag may reach next, behind what is on screen, and once the
 * page is idle make the model from their rows (intervals left to the release), so that the move,
 * finding both, only draws. On a million placements the model takes several milliseconds a move.
 */
async function modelAhead(el: HTMLElement, values: ParamValues): Promise<void> {
  const runs = await prefetch(figureOf(el).queries, values);
  if (!runs || typeof requestIdleCallback !== 'function') return;
  requestIdleCallback(() => {
    const cell = cellOf(el);
    const figure = figureOf(el);
    const frames = runs.map((r) => r.frame);
    const key = paramKey(dependencies(figure), values);
    // (A move may have reached the step, and made its model, before the page was idle.)
    if (cell.last?.key === key || madeAhead(cell, frames, key)) return;
    cell.ahead.unshift({ frames, key, model: figure.model(frames, values, { intervals: false }) });
    cell.ahead.length = Math.min(cell.ahead.length, AHEAD);
  });
}

/** The model made ahead from these very rows, at these parameters, if any. */
const madeAhead = (cell: Cell, frames: Frame[], key: string) => cell.ahead.find((a) => a.key === key && a.frames.length === frames.length && a.frames.every((f, i) => f === frames[i]));

/** Whether a drag is under way (an input without its change yet): figures that catch up meanwhile leave the intervals to the release. */
let dragging = false;

/** Bring a figure up to the page's parameters if it is behind (it was off screen, or the page opened with parameters). */
async function refresh(el: HTMLElement, cell: Cell): Promise<void> {
  const figure = figureOf(el);
  if (moved) syncControls(el, current());
  const key = paramKey(dependencies(figure), current());
  const shown = cell.last?.key ?? paramKey(dependencies(figure), readParams(''));
  // Behind, or drawn during a drag without the intervals that have been asked for since.
  if (shown !== key || (cell.last && !cell.last.intervals && !dragging)) await update(el, cell, !dragging);
}

function syncControls(el: HTMLElement, values: ParamValues): void {
  for (const input of el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
    const name = input.name as ParamName;
    if (!(name in PARAMS)) continue;
    input.value = String(values[name]);
    if (input instanceof HTMLInputElement) input.setAttribute('aria-valuetext', formatParam(name, values[name]));
    const output = el.querySelector<HTMLOutputElement>(`output[name="${name}-out"]`);
    if (output) output.value = formatParam(name, values[name]);
  }
}

function setStatus(el: HTMLElement, text: string, retry = false): void {
  const status = el.querySelector('.status')!;
  if (status.textContent === text && !retry) return;
  status.textContent = text;
  if (retry) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.retry = '';
    button.textContent = 'Try again';
    status.append(' ', button);
  }
}

/**
 * Bring a figure up to the page's parameters. While one update runs, further requests coalesce into a
 * single follow-up with the newest state, so a fast drag never queues stale queries behind it.
 */
function update(el: HTMLElement, cell: Cell, intervals: boolean): Promise<Cell['last']> {
  if (cell.running) {
    cell.again = { intervals: intervals || (cell.again?.intervals ?? false) };
    return cell.running.then(() => cell.running ?? cell.last);
  }
  const run = (wantIntervals: boolean): Promise<Cell['last']> =>
    render(el, cell, wantIntervals).then((result) => {
      const next = cell.again;
      cell.again = undefined;
      return next ? run(next.intervals) : result;
    });
  cell.running = run(intervals).finally(() => (cell.running = undefined));
  return cell.running;
}

async function render(el: HTMLElement, cell: Cell, intervals: boolean): Promise<Cell['last']> {
  const outcome = await request(cell.client, { values: current(), intervals });
  return outcome.done ? cell.last : undefined;
}

/** A figure as a client: its definition's queries at the page's parameters; the model, chart, live numbers, table and SQL panel from their results. */
function figureClient(el: HTMLElement, cell: Cell): Client<Ask, Record<string, Spec<QueryRun>>> {
  const figure = figureOf(el);
  const name = el.dataset.figure;
  let started = 0;
  return {
    el,
    query: ({ values }) => Object.fromEntries(figure.queries.map((q) => [q, named(q, values, cell.visible ? 'visible' : 'background')])),
    queryPending() {
      started = performance.now();
      // Only a slow update says so: a quick one must not cost the page an extra frame to draw.
      const slow = setTimeout(() => {
        el.dataset.slow = '';
        setStatus(el, 'Updating…');
      }, SLOW_MS);
      return () => {
        clearTimeout(slow);
        delete el.dataset.slow;
      };
    },
    queryResult(results, { values, intervals }) {
      const runs = figure.queries.map((q) => results[q]);
      const queried = performance.now();
      const frames = runs.map((r) => r.frame);
      const made = intervals ? undefined : madeAhead(cell, frames, paramKey(dependencies(figure), values));
      const model = made ? made.model : figure.model(frames, values, { intervals });
      const modelled = performance.now();
      // One chart now, drawn for the width the reader has (the pre-render carried both); a chart
      // that can redraw the one on screen in place does so.
      const box = el.querySelector('.chart')!;
      const previous = box.firstElementChild;
      const chart = figure.chart(model, { width: box.clientWidth < 560 ? 360 : 720, previous });
      if (chart !== previous) box.replaceChildren(chart);
      // Where the time goes, for the benchmark and the browser's performance panel.
      performance.measure(`figure ${name}: query`, { start: started, end: queried });
      performance.measure(`figure ${name}: model`, { start: queried, end: modelled });
      performance.measure(`figure ${name}: chart`, { start: modelled, end: performance.now() });
      for (const [key, text] of Object.entries(figure.live(model) as Record<string, string>)) {
        // Intervals are only recomputed when a drag ends; keep the last ones until then.
        if (!intervals && key.startsWith('ci.')) continue;
        for (const span of liveSpans(key)) if (span.textContent !== text) span.textContent = text;
      }
      if (intervals) renderSummary(el, figure.summary(model));
      for (const r of runs) {
        const code = el.querySelector(`[data-params="${r.name}"]`);
        if (code) code.textContent = JSON.stringify(r.params, null, 2);
      }
      cell.last = { model, runs, key: paramKey(dependencies(figure), values), intervals };
      setStatus(el, '');
    },
    queryError: (error) => setStatus(el, `Interaction is unavailable: ${error.message}. The figure shows the published defaults.`, true),
  };
}

/** A file name that says which view it came from: figure name and the parameters that are not at their defaults. */
function fileName(el: HTMLElement, ext: string): string {
  const figure = figureOf(el);
  const values = current();
  const parts = dependencies(figure).filter((p) => values[p] !== PARAMS[p].default).map((p) => `${PARAMS[p].key}${values[p]}`);
  return `${[el.dataset.figure, ...parts].join('_')}.${ext}`;
}

async function save(el: HTMLElement, cell: Cell, kind: string): Promise<void> {
  const figure = figureOf(el);
  const key = paramKey(dependencies(figure), current());
  if (kind === 'svg' || kind === 'png') {
    if (cell.last?.key !== key && key !== paramKey(dependencies(figure), readParams(''))) await update(el, cell, true);
    const svg = el.querySelector<SVGSVGElement>('.chart svg[role="img"]');
    if (!svg) return;
    saveFile(fileName(el, kind), kind === 'svg' ? chartSvg(svg) : await chartPng(svg));
    return;
  }
  const last = cell.last?.key === key ? cell.last : await update(el, cell, true);
  if (!last) return;
  const [download] = figure.download ? await query([figure.download], current()) : [];
  const rows: Frame = download ? download.frame : figure.rows ? figure.rows(last.model) : last.runs[0].frame;
  if (kind === 'csv') saveFile(fileName(el, 'csv'), new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  if (kind === 'json') {
    const provenance = (download ? [download] : last.runs).map((r) => ({ query: `${r.name}.sql`, sql: r.text, parameters: r.params }));
    const body = JSON.stringify({ provenance, rows: frameRows(rows) }, null, 2);
    saveFile(fileName(el, 'json'), new Blob([body], { type: 'application/json' }));
  }
}
