/**
 * The lab's worker: the heavy work of regenerating a world, off the page's main thread. It runs
 * the very simulator the build runs (data/sim/world.ts) on the shipped topic tables and hands each
 * table over as Arrow IPC (transferred, not copied) as soon as the simulator has made it, the
 * posts and reactions in chunks while they are being made (streamWorld.ts), so DuckDB loads them
 * while the simulation goes on. It also decodes the query results the page forwards (the
 * page never walks their rows) and computes the figures' models (the registry's own functions),
 * so the bootstrap intervals never block the page; it measures the sources' comparisons in each
 * world (data/sim/calibration.ts, with the world's hidden truth, which never leaves the worker);
 * and it fingerprints a world when asked.
 */
import { tableFromIPC } from 'apache-arrow';
import { ontologyFromTables, type Ontology } from '../../../data/sim/ontology.ts';
import type { WorldParams } from '../../../data/sim/params.ts';
import { FIGURES } from '../figures/registry.ts';
import { topicVectors } from '../figures/signals.ts';
import { ipcFrame } from '../db/arrowFrame.ts';
import type { Frame } from '../data/frame.ts';
import type { ParamValues } from '../state/params.ts';
import { streamWorld } from './streamWorld.ts';
import { calibrate } from '../../../data/sim/calibration.ts';
import { worldDigest } from './worldDigest.ts';
import type { Stages } from '../../../data/sim/world.ts';
import { assumptionByKey } from '../sweep/assumptions.ts';
import { jobPoints } from '../sweep/plan.ts';
import { brandScores, seedBase } from '../sweep/seed.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const post = (message: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);
const context = (): 'worker' | 'window' => (typeof document === 'undefined' ? 'worker' : 'window');

let ontology: Promise<Ontology> | null = null;
/** Frames of the current world's queries, by query name (the models read them from here). */
let frames = new Map<string, Frame>();
let frameWorld = -1;
/** The last world simulated, kept until its digest is asked for (or the next world). */
let last: { id: number; world: Record<string, Record<string, ArrayLike<unknown>>> } | null = null;
/** The stages of the last world simulated with keepStages, until the sweep has judged it. */
let kept: { id: number; stages: Stages } | null = null;

async function loadOntology(base: string, version: string): Promise<Ontology> {
  const table = async (name: string) => {
    const r = await fetch(`${base}data/${name}.arrow?v=${version}`);
    if (!r.ok) throw new Error(`the topic table ${name} did not load (HTTP ${r.status})`);
    const t = tableFromIPC(new Uint8Array(await r.arrayBuffer()));
    return Object.fromEntries(t.schema.fields.map((f) => [f.name, Array.from(t.getChild(f.name)!.toArray() as ArrayLike<unknown>, String)]));
  };
  const [topics, edges] = await Promise.all([table('topics'), table('topic_edges')]);
  return ontologyFromTables(topics as never, edges as never);
}

async function simulate(id: number, params: WorldParams, keepStages: boolean, keepCoverage: boolean): Promise<void> {
  last = null;
  kept = null;
  const started = performance.now();
  let pct = -1;
  const { world, truth, encodeMs, stages } = streamWorld(
    params,
    await ontology!,
    (name, ipc, append, complete) => post({ type: 'table', id, name, ipc, append, last: complete }, ipc ? [ipc.buffer as ArrayBuffer] : []),
    (share) => {
      const p = Math.floor(share * 100);
      if (p !== pct) post({ type: 'progress', id, share: (pct = p) / 100 });
    },
    { keepStages, keepCoverage },
  );
  if (stages) kept = { id, stages };
  const tables = world as unknown as Record<string, Record<string, ArrayLike<unknown>>>;
  const rows = Object.fromEntries(Object.entries(tables).map(([n, cols]) => [n, Object.values(cols)[0]?.length ?? 0]));
  const simulateMs = performance.now() - started - encodeMs;
  post({ type: 'simulated', id, rows, ms: { simulate: simulateMs, encode: encodeMs }, calibration: calibrate(world, truth) });
  last = { id, world: tables };
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  try {
    switch (m.type) {
      case 'init':
        ontology ??= loadOntology(m.base, m.version);
        await ontology;
        post({ type: 'ready', context: context() });
        return;
      case 'simulate':
        return await simulate(m.id, m.params, m.keepStages ?? false, m.keepCoverage ?? true);
      case 'digest': {
        if (last?.id !== m.id) throw new Error('that world is no longer held');
        const { world } = last;
        last = null;
        post({ type: 'digest', id: m.id, digest: await worldDigest(world) });
        return;
      }
      case 'frames': {
        if (m.world !== frameWorld) {
          frames = new Map();
          frameWorld = m.world;
        }
        for (const [name, ipc] of Object.entries(m.ipc)) frames.set(name, ipcFrame(ipc));
        // Relevance needs the audience vectors expanded over the topic tree: do it now, while DuckDB derives the features.
        if (frames.has('audience_topics') && frames.has('topic_tree') && ('audience_topics' in m.ipc || 'topic_tree' in m.ipc)) {
          topicVectors(frames.get('audience_topics')!, frames.get('topic_tree')!);
        }
        return;
      }
      case 'model': {
        const figure = FIGURES[m.figure];
        const inputs = figure.queries.map((q) => {
          const f = frames.get(q);
          if (!f || m.world !== frameWorld) throw new Error(`query ${q} has not run on this world`);
          return f;
        });
        const started = performance.now();
        const model = figure.model(inputs, m.values as ParamValues, { intervals: m.intervals });
        post({ type: 'model', req: m.req, model, ms: performance.now() - started, context: context() });
        return;
      }
      case 'sweep': {
        if (kept?.id !== m.world || m.world !== frameWorld) throw new Error('that world is no longer held');
        const { stages } = kept;
        kept = null;
        const slugs = stages.ctx.brands.map((b) => b.spec.slug);
        const frame = (name: string) => frames.get(name) ?? (() => { throw new Error(`query ${name} has not run on this world`); })();
        const scores = brandScores(slugs, slugs.map((s) => frame(`brand_offers:${s}`)), frame('audience_topics'), frame('topic_tree'), stages.acc.n);
        const base = seedBase(stages, scores);
        const measured = jobPoints(m.job, base, m.budget, [assumptionByKey(m.key)]);
        post({ type: 'swept', req: m.req, measured, brands: scores.map((s) => ({ slug: s.slug, name: s.name })) });
        return;
      }
    }
  } catch (error) {
    post({ type: 'error', id: 'id' in m ? m.id : 'req' in m ? m.req : -1, message: (error as Error).message });
  }
};
