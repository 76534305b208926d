/**
 * The interactive half of <lab-app>. The world controls write the URL (the page's one state); a
 * regeneration runs in the lab session (worker + DuckDB) and the key figures, their sentences and
 * the "Is it rigged?" panel are redrawn with the registry's own chart and live-number functions.
 * The main thread only moves buffers, draws and updates text.
 *
 * Two kinds of client (client/client.ts): the world (its request is a regeneration; the lab's
 * data-state follows it) and each figure on a world (its queries run on the world's tables, the
 * worker computes its model, the page draws it). The newest request wins: a world asked for while
 * another is being made supersedes it (lab/session.ts drops the older one's work), and a figure's
 * newer request (a brand picked, a newer world) supersedes its older one.
 */
import { LabSession, type Stage, type World } from '../lab/session.ts';
import { cancel, isPending, request, work, type Client, type Outcome, type Spec } from '../client/client.ts';
import { FIGURES } from '../figures/registry.ts';
import type { ScoreboardModel } from '../figures/scoreboard.ts';
import { formatParam, pageParams, type ParamName } from '../state/params.ts';
import { urlState } from '../client/url-state.ts';
import {
  LAB_CONTROLS,
  LAB_DEFAULTS,
  PRESETS,
  applyPreset,
  formatWorldValue,
  readWorld,
  validWorldValue,
  worldParams,
  writeWorld,
  type LabValues,
} from '../lab/worldParams.ts';
import { verdict } from '../lab/verdict.ts';
import { verdictHtml } from '../lab/verdictView.ts';
import { liftTableHtml } from '../calibration/view.ts';
import { renderSummary } from './summary-table.ts';
import { count, fixed } from '../format.ts';
import { TaskQueue } from '../lab/tasks.ts';
import { labSweep, SweepCancelled } from '../lab/sweep.ts';
import type { SweepResult } from '../sweep/summary.ts';
import { breakEvenChart } from '../charts/breakEven.ts';
import { breakEvenSeries, breakEvenTableHtml } from '../sweep/view.ts';

let session: LabSession | null = null;
let warmed: Promise<void> | null = null;
/** The regenerated world the figures show (null: the published, pre-rendered one). */
let current: World | null = null;
/** The lab values of the world on screen. */
let shown: LabValues = { ...LAB_DEFAULTS };
/** The newest world request (settled once its figures are drawn), and whether any has been made. */
let regenerating: Promise<Outcome> | null = null;
/** A sweep is running: a world asked for meanwhile waits for it (the newest only). */
let sweeping = false;
let queued: LabValues | null = null;
let longest = 0;
/** The main thread's share of a regeneration, drawing the figures: one figure per task. */
const draws = new TaskQueue();

const FIGURE_PARAMS: ParamName[] = ['brand', 'budget'];
const key = (v: LabValues) => JSON.stringify(LAB_CONTROLS.map((c) => v[c.path]));

function ensureSession(el: HTMLElement): LabSession {
  if (!session) {
    session = new LabSession(el.dataset.base ?? '/', el.dataset.version ?? '');
    void session.context().then((c) => (el.dataset.simContext = c)).catch(() => {});
    if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
      }).observe({ type: 'longtask' });
    }
  }
  return session;
}

/** The world's settings, kept in the page's URL. */
const worldState = urlState(readWorld, writeWorld);

/** Handle an event on the lab (or a synthetic 'warm' / 'restore'). */
export function handle(el: HTMLElement, event: Event): void {
  const target = event.target as HTMLElement | null;
  switch (event.type) {
    case 'warm':
      return void warm(el);
    case 'restore': {
      const values = worldState.reload();
      pageParams.reload();
      syncForm(el, values);
      syncFigureControls(el);
      return void regenerate(el, values);
    }
    case 'submit':
      if (target?.closest('.lab-controls')) void regenerate(el, formValues(el));
      return;
    case 'click': {
      const button = target?.closest?.<HTMLButtonElement>('button');
      if (!button) return;
      if (button.dataset.sweepStart !== undefined) return void sweep(el);
      if (button.dataset.sweepCancel !== undefined) return void (sweeps && cancel(sweeps));
      if (button.dataset.preset) {
        const preset = PRESETS.find((p) => p.id === button.dataset.preset);
        if (preset) setAndRegenerate(el, applyPreset(preset, formValues(el)));
      } else if (button.dataset.restore !== undefined) setAndRegenerate(el, { ...LAB_DEFAULTS });
      else if (button.dataset.newSeed !== undefined) {
        const seed = crypto.getRandomValues(new Uint32Array(1))[0] % 2 ** 31;
        syncForm(el, { ...formValues(el), seed });
        changed(el);
      }
      return;
    }
    case 'input':
    case 'change': {
      const input = target as HTMLInputElement | HTMLSelectElement | null;
      if (!input?.name) return;
      if (input.closest('.lab-controls')) {
        syncForm(el, formValues(el));
        if (event.type === 'change' || input.type === 'range') changed(el);
      } else if ((FIGURE_PARAMS as string[]).includes(input.name)) {
        const name = input.name as ParamName;
        pageParams.set({ ...pageParams.get(), [name]: name === 'brand' ? input.value : Number(input.value) }, { now: true });
        syncFigureControls(el);
        if (event.type === 'change') void refreshFigure(el, 'budget');
      }
    }
  }
}

/** Start the worker and the engine while the reader reads, and run a small world through every step so the first regeneration is warm. */
function warm(el: HTMLElement): Promise<void> {
  const lab = ensureSession(el);
  // Once the reader has asked for a world, a warm-up world would only supersede it.
  if (regenerating || sweeping) return (warmed ??= Promise.resolve().finally(() => (el.dataset.warm = 'done')));
  warmed ??= (async () => {
    const world = await lab.regenerate({ ...worldParams({ ...LAB_DEFAULTS, accounts: 1000 }), placementsPerBrand: 100 }, () => {});
    const values = pageParams.get();
    const names = ['scoreboard', 'budget'];
    const models = await Promise.all(
      names.map(async (name) => {
        await lab.onWorld(world, FIGURES[name].queries, values).run(new AbortController().signal);
        return lab.model(world, name, values, false);
      }),
    );
    // A chart's first drawing is slow (code compiled on first use): draw each once, off the page, one per task.
    for (const [k, name] of names.entries()) await draws.run(`lab warm: ${name}`, () => FIGURES[name].chart(models[k].model, { width: 720 }));
  })()
    .catch(() => {})
    .finally(() => (el.dataset.warm = 'done'));
  return warmed;
}

function formValues(el: HTMLElement): LabValues {
  const out: LabValues = {};
  for (const c of LAB_CONTROLS) {
    const input = el.querySelector<HTMLInputElement>(`.lab-controls [name="${c.path}"]`);
    out[c.path] = validWorldValue(c.path, input?.value);
  }
  return out;
}

function syncForm(el: HTMLElement, values: LabValues): void {
  for (const c of LAB_CONTROLS) {
    const input = el.querySelector<HTMLInputElement>(`.lab-controls [name="${c.path}"]`);
    if (!input) continue;
    const text = formatWorldValue(c.path, values[c.path]);
    if (Number(input.value) !== values[c.path]) input.value = String(values[c.path]);
    if (input.type === 'range') input.setAttribute('aria-valuetext', text);
    const output = el.querySelector<HTMLOutputElement>(`#${input.id}-out`);
    if (output) output.value = text;
  }
}

function syncFigureControls(el: HTMLElement): void {
  const values = pageParams.get();
  for (const name of FIGURE_PARAMS) {
    const input = el.querySelector<HTMLInputElement | HTMLSelectElement>(`.lab-figure [name="${name}"]`);
    if (!input) continue;
    input.value = String(values[name]);
    if (input instanceof HTMLInputElement) input.setAttribute('aria-valuetext', formatParam(name, values[name]));
    const output = el.querySelector<HTMLOutputElement>(`output[name="${name}-out"]`);
    if (output) output.value = formatParam(name, values[name]);
  }
}

/** The controls moved: the URL follows them, and the page says the world on screen is another. */
function changed(el: HTMLElement): void {
  const values = formValues(el);
  worldState.set(values, { now: true });
  el.querySelector<HTMLElement>('[data-pending]')!.hidden = key(values) === key(shown);
}

function setAndRegenerate(el: HTMLElement, values: LabValues): void {
  syncForm(el, values);
  changed(el);
  void regenerate(el, values);
}

function setStatus(el: HTMLElement, text: string): void {
  el.querySelector('[data-status]')!.textContent = text;
}

const STAGE_TEXT: Record<Stage, string> = {
  simulating: 'Simulating the world in a background worker, loading its tables into DuckDB as they come…',
  loading: 'Loading the tables into DuckDB…',
  deriving: 'Deriving account features with the build SQL…',
  figures: 'Recomputing the figures…',
  done: '',
};
const STAGE_AT: Record<Stage, number> = { simulating: 0, loading: 0.5, deriving: 0.65, figures: 0.9, done: 1 };

/** Regenerate the world of these values: the newest request wins (during a sweep, it waits for the sweep's end). */
function regenerate(el: HTMLElement, values: LabValues): Promise<void> {
  if (sweeping) {
    queued = values;
    return Promise.resolve();
  }
  const outcome = request(worldClient(el), values);
  regenerating = outcome;
  return outcome.then(() => {});
}

let worlds: Client<LabValues, { world: Spec<World> }> | null = null;

/** The lab's world as a client: a regeneration in the lab session, then the figures drawn on it. */
function worldClient(el: HTMLElement): Client<LabValues, { world: Spec<World> }> {
  if (worlds) return worlds;
  const progress = el.querySelector('progress')!;
  let started = 0;
  let stage: Stage | null = null;
  const onStage = (next: Stage, share?: number) => {
    progress.value = next === 'simulating' ? 0.5 * (share ?? 0) : STAGE_AT[next];
    if (next !== stage) setStatus(el, STAGE_TEXT[(stage = next)]);
  };
  return (worlds = {
    el,
    busy: true,
    states: { pending: 'regenerating', done: 'live', failed: 'failed' },
    query: (values) => ({ world: work('regenerate', () => ensureSession(el).regenerate(worldParams(values), onStage)) }),
    queryPending() {
      started = performance.now();
      stage = null;
      delete el.dataset.worldDigest;
      delete el.dataset.intervals;
      progress.hidden = false;
      longest = 0;
    },
    async queryResult({ world }, values, signal) {
      onStage('figures');
      const tFigures = performance.now();
      current = world;
      shown = values;
      el.querySelector('[data-calibration-view]')!.innerHTML = liftTableHtml(world.calibration, 'The sources’ comparisons, simulated in this world');
      // The scoreboard (the verdict reads it) and any figure within a screen of the viewport are part of
      // the regeneration; a figure further away is done when it comes near, or after the intervals.
      const later = LATER_IF_FAR.filter((name) => !nearViewport(figureSection(el, name)));
      for (const name of later) figureSection(el, name).dataset.state = 'updating';
      const drawn = await Promise.all([drawFigure(el, world, 'scoreboard', false), ...LATER_IF_FAR.filter((n) => !later.includes(n)).map((n) => drawFigure(el, world, n, true))]);
      signal.throwIfAborted();
      failIfAny(drawn);
      const ms = performance.now() - started;
      el.dataset.regenMs = String(Math.round(ms));
      el.dataset.regenStages = JSON.stringify({ ...roundAll({ ...world.ms }), figures: Math.round(performance.now() - tFigures) });
      el.dataset.longestTaskMs = String(Math.round(longest));
      el.dataset.worldKey = key(values);
      el.querySelector<HTMLElement>('[data-pending]')!.hidden = key(formValues(el)) === key(shown);
      progress.value = 1;
      progress.hidden = true;
      setStatus(
        el,
        `Regenerated in ${fixed(ms / 1000, 1)} s: ${count(world.rows.influencers)} accounts, ${count(world.rows.placements)} sponsored posts, seed ${values.seed}.`,
      );
      // The bootstrap intervals (and the figures left for later), then the world's fingerprint: computed in the worker, after the figures are up.
      const deferred = later.map((name) => whenNear(figureSection(el, name)).then(() => (current === world ? drawFigure(el, world, name, true) : { done: false as const })));
      void drawFigure(el, world, 'scoreboard', true)
        .then((scoreboard) => {
          for (const name of later) figureSection(el, name).dispatchEvent(new Event(NEAR));
          return Promise.all(deferred).then((others) => [scoreboard, ...others]);
        })
        .then((outcomes) => {
          // A figure superseded by a newer request of its own (a brand picked) is drawn with its intervals by that one.
          if (current !== world || outcomes.some((o) => !o.done && o.error)) return;
          el.dataset.intervals = 'done';
          // The longest main-thread task over the whole regeneration, the intervals and the figures drawn later included.
          el.dataset.longestTaskMs = String(Math.round(longest));
        });
      void ensureSession(el)
        .digest(world)
        .then((d) => {
          if (current === world) el.dataset.worldDigest = d;
        })
        .catch(() => {});
    },
    queryError(error) {
      progress.hidden = true;
      setStatus(el, `Regeneration failed: ${error.message}. The figures still show the previous world.`);
    },
  });
}

/** Rethrow the first failure among figure requests (a superseded one is not a failure). */
function failIfAny(outcomes: Outcome[]): void {
  for (const o of outcomes) if (!o.done && o.error) throw o.error;
}

let sweeps: Client<string, { result: Spec<SweepResult> }> | null = null;

/**
 * Sweep the chosen assumption around the world on screen (lab/sweep.ts), one world at a time in the
 * lab session; regenerations asked for meanwhile wait for it. The lab's DuckDB then holds a sweep
 * world, so the figures' next change regenerates the world they show.
 */
async function sweep(el: HTMLElement): Promise<void> {
  const client = sweepClient(el);
  if (isPending(client)) return;
  const key = el.querySelector<HTMLSelectElement>('[data-lab-sweep] [name="sweep-key"]')!.value;
  await request(client, key);
  // A regeneration asked for during the sweep runs now.
  if (queued) {
    const next = queued;
    queued = null;
    void regenerate(el, next);
  }
}

/** The sweep as a client: its worlds regenerated and judged (a step of the lab session, cancelled between worlds), then the break-even chart and table. */
function sweepClient(el: HTMLElement): Client<string, { result: Spec<SweepResult> }> {
  if (sweeps) return sweeps;
  const section = el.querySelector<HTMLElement>('[data-lab-sweep]')!;
  const progress = section.querySelector<HTMLProgressElement>('[data-sweep-progress]')!;
  const status = section.querySelector<HTMLElement>('[data-sweep-status]')!;
  const start = section.querySelector<HTMLButtonElement>('[data-sweep-start]')!;
  const stop = section.querySelector<HTMLButtonElement>('[data-sweep-cancel]')!;
  let started = 0;
  let stages = { regenerate: 0, judge: 0 };
  return (sweeps = {
    el: section,
    busy: true,
    states: { pending: 'running', done: 'done', failed: 'failed' },
    query: (key) => {
      const before = regenerating;
      return {
        result: work('sweep', async (signal) => {
          await warmed;
          await before;
          return labSweep(ensureSession(el), worldParams(shown), key, (share, text) => {
            progress.value = share;
            section.dataset.progress = share.toFixed(3);
            status.textContent = text;
          }, () => signal.aborted, stages);
        }),
      };
    },
    queryPending() {
      sweeping = true;
      started = performance.now();
      stages = { regenerate: 0, judge: 0 };
      delete section.dataset.sweepMs;
      progress.hidden = false;
      progress.value = 0;
      start.disabled = true;
      stop.disabled = false;
      return () => {
        current = null;
        sweeping = false;
        progress.hidden = true;
        start.disabled = false;
        stop.disabled = true;
      };
    },
    async queryResult({ result }, key) {
      current = null;
      const { series, axis } = breakEvenSeries(result, key, 'rho');
      const chart = section.querySelector<HTMLElement>('[data-sweep-chart]')!;
      const width = Math.max(320, Math.min(720, chart.clientWidth || 720));
      await draws.run('lab draw: sweep', () => {
        chart.replaceChildren(breakEvenChart(series, axis, { width }));
        section.querySelector('[data-sweep-table]')!.innerHTML = breakEvenTableHtml(result);
      });
      const ms = performance.now() - started;
      section.dataset.sweepMs = String(Math.round(ms));
      section.dataset.sweepStages = JSON.stringify(roundAll(stages));
      section.dataset.sweepKey = key;
      status.textContent = `Swept ${axis.label.toLowerCase()} on ${result.seeds.length} worlds in ${fixed(ms / 1000, 1)} s.`;
    },
    queryError(error) {
      const stopped = error instanceof SweepCancelled;
      if (stopped) section.dataset.state = 'cancelled';
      status.textContent = stopped ? 'Sweep cancelled; the chart still shows the previous sweep.' : `Sweep failed: ${error.message}.`;
    },
  });
}

/** Figures that wait while they are more than a screen away from the viewport (the scoreboard never does: the verdict reads it). */
const LATER_IF_FAR = ['budget'];
/** The event that draws a waiting figure before it comes near (once the regeneration's other work is done). */
const NEAR = 'lab-draw-now';

const figureSection = (el: HTMLElement, name: string) => el.querySelector<HTMLElement>(`[data-lab-figure="${name}"]`)!;

function nearViewport(section: HTMLElement): boolean {
  const r = section.getBoundingClientRect();
  return r.bottom > -innerHeight && r.top < 2 * innerHeight;
}

/** Resolves when the section comes within a screen of the viewport, or is asked to draw (the NEAR event). */
function whenNear(section: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const observer = typeof IntersectionObserver === 'function' ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && done(), { rootMargin: '100% 0px' }) : null;
    const done = () => {
      observer?.disconnect();
      section.removeEventListener(NEAR, done);
      resolve();
    };
    observer?.observe(section);
    section.addEventListener(NEAR, done, { once: true });
  });
}

const roundAll = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));

/** Re-run one figure on the world on screen (a figure control moved). A world on its way is waited for; with none, the published world is regenerated first. */
async function refreshFigure(el: HTMLElement, name: string): Promise<void> {
  if (regenerating) await regenerating;
  if (!current) return regenerate(el, formValues(el));
  await drawFigure(el, current, name, true);
}

/** A figure's request on a world, at the page's figure parameters. */
interface FigureAsk {
  world: World;
  values: Record<string, number | string>;
  intervals: boolean;
}

const figureClients = new Map<string, Client<FigureAsk, { frames: Spec<void> }>>();

/** Draw a figure on a world (newest request wins per figure); never rejects. */
function drawFigure(el: HTMLElement, world: World, name: string, intervals: boolean): Promise<Outcome> {
  return request(figureClient(el, name), { world, values: pageParams.get(), intervals });
}

/** A lab figure as a client: its queries on the world's tables, its model computed in the worker, drawn in a task of its own. */
function figureClient(el: HTMLElement, name: string): Client<FigureAsk, { frames: Spec<void> }> {
  let client = figureClients.get(name);
  if (!client) {
    const figure = FIGURES[name];
    client = {
      el: figureSection(el, name),
      query: ({ world, values }) => ({ frames: session!.onWorld(world, figure.queries, values) }),
      async queryResult(_, { world, values, intervals }, signal) {
        const { model, context } = await session!.model(world, name, values, intervals);
        signal.throwIfAborted();
        el.dataset.modelContext = context;
        // Drawn in a task of its own (the other figure's drawing, and input, come between).
        await draws.run(`lab draw: ${name}`, () => draw(el, world, name, model, intervals, signal));
      },
      queryError: (error) => setStatus(el, `${figure.title} could not be recomputed: ${error.message}.`),
    };
    figureClients.set(name, client);
  }
  return client;
}

function draw(el: HTMLElement, world: World, name: string, model: unknown, intervals: boolean, signal: AbortSignal): void {
  if (world !== current || signal.aborted) return;
  const figure = FIGURES[name];
  const section = figureSection(el, name);
  const chart = section.querySelector<HTMLElement>('.chart')!;
  const width = Math.max(320, Math.min(720, chart.clientWidth || 720));
  chart.replaceChildren(figure.chart(model, { width }));
  for (const [k, text] of Object.entries(figure.live(model) as Record<string, string>)) {
    if (!intervals && k.startsWith('ci.')) continue;
    for (const span of el.querySelectorAll(`[data-live="${CSS.escape(k)}"]`)) span.textContent = text;
  }
  renderSummary(section, figure.summary(model));
  if (name === 'scoreboard') {
    el.querySelector('[data-verdict]')!.innerHTML = verdictHtml(verdict((model as ScoreboardModel).rows, Math.max(world.params.relevanceEffect, world.params.relevancePurchaseEffect)));
  }
}
