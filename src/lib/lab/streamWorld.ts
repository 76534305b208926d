/**
 * Simulate a world and hand its tables over as Arrow IPC while it is simulated: each table as soon
 * as the simulator has made it, and the posts and reactions in chunks while the accounts' posts
 * are still being made, so the page's DuckDB loads them (and derives from them) while the rest of
 * the world is simulated. Pure apart from `send`: runs in the lab's worker and in Node tests.
 */
import type { Ontology } from '../../../data/sim/ontology.ts';
import type { WorldParams } from '../../../data/sim/params.ts';
import { simulateWorldWithTruth, type Stages, type Truth, type World, type WorldStream } from '../../../data/sim/world.ts';
import { tableIpc } from './worldArrow.ts';

/** DuckDB's row group: appending part of one makes DuckDB redo it, so chunks are whole row groups. */
export const ROW_GROUP = 122_880;
/** Rows per chunk of the event tables. */
export const CHUNK: Record<'posts' | 'reactions', number> = { posts: ROW_GROUP, reactions: 2 * ROW_GROUP };

/**
 * Rows of a table as Arrow IPC stream bytes: the first of a table creates it, later ones (`append`)
 * add rows; `last` marks the table complete (with no bytes when nothing was left to send).
 */
export type Send = (name: string, ipc: Uint8Array | null, append: boolean, last: boolean) => void;

/** With keepStages, the simulator's stages come back too (the break-even sweep reuses them; keepCoverage as simulateWorldWithTruth takes it). */
export function streamWorld(
  params: WorldParams,
  ontology: Ontology,
  send: Send,
  onProgress?: (share: number) => void,
  { keepStages = false, keepCoverage = true }: { keepStages?: boolean; keepCoverage?: boolean } = {},
): { world: World; truth: Truth; encodeMs: number; stages?: Stages } {
  let encodeMs = 0;
  const hand = (name: string, columns: Record<string, ArrayLike<unknown>> | null, append: boolean, last: boolean) => {
    const t = performance.now();
    const ipc = columns ? tableIpc(name, columns) : null;
    encodeMs += performance.now() - t;
    send(name, ipc, append, last);
  };
  const sent = { posts: 0, reactions: 0 };
  let made = { posts: 0, reactions: 0 };
  let rows: Parameters<NonNullable<WorldStream['events']>>[1] | null = null;
  /** Whole chunks of the events made so far; with `complete`, the rest too, and the tables are complete. */
  const flush = (complete: boolean) => {
    for (const name of ['posts', 'reactions'] as const) {
      for (; made[name] - sent[name] >= CHUNK[name]; sent[name] += CHUNK[name]) hand(name, rows!(name, sent[name], sent[name] + CHUNK[name]), sent[name] > 0, false);
      if (!complete) continue;
      hand(name, made[name] > sent[name] ? rows!(name, sent[name], made[name]) : null, sent[name] > 0, true);
      sent[name] = made[name];
    }
  };
  const { world, truth, stages } = simulateWorldWithTruth(params, ontology, onProgress, {
    table(name, columns) {
      // The events went over in chunks: what is left of both goes once the reactions are complete.
      if (name === 'reactions') flush(true);
      else if (name !== 'posts') hand(name, columns as Record<string, ArrayLike<unknown>>, false, true);
    },
    events(m, r) {
      made = m;
      rows = r;
      if (m.reactions - sent.reactions >= CHUNK.reactions || m.posts - sent.posts >= CHUNK.posts) flush(false);
    },
  }, { keepStages, keepCoverage });
  return { world, truth, encodeMs, stages };
}
