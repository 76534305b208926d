/**
 * Build-time rendering of figures with default parameters, so every chart and live number is in
 * the static HTML. Runs the very SQL the browser runs, on DuckDB for Node over the data step's file.
 */
import { openWorld } from './db/world.ts';
import type { Engine } from './db/engine.ts';
import type { QueryRun } from './db/run.ts';
import { runOnce } from './client/runOnce.ts';
import { FIGURES } from './figures/registry.ts';
import { DEFAULTS } from './state/params.ts';
import { roundGeometry } from './charts/svg.ts';

let shared: Promise<Engine> | null = null;
const buildEngine = (): Promise<Engine> => (shared ??= openWorld());

export interface Prerendered {
  /** The chart at desktop width and at phone width (CSS shows one). */
  svg: string;
  svgNarrow: string;
  live: Record<string, string>;
  summary: { head: string[]; rows: (string | number)[][] };
  runs: QueryRun[];
}

/** Render one figure with the default parameters. */
export async function prerender(name: string): Promise<Prerendered> {
  const figure = FIGURES[name];
  if (!figure) throw new Error(`unknown figure ${name}`);
  const { svg, live, summary, runs } = await runOnce(figure, DEFAULTS, await buildEngine());
  const draw = (width: number) => roundGeometry(svg(width));
  return { svg: draw(720), svgNarrow: draw(360), live, summary, runs };
}
