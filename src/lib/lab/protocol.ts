/** The messages between the lab page and its worker (simulate.worker.ts). */
import type { WorldParams } from '../../../data/sim/params.ts';
import type { Calibration } from '../../../data/sim/calibration.ts';
import type { Measured } from '../sweep/summary.ts';
import type { Job } from '../sweep/plan.ts';

export type ToWorker =
  /** Load the shipped topic tables the simulator needs (once). */
  | { type: 'init'; base: string; version: string }
  /** Simulate a world, handing its tables over as they are made (keepStages, keepCoverage: simulateWorldWithTruth's options). */
  | { type: 'simulate'; id: number; params: WorldParams; keepStages?: boolean; keepCoverage?: boolean }
  /** The fingerprint of world `id` (the last one simulated), asked for once the page is done with the regeneration. */
  | { type: 'digest'; id: number }
  /** Query results of world `world`, by query name, as Arrow IPC bytes (transferred; the worker decodes them). */
  | { type: 'frames'; world: number; ipc: Record<string, Uint8Array> }
  /** Compute a figure's model from the frames of world `world`. */
  | { type: 'model'; req: number; world: number; figure: string; values: Record<string, number | string>; intervals: boolean }
  /**
   * Judge world `world` (simulated with keepStages; its brand_offers frames sent as 'brand_offers:SLUG') for the break-even
   * sweep: what the sweep job's world measures of assumption `key` (jobPoints).
   */
  | { type: 'sweep'; req: number; world: number; key: string; job: Job; budget: number };

export type FromWorker =
  | { type: 'ready'; context: 'worker' | 'window' }
  | { type: 'progress'; id: number; share: number }
  /**
   * Rows of a table as Arrow IPC stream bytes: the first message of a table creates it, later ones
   * (`append`) add rows; `last` says the table is complete (with no bytes when nothing was left).
   */
  | { type: 'table'; id: number; name: string; ipc: Uint8Array | null; append: boolean; last: boolean }
  /** The world is complete: its row counts, timings, and the sources' comparisons measured in it (data/sim/calibration.ts). */
  | { type: 'simulated'; id: number; rows: Record<string, number>; ms: { simulate: number; encode: number }; calibration: Calibration }
  | { type: 'digest'; id: number; digest: string }
  | { type: 'model'; req: number; model: unknown; ms: number; context: 'worker' | 'window' }
  | { type: 'swept'; req: number; measured: Measured[]; brands: { slug: string; name: string }[] }
  | { type: 'error'; id: number; message: string };
