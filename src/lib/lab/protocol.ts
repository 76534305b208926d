/** The messages between the lab page and its worker (simulate.worker.ts). */
import type { WorldParams } from '../../../data/sim/params.ts';
import type { Frame } from '../data/frame.ts';

export type ToWorker =
  /** Load the shipped topic tables the simulator needs (once). */
  | { type: 'init'; base: string; version: string }
  /** Simulate a world; `digest` asks for its fingerprint after the tables. */
  | { type: 'simulate'; id: number; params: WorldParams; digest: boolean }
  /** Query results of world `world`, by query name, for the models. */
  | { type: 'frames'; world: number; frames: Record<string, Frame> }
  /** Compute a figure's model from the frames of world `world`. */
  | { type: 'model'; req: number; world: number; figure: string; values: Record<string, number | string>; intervals: boolean };

export type FromWorker =
  | { type: 'ready'; context: 'worker' | 'window' }
  | { type: 'progress'; id: number; share: number }
  | { type: 'table'; id: number; name: string; ipc: Uint8Array }
  | { type: 'simulated'; id: number; rows: Record<string, number>; ms: { simulate: number; encode: number } }
  | { type: 'digest'; id: number; digest: string }
  | { type: 'model'; req: number; model: unknown; ms: number }
  | { type: 'error'; id: number; message: string };
