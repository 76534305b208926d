/**
 * The lab's worker: the heavy work of regenerating a world, off the page's main thread. It runs
 * the very simulator the build runs (data/sim/world.ts) on the shipped topic tables, encodes each
 * table as Arrow IPC and hands it over (transferred, not copied), then fingerprints the world.
 * It also computes the figures' models (the registry's own functions) from query results the page
 * sends, so the bootstrap intervals never block the page.
 */
import { tableFromIPC } from 'apache-arrow';
import { ontologyFromTables, type Ontology } from '../../../data/sim/ontology.ts';
import { simulateWorld } from '../../../data/sim/world.ts';
import { FIGURES } from '../figures/registry.ts';
import { topicVectors } from '../figures/signals.ts';
import type { Frame } from '../data/frame.ts';
import type { ParamValues } from '../state/params.ts';
import { tableIpc } from './worldArrow.ts';
import { worldDigest } from './worldDigest.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const post = (message: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

let ontology: Promise<Ontology> | null = null;
/** Frames of the current world's queries, by query name (the models read them from here). */
let frames = new Map<string, Frame>();
let frameWorld = -1;

/** The tables the page needs first come first, so loading can start while the rest are encoded. */
const FIRST = ['influencers', 'posts', 'reactions'];

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

async function simulate(id: number, params: Parameters<typeof simulateWorld>[0], digest: boolean): Promise<void> {
  const started = performance.now();
  let last = -1;
  const world = simulateWorld(params, await ontology!, (share) => {
    const pct = Math.floor(share * 100);
    if (pct !== last) post({ type: 'progress', id, share: (last = pct) / 100 });
  }) as unknown as Record<string, Record<string, ArrayLike<unknown>>>;
  const simulated = performance.now();
  const names = [...FIRST, ...Object.keys(world).filter((n) => !FIRST.includes(n))];
  for (const name of names) {
    const ipc = tableIpc(name, world[name]);
    post({ type: 'table', id, name, ipc }, [ipc.buffer as ArrayBuffer]);
  }
  const rows = Object.fromEntries(Object.entries(world).map(([n, cols]) => [n, Object.values(cols)[0]?.length ?? 0]));
  post({ type: 'simulated', id, rows, ms: { simulate: simulated - started, encode: performance.now() - simulated } });
  if (digest) post({ type: 'digest', id, digest: await worldDigest(world) });
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  try {
    switch (m.type) {
      case 'init':
        ontology ??= loadOntology(m.base, m.version);
        await ontology;
        post({ type: 'ready', context: typeof document === 'undefined' ? 'worker' : 'window' });
        return;
      case 'simulate':
        return await simulate(m.id, m.params, m.digest);
      case 'frames':
        if (m.world !== frameWorld) {
          frames = new Map();
          frameWorld = m.world;
        }
        for (const [name, frame] of Object.entries(m.frames)) frames.set(name, frame);
        // Relevance needs the audience vectors expanded over the topic tree: do it now, while the page loads the rest.
        if (m.frames.audience_topics && frames.has('topic_tree')) topicVectors(frames.get('audience_topics')!, frames.get('topic_tree')!);
        return;
      case 'model': {
        const figure = FIGURES[m.figure];
        const inputs = figure.queries.map((q) => {
          const f = frames.get(q);
          if (!f || m.world !== frameWorld) throw new Error(`query ${q} has not run on this world`);
          return f;
        });
        const started = performance.now();
        const model = figure.model(inputs, m.values as ParamValues, { intervals: m.intervals });
        post({ type: 'model', req: m.req, model, ms: performance.now() - started });
        return;
      }
    }
  } catch (error) {
    post({ type: 'error', id: 'id' in m ? m.id : 'req' in m ? m.req : -1, message: (error as Error).message });
  }
};
